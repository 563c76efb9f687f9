import { In, type EntityManager } from 'typeorm';
import type {
  AgencyRef,
  DueSpec,
  ItemRowState,
  ItemWorkflowInput,
  RecordedEvent,
} from '../../../contracts/src';
import { recurrenceOf } from '../../../domain/src';
import { AgencyEntity } from '../entities/agency.entity';
import type { ItemEventEntity } from '../entities/item-event.entity';
import type { ItemEntity } from '../entities/item.entity';
import { NoticeEntity } from '../entities/notice.entity';

/** Where escalations go beyond the lead agency (the configuration's addresses). */
export interface EscalationAddresses {
  readonly secretariatEmail: string;
  readonly committeeHeadEmail: string;
}

const dueOf = (date: string | null, at: Date | null): DueSpec | null =>
  at === null ? null : { date, at: at.getTime() };

export const toAgencyRef = (a: AgencyEntity): AgencyRef => ({
  code: a.code,
  name: a.name,
  contactEmail: a.contactEmail,
  headEmail: a.headEmail,
});

/**
 * The workflow input of a stored item row: its agencies as the directory has them now, its
 * notice's title and number. Throws when the lead agency is not in the directory. Built from the
 * row alone, so the API, its pending-row sweep and the worker's reconciler start the same input.
 */
export async function itemWorkflowInput(
  em: EntityManager,
  row: ItemEntity,
  addresses: EscalationAddresses,
  createdBy: string | null,
): Promise<ItemWorkflowInput> {
  const codes = [row.leadCode, ...row.supportCodes];
  const agencies = new Map(
    (await em.findBy(AgencyEntity, { code: In(codes) })).map((a) => [a.code, a]),
  );
  const lead = agencies.get(row.leadCode);
  if (!lead) {
    throw new Error(`Item ${row.id}: lead agency ${row.leadCode} is not in the directory`);
  }
  // Only the columns the input carries: a notice's text and parsed items are large, and a
  // notice of 500 items would read them 500 times (ADR 0025).
  const notice = row.noticeId
    ? await em.findOne(NoticeEntity, {
        where: { id: row.noticeId },
        select: { id: true, title: true, number: true, issuedOn: true },
      })
    : null;
  return {
    itemId: row.id,
    noticeId: row.noticeId,
    noticeTitle: notice?.title ?? null,
    noticeNumber: notice?.number ?? null,
    noticeIssuedOn: notice?.issuedOn ?? null,
    code: row.code,
    text: row.text,
    lead: toAgencyRef(lead),
    support: row.supportCodes.flatMap((c) => {
      const a = agencies.get(c);
      return a ? [toAgencyRef(a)] : [];
    }),
    reportTo: row.reportTo,
    due: dueOf(row.dueDate, row.dueAt),
    recurrence: row.deadline?.kind === 'recurring' ? recurrenceOf(row.deadline) : null,
    deadlinePhrase:
      row.deadline?.kind === 'date' && typeof row.deadline['phrase'] === 'string'
        ? row.deadline['phrase']
        : null,
    policy: row.policy,
    secretariatEmail: addresses.secretariatEmail,
    committeeHeadEmail: addresses.committeeHeadEmail,
    createdBy,
  };
}

/** The workflow state an items row holds (what its projection wrote with the last event). */
export function itemRowState(row: ItemEntity): ItemRowState {
  return {
    status: row.status,
    due: dueOf(row.dueDate, row.dueAt),
    originalDue: dueOf(row.originalDueDate, row.originalDueAt),
    deadlineVersion: row.deadlineVersion,
    escalationLevel: row.escalationLevel,
    progressPercent: row.progressPercent,
    completedLate: row.completedLate,
    pendingExtension: row.pendingExtension,
    version: row.version,
  };
}

/** A stored history event as the workflow recorded it. */
export const toRecordedEvent = (e: ItemEventEntity): RecordedEvent => ({
  seq: e.seq,
  type: e.type,
  at: e.at.getTime(),
  actor: e.actor,
  detail: (e.detail ?? null) as RecordedEvent['detail'],
});
