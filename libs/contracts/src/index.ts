export * from './item-workflow.messages';
export * from './item-workflow.types';
export * from './workflow-ids';
