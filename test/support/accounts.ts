import type { ReceivedMail, TestSmtpServer } from './smtp';

/** The token of the one-time set-password link in a mail (`…/dat-mat-khau?t=<token>`). */
export function passwordLinkToken(mail: ReceivedMail, publicBaseUrl: string): string {
  const page = `${publicBaseUrl}/dat-mat-khau?t=`;
  const at = mail.text.indexOf(page);
  if (at < 0) throw new Error(`no set-password link to ${page} in the mail "${mail.subject}"`);
  const token = /^[A-Za-z0-9_-]+/.exec(mail.text.slice(at + page.length))?.[0];
  if (!token) throw new Error(`an empty set-password link in the mail "${mail.subject}"`);
  if (!mail.html.includes(`href="${page}${token}"`)) {
    throw new Error(`the HTML of "${mail.subject}" does not link ${page}${token}`);
  }
  return token;
}

/** The mails sent to `address` so far. */
export const mailsTo = (smtp: TestSmtpServer, address: string): ReceivedMail[] =>
  smtp.messages.filter((m) => m.to.includes(address.toLowerCase()));

/** Waits for the `n`-th mail to `address` and returns it. */
export async function nthMailTo(
  smtp: TestSmtpServer,
  address: string,
  n = 1,
): Promise<ReceivedMail> {
  const mails = await smtp.waitFor((m) => m.to.includes(address.toLowerCase()), n, 20_000);
  return mails[n - 1]!;
}
