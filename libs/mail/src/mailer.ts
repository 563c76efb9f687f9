import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';

/** One message to send; `messageId` is set by the caller so a resend carries the same id. */
export interface OutgoingMail {
  readonly to: string | readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** RFC 5322 Message-ID with angle brackets: `<hex@domain>`. */
  readonly messageId: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface MailReceipt {
  readonly messageId: string;
  readonly response: string;
}

/** The port activities send through; the nodemailer adapter below and test fakes implement it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close?(): void;
}

/**
 * A failed delivery, classified once at the adapter: `permanent` means sending the same message
 * again will fail again (5xx reply except 503, invalid address); anything else (4xx, 503,
 * connection, timeout) is transient and worth retrying.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** Nodemailer error codes that carry no SMTP reply yet cannot succeed on a retry. */
const PERMANENT_CODES_WITHOUT_REPLY = new Set([
  'EENVELOPE',
  'EMESSAGE',
  'ECONFIG',
  'EMAXRECIPIENTS',
]);

/** Classifies anything nodemailer throws (exported for tests and for other transports). */
export function toMailDeliveryError(err: unknown): MailDeliveryError {
  if (err instanceof MailDeliveryError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as Partial<NodemailerError>;
  const message = err instanceof Error ? err.message : String(err);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  let permanent: boolean;
  if (responseCode !== null) {
    permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  } else {
    permanent = code !== null && PERMANENT_CODES_WITHOUT_REPLY.has(code);
  }
  return new MailDeliveryError(message, permanent, responseCode, code);
}

/** The nodemailer adapter: one SMTP transport from `SMTP_URL` (smtp:// or smtps://). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from,
          to: typeof mail.to === 'string' ? mail.to : [...mail.to],
          cc: mail.cc ? [...mail.cc] : undefined,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers ? { ...mail.headers } : undefined,
        });
        return { messageId: info.messageId, response: info.response };
      } catch (err) {
        throw toMailDeliveryError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}
