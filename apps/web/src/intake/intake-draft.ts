import type { IntakeRow, NoticePreview } from './intake-rows';

/**
 * "Nhập thông báo" as the secretariat left it: the pasted text, the preview it was read into, and
 * the rows as edited. Kept in the tab's sessionStorage under the user's id, so a session that ends
 * during a long review (idle, expired, revoked: the app reloads into the login page) loses nothing:
 * the same user, logged in again in the same tab, finds it back. Confirming or "Bỏ bản nháp"
 * removes it.
 */
export interface IntakeDraft {
  readonly text: string;
  /** The text as previewed and the API's reading of it; null before "Xem trước". */
  readonly previewed: { readonly text: string; readonly result: NoticePreview } | null;
  /** The rows as parsed (where the source text's passages are looked for). */
  readonly parsedRows: readonly IntakeRow[];
  /** The rows as edited. */
  readonly rows: readonly IntakeRow[];
  /** When it was last changed (ms since the epoch). */
  readonly savedAt: number;
}

/** What a draft needs of the browser's storage (sessionStorage, or a stand-in in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The draft's shape version: a draft of another shape is dropped, not misread. */
const VERSION = 1;

export const draftKey = (userId: string): string => `dondoc.intake-draft.${userId}`;

/** Whether there is anything worth keeping: a text or a row. */
export const draftHasContent = (d: Pick<IntakeDraft, 'text' | 'rows'>): boolean =>
  d.text.trim() !== '' || d.rows.length > 0;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isRow = (v: unknown): v is IntakeRow =>
  isObject(v) &&
  typeof v.key === 'string' &&
  typeof v.code === 'string' &&
  typeof v.text === 'string' &&
  Array.isArray(v.support) &&
  Array.isArray(v.warnings) &&
  isObject(v.parsed) &&
  isObject(v.recurrence) &&
  (v.mode === 'date' || v.mode === 'recurring' || v.mode === 'none');

const isPreviewed = (v: unknown): v is IntakeDraft['previewed'] =>
  v === null ||
  (isObject(v) &&
    typeof v.text === 'string' &&
    isObject(v.result) &&
    Array.isArray(v.result.items) &&
    Array.isArray(v.result.warnings) &&
    isObject(v.result.notice));

/** The user's draft in this tab, or null (none, unreadable, or of another shape). */
export function loadDraft(storage: DraftStorage, userId: string): IntakeDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(draftKey(userId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (
    !isObject(value) ||
    value.version !== VERSION ||
    typeof value.text !== 'string' ||
    typeof value.savedAt !== 'number' ||
    !isPreviewed(value.previewed) ||
    !Array.isArray(value.parsedRows) ||
    !value.parsedRows.every(isRow) ||
    !Array.isArray(value.rows) ||
    !value.rows.every(isRow)
  ) {
    return null;
  }
  const draft: IntakeDraft = {
    text: value.text,
    previewed: value.previewed,
    parsedRows: value.parsedRows,
    rows: value.rows,
    savedAt: value.savedAt,
  };
  return draftHasContent(draft) ? draft : null;
}

/**
 * Keeps the user's draft; an empty one (no text, no row) is removed instead. A full or refused
 * storage loses the draft, never the page: false says it was not kept.
 */
export function saveDraft(storage: DraftStorage, userId: string, draft: IntakeDraft): boolean {
  try {
    if (!draftHasContent(draft)) storage.removeItem(draftKey(userId));
    else storage.setItem(draftKey(userId), JSON.stringify({ version: VERSION, ...draft }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage, userId: string): void {
  try {
    storage.removeItem(draftKey(userId));
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** The tab's sessionStorage, or null where the browser refuses it (private modes, policies). */
export function sessionDraftStorage(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
