import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { components } from '../api/schema';

export type NoticeWithItems = components['schemas']['NoticeWithItemsResponse'];
export type NoticeCounts = components['schemas']['NoticeCountsResponse'];

/** A notice with its items' live status (an agency gets only its own items). */
export function useNotice(id: string) {
  return useQuery({
    queryKey: ['notice', id],
    queryFn: async () => unwrap(await api.GET('/api/notices/{id}', { params: { path: { id } } })),
  });
}
