/** Workflow entry point: Temporal bundles this file and everything it imports. */
export { itemWorkflow } from './item.workflow';
export { reconcileWorkflow } from './reconcile.workflow';
export { digestWorkflow } from './digest.workflow';
