/** One reducer per command (Temporal Update); each is pure and runs in the validator and the handler. */
export { accept } from './accept';
export { cancel } from './cancel';
export { changeDeadline } from './deadline-change';
export { decideExtension } from './extension-decision';
export { requestExtension } from './extension-request';
export { reportProgress } from './progress';
export { reassign } from './reassign';
export { returnSubmission } from './return';
export { submit } from './submit';
export {
  isRejection,
  refused,
  type Decision,
  type Reducer,
  type Rejection,
  type UpdateRejectionType,
} from './decision';
