/** The digests (issue 11): who gets one, and what the digest workflow says it did. */
export const DIGEST_KINDS = ['secretariat', 'head', 'agencies'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** A digest's name as people read it (the digests page, the audit log). */
export const DIGEST_LABELS: Readonly<Record<DigestKind, string>> = {
  secretariat: 'Thư tổng hợp hằng ngày gửi Văn phòng',
  head: 'Báo cáo tuần gửi Trưởng Ban Chỉ đạo',
  agencies: 'Thư hằng tuần gửi các cơ quan chủ trì',
};

/** The workflow type the digests' Schedules start. */
export const DIGEST_WORKFLOW_TYPE = 'digestWorkflow';

/** One Schedule a kind of digest, per task queue (as the reconciler's). */
export function digestScheduleId(taskQueue: string, kind: DigestKind): string {
  return `${taskQueue}-digest-${kind}`;
}

export interface DigestInput {
  readonly kind: DigestKind;
  /** Sent whatever the day (a check asked for by the secretariat): not only on digest days. */
  readonly force?: boolean;
}

export interface DigestSummary {
  readonly kind: DigestKind;
  /** The day of the digest (UTC+7). */
  readonly date: string;
  /** Mails sent now, and those an earlier attempt of the same day had sent. */
  readonly sent: number;
  readonly alreadySent: number;
  /** Why nothing was sent: a day off, or nothing to say. */
  readonly skipped: 'not-a-digest-day' | 'nothing-to-say' | null;
}
