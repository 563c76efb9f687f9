import type { paths } from '../api/schema';

export type ListQuery = NonNullable<paths['/api/items']['get']['parameters']['query']>;

export const PAGE_SIZE = 20;

const STRING_KEYS = ['status', 'lead', 'noticeId', 'q', 'dueFrom', 'dueTo', 'sort'] as const;
const BOOLEAN_KEYS = ['overdue', 'pendingExtension'] as const;

/** The list's filters as the page's address keeps them (`?status=overdue&page=2`). */
export interface ListState {
  readonly query: ListQuery;
  readonly page: number;
}

export function readListState(params: URLSearchParams): ListState {
  const query: Record<string, string | boolean> = {};
  for (const key of STRING_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  for (const key of BOOLEAN_KEYS) {
    const value = params.get(key);
    if (value === 'true' || value === 'false') query[key] = value === 'true';
  }
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  return { query, page };
}

export function writeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}
