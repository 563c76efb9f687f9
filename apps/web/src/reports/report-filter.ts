import type { components, paths } from '../api/schema';
import { formatDate } from '../format';
import { writeListState } from '../items/list-query';

/** What the reports cover: a notice and a period of due dates ("YYYY-MM-DD", UTC+7). */
export type ReportFilter = NonNullable<paths['/api/reports/overdue']['get']['parameters']['query']>;
export type ReportScope = components['schemas']['ReportScopeResponse'];
type ReportNotice = NonNullable<ReportScope['notice']>;

const KEYS = ['noticeId', 'from', 'to'] as const;

/** The filter as the page's address keeps it (`/bao-cao?noticeId=…&from=…&to=…`). */
export function readReportFilter(params: URLSearchParams): ReportFilter {
  const filter: ReportFilter = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

export function writeReportFilter(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * The items list with the report's filter and this agency (and overdue only): the API counts an
 * overdue bar exactly as this list does.
 */
export function itemsListUrl(filter: ReportFilter, lead: string, overdue: boolean): string {
  const query = {
    lead,
    ...(overdue ? { overdue: true } : {}),
    ...(filter.noticeId ? { noticeId: filter.noticeId } : {}),
    ...(filter.from ? { dueFrom: filter.from } : {}),
    ...(filter.to ? { dueTo: filter.to } : {}),
  };
  return `/items?${writeListState({ query, page: 1 }).toString()}`;
}

/** How a notice is named in a select and a title: its number, else its title. */
export const noticeLabel = (n: Pick<ReportNotice, 'number' | 'title'>): string =>
  n.number ?? n.title ?? 'Thông báo không số';

/** What the report covers, in words: "Thông báo số …; nhiệm vụ có hạn từ … đến …". */
export function scopeText(scope: ReportScope): string {
  const notice = scope.notice
    ? `Thông báo ${scope.notice.number ? `số ${scope.notice.number}` : `“${noticeLabel(scope.notice)}”`}`
    : 'Tất cả thông báo';
  const from = scope.from ? ` từ ${formatDate(scope.from)}` : '';
  const to = scope.to ? ` đến ${formatDate(scope.to)}` : '';
  const period = from || to ? `nhiệm vụ có hạn${from}${to}` : 'mọi thời hạn';
  return `${notice}; ${period}.`;
}
