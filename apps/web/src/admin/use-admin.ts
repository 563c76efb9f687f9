import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { AuditEntry, AuditQuery, User, UsersQuery } from './admin-types';

export interface Page<T> {
  readonly rows: T[];
  readonly total: number;
}

const totalOf = (response: Response, rows: readonly unknown[]): number =>
  Number(response.headers.get('x-total-count') ?? rows.length);

/** The `limit`/`offset` of a 1-based page. */
const pageParams = <Q extends object>(query: Q, page: number, pageSize: number) => ({
  query: { ...query, limit: pageSize, offset: (page - 1) * pageSize },
});

/** A list answer as a page: its rows and the X-Total-Count of the whole list. */
function toPage<T>(result: { data?: T[]; error?: unknown; response: Response }): Page<T> {
  const rows = unwrap(result);
  return { rows, total: totalOf(result.response, rows) };
}

/** One page of GET /api/users (secretariat). */
export function useUsers(query: UsersQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['users', query, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<Page<User>> =>
      toPage(await api.GET('/api/users', { params: pageParams(query, page, pageSize) })),
  });
}

/** One page of GET /api/audit (secretariat), newest first. */
export function useAudit(query: AuditQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', query, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<Page<AuditEntry>> =>
      toPage(await api.GET('/api/audit', { params: pageParams(query, page, pageSize) })),
  });
}

/** For a 204 answer (no body): throws the API's error, returns nothing on success. */
export function expectNoContent(result: { error?: unknown; response: Response }): void {
  if (result.response.ok) return;
  unwrap({ ...result, data: undefined });
}
