import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

export function useOverdueReport() {
  return useQuery({
    queryKey: ['reports', 'overdue'],
    queryFn: async () => unwrap(await api.GET('/api/reports/overdue')),
  });
}

export function useCompletionReport() {
  return useQuery({
    queryKey: ['reports', 'completion'],
    queryFn: async () => unwrap(await api.GET('/api/reports/completion')),
  });
}
