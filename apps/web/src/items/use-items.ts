import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Item } from '../api/client';
import { unwrap } from '../api/errors';
import { PAGE_SIZE, type ListQuery } from './list-query';

export interface ItemsPage {
  readonly items: Item[];
  readonly total: number;
}

/** One page of GET /api/items; the total comes from the X-Total-Count header. */
export function useItems(query: ListQuery, page: number, pageSize = PAGE_SIZE) {
  return useQuery({
    queryKey: ['items', query, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<ItemsPage> => {
      const result = await api.GET('/api/items', {
        params: { query: { ...query, limit: pageSize, offset: (page - 1) * pageSize } },
      });
      const items = unwrap(result);
      const total = Number(result.response.headers.get('x-total-count') ?? items.length);
      return { items, total };
    },
  });
}

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    staleTime: Infinity,
    queryFn: async () => unwrap(await api.GET('/api/agencies')),
  });
}

export function useNotices(enabled: boolean) {
  return useQuery({
    queryKey: ['notices'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/api/notices')),
  });
}
