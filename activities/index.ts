import type { DataSource } from 'typeorm';
import type { Mailer } from '../libs/mail/src';
import { createDigestActivities } from './digest.activities';
import { createItemStepActivities } from './item-step.activities';
import { createMailActivities, type MailActivityConfig } from './mail.activities';
import { pgItemStore, pgMailLogStore } from './pg-stores';
import { createProjectionActivities } from './projection.activities';
import { urgingLetterAttachment } from './urging-letter-attachment';

export type { ItemStore, MailLogEntry, MailLogStatus, MailLogStore } from './ports';
export {
  createMailActivities,
  mailIdempotencyKey,
  messageIdFor,
  type MailActivityConfig,
} from './mail.activities';
export { createProjectionActivities } from './projection.activities';
export { createItemStepActivities, type ItemStepParts } from './item-step.activities';
export { createDigestActivities, type DigestActivities } from './digest.activities';
export { pgItemStore, pgMailLogStore } from './pg-stores';
export {
  createReconcileActivities,
  type ReconcileActivities,
  type ReconcileDeps,
  workflowStatus,
} from './reconcile.activities';

export interface ActivityDeps {
  readonly dataSource: DataSource;
  readonly mailer: Mailer;
  readonly config: MailActivityConfig;
}

/** Every activity the item workflow calls, built from ports (the worker passes Nest's DI objects). */
export function createActivities(deps: ActivityDeps) {
  const parts = {
    ...createProjectionActivities({ items: pgItemStore(deps.dataSource) }),
    ...createMailActivities({
      mailLog: pgMailLogStore(deps.dataSource),
      mailer: deps.mailer,
      config: deps.config,
      urgingLetter: urgingLetterAttachment(deps.dataSource),
    }),
  };
  return { ...parts, ...createItemStepActivities(parts) };
}

/** The digests' activity (issue 11), on the same worker as the items'. */
export function createWorkerDigestActivities(
  deps: ActivityDeps & { readonly recipients: { secretariat: string; head: string } },
) {
  return createDigestActivities({
    dataSource: deps.dataSource,
    mailer: deps.mailer,
    mailLog: pgMailLogStore(deps.dataSource),
    config: deps.config,
    recipients: deps.recipients,
  });
}

/** The activity interface the workflow proxies (import type only). */
export type ItemActivities = ReturnType<typeof createActivities>;
