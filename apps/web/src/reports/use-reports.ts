import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { ReportFilter } from './report-filter';

export function useOverdueReport(filter: ReportFilter) {
  return useQuery({
    queryKey: ['reports', 'overdue', filter],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/overdue', { params: { query: filter } })),
  });
}

export function useCompletionReport(filter: ReportFilter) {
  return useQuery({
    queryKey: ['reports', 'completion', filter],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/completion', { params: { query: filter } })),
  });
}

/** The items not yet overdue most likely to end late (the overdue ones are the overdue report). */
export function useRiskReport(limit: number) {
  return useQuery({
    queryKey: ['reports', 'risk', limit],
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/risk', { params: { query: { overdue: false, limit } } })),
  });
}
