import type { NoticeSummary } from '../api/client';

const NO_NUMBER = 'Thông báo (không số)';

/** "Thông báo số 12/TB-BCĐ", or "Thông báo (không số)" for a notice without a number. */
export const noticeHeading = (n: Pick<NoticeSummary, 'number'>): string =>
  n.number ? `Thông báo số ${n.number}` : NO_NUMBER;

/** The number as a list shows it. */
export const noticeNumber = (n: Pick<NoticeSummary, 'number'>): string => n.number ?? '(không số)';

/**
 * Which notice an item is from, short: its number, or for a notice without one the start of its
 * title (several notices without a number would all read "(không số)").
 */
export const noticeShort = (n: Pick<NoticeSummary, 'number' | 'title'>): string =>
  n.number ?? (n.title ? `(không số) ${truncate(n.title, 40)}` : '(không số)');

/** "Thông báo số 12/TB-BCĐ", or "Thông báo: <start of its title>" for a notice without a number. */
export const noticeShortHeading = (n: Pick<NoticeSummary, 'number' | 'title'>): string =>
  n.number
    ? `Thông báo số ${n.number}`
    : n.title
      ? `Thông báo: ${truncate(n.title, 40)}`
      : NO_NUMBER;

export const noticePath = (id: string): string => `/notices/${id}`;

export const NOTICES_PATH = '/notices';

/** A long text cut at a word boundary, with an ellipsis; short texts unchanged. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.]+$/u, '')}…`;
}
