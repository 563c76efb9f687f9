import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useAgencies } from '../items/use-items';

/** An item, its history and the agency directory (names of co-ordinating agencies). */
export function useItem(id: string) {
  const queryClient = useQueryClient();
  const item = useQuery({
    queryKey: ['item', id],
    queryFn: async () => unwrap(await api.GET('/api/items/{id}', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['item', id, 'history'],
    enabled: item.isSuccess,
    queryFn: async () =>
      unwrap(await api.GET('/api/items/{id}/history', { params: { path: { id } } })),
  });
  const agencies = useAgencies();
  const names = new Map((agencies.data ?? []).map((a) => [a.code, a.name]));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['item', id] });
  return { item, history, names, refresh };
}
