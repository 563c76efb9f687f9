/** History event types, as the HTTP contract names them (the `item_events.type` column). */
export const ITEM_EVENT_TYPES = [
  'created',
  'reminder_sent',
  'overdue',
  'escalated',
  'progress_reported',
  'submitted',
  'completed',
  'returned',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'reassigned',
  'cancelled',
  /** The workflow was missing in Temporal and was restored from PostgreSQL (ADR 0022). */
  'restored',
  /** The secretariat set another deadline without a request. */
  'deadline_changed',
] as const;

export type ItemEventType = (typeof ITEM_EVENT_TYPES)[number];

/** One history event as the workflow records it; `seq` is the workflow's own counter. */
export interface RecordedEvent {
  readonly seq: number;
  readonly type: ItemEventType;
  /** Epoch ms (workflow time). */
  readonly at: number;
  readonly actor?: string | null;
  readonly detail?: Readonly<Record<string, unknown>> | null;
}
