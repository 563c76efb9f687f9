import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AcceptCommand,
  CancelCommand,
  ChangeDeadlineCommand,
  ExtensionDecisionCommand,
  ExtensionRequestCommand,
  ItemView,
  ProgressCommand,
  ReassignCommand,
  ReturnCommand,
  SubmitCommand,
} from './item-workflow.types';

/** Message definitions shared by the API (client) and the workflow. Names are part of history. */
export const itemStateQuery = defineQuery<ItemView>('itemState');
export const reportProgressUpdate = defineUpdate<ItemView, [ProgressCommand]>('reportProgress');
export const submitUpdate = defineUpdate<ItemView, [SubmitCommand]>('submit');
export const acceptUpdate = defineUpdate<ItemView, [AcceptCommand]>('accept');
export const returnUpdate = defineUpdate<ItemView, [ReturnCommand]>('return');
export const requestExtensionUpdate = defineUpdate<ItemView, [ExtensionRequestCommand]>(
  'requestExtension',
);
export const decideExtensionUpdate = defineUpdate<ItemView, [ExtensionDecisionCommand]>(
  'decideExtension',
);
export const reassignUpdate = defineUpdate<ItemView, [ReassignCommand]>('reassign');
export const cancelUpdate = defineUpdate<ItemView, [CancelCommand]>('cancel');
export const changeDeadlineUpdate = defineUpdate<ItemView, [ChangeDeadlineCommand]>(
  'changeDeadline',
);
