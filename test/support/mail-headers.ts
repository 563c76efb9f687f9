import type { ReceivedMail } from './smtp';

/** The X-DonDoc-* headers every item mail carries. */
export const header = (m: ReceivedMail, name: string): string => {
  const v = m.headers.get(name.toLowerCase());
  return typeof v === 'string' ? v : '';
};
export const mailKind = (m: ReceivedMail): string => header(m, 'x-dondoc-kind');
export const mailItem = (m: ReceivedMail): string => header(m, 'x-dondoc-item');
export const mailStep = (m: ReceivedMail): string => header(m, 'x-dondoc-step');
