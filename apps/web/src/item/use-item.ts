import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useAgencies } from '../items/use-items';
import { addressNames } from './recipients';

/**
 * An item, its history, what the reader may do with it, and the agency directory's names (by code
 * and by address).
 */
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
  const actions = useQuery({
    queryKey: ['item', id, 'actions'],
    enabled: item.isSuccess,
    queryFn: async () =>
      unwrap(await api.GET('/api/items/{id}/actions', { params: { path: { id } } })).actions,
  });
  const agencies = useAgencies();
  const names = new Map((agencies.data ?? []).map((a) => [a.code, a.name]));
  const addresses = addressNames(agencies.data ?? []);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['item', id] });
  return { item, history, actions: actions.data ?? [], names, addresses, refresh };
}
