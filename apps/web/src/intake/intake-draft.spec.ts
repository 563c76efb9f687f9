import { describe, expect, it } from '@jest/globals';
import {
  clearDraft,
  draftKey,
  loadDraft,
  saveDraft,
  type DraftStorage,
  type IntakeDraft,
} from './intake-draft';
import { emptyRow, rowsOf, type NoticePreview } from './intake-rows';

/** A stand-in for the browser's sessionStorage (jest runs in Node). */
class MemoryStorage implements DraftStorage {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

/** A storage that refuses everything, as a browser may (quota, policies). */
const refusing: DraftStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const TEXT = 'THÔNG BÁO\nKết luận của Trưởng ban...\n2. Giao nhiệm vụ\na) Sở Tài chính chủ trì ...';
const preview: NoticePreview = {
  existingNotice: null,
  notice: {
    chair: null,
    issuedOn: null,
    meetingDate: '2026-01-05',
    number: '12/TB-BCĐ',
    title: null,
  },
  items: [
    {
      code: '2.a',
      text: 'Rà soát hồ sơ quyết toán',
      lead: ['Sở Tài chính'],
      support: [],
      deadline: { kind: 'date', due: '2026-03-31', phrase: 'trước ngày 31/3/2026' },
    },
  ],
  warnings: [],
};
const parsed = rowsOf(preview, []);
const edited = [
  { ...parsed[0]!, lead: 'STC', due: '2026-04-15' },
  { ...emptyRow(1), code: '3' },
];
const draft: IntakeDraft = {
  text: TEXT,
  previewed: { text: TEXT, result: preview },
  parsedRows: parsed,
  rows: edited,
  savedAt: Date.UTC(2026, 0, 5, 3, 0),
};

describe('the intake draft', () => {
  it('comes back as saved, edits included, for the same user only', () => {
    const storage = new MemoryStorage();
    expect(saveDraft(storage, 'u1', draft)).toBe(true);
    expect(loadDraft(storage, 'u1')).toEqual(draft);
    expect(loadDraft(storage, 'u2')).toBeNull();
  });

  it('is gone once cleared, or saved with nothing in it', () => {
    const storage = new MemoryStorage();
    saveDraft(storage, 'u1', draft);
    clearDraft(storage, 'u1');
    expect(loadDraft(storage, 'u1')).toBeNull();
    saveDraft(storage, 'u1', draft);
    saveDraft(storage, 'u1', { ...draft, text: ' ', previewed: null, parsedRows: [], rows: [] });
    expect(storage.values.size).toBe(0);
    // Only a text, before "Xem trước": kept.
    const typed = { ...draft, previewed: null, parsedRows: [], rows: [] };
    saveDraft(storage, 'u1', typed);
    expect(loadDraft(storage, 'u1')).toEqual(typed);
  });

  it('reads a stored value of another shape, or not JSON, as no draft', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey('u1'), '{not json');
    expect(loadDraft(storage, 'u1')).toBeNull();
    storage.setItem(draftKey('u1'), JSON.stringify({ ...draft, version: 0 }));
    expect(loadDraft(storage, 'u1')).toBeNull();
    storage.setItem(draftKey('u1'), JSON.stringify({ ...draft, version: 1, rows: [{ key: 1 }] }));
    expect(loadDraft(storage, 'u1')).toBeNull();
  });

  it('never breaks the page when the browser refuses the storage', () => {
    expect(saveDraft(refusing, 'u1', draft)).toBe(false);
    expect(loadDraft(refusing, 'u1')).toBeNull();
    expect(() => clearDraft(refusing, 'u1')).not.toThrow();
  });
});
