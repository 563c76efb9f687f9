export * from './item-activities.types';
export * from './item-events';
export * from './item-workflow.messages';
export * from './item-workflow.types';
export * from './workflow-ids';
export * from './reconcile.types';
export * from './digest.types';
export * from './mail-delivery';
