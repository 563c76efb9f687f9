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
  /** Files carried with the mail (a digest's spreadsheet). */
  readonly attachments?: readonly MailAttachment[];
  /** A calendar invite (iMIP): sent as a text/calendar part and as an .ics attachment. */
  readonly calendar?: MailCalendar;
}

export interface MailCalendar {
  readonly method: 'REQUEST' | 'CANCEL';
  readonly filename: string;
  /** The .ics text. */
  readonly content: string;
}

export interface MailAttachment {
  readonly filename: string;
  readonly content: Buffer;
  readonly contentType: string;
}

export interface MailReceipt {
  readonly messageId: string;
  readonly response: string;
}

/** The port activities send through; the nodemailer adapter below and test fakes implement it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<MailReceipt>;
  /**
   * Connects, greets and logs in as a send would, without sending: rejects with a classified
   * MailDeliveryError when the server cannot take mail from us now.
   */
  verify?(): Promise<void>;
  close?(): void;
}

/**
 * Why a delivery failed (ADR 0018). Only `recipient` is final: this address cannot receive mail.
 * Every other fault is ours or the server's, and sending again succeeds once it is repaired.
 */
export type MailFault =
  /** 5xx to RCPT TO about the mailbox or address (5.1.x, 5.2.x; 550–553 without a policy reason), or an address that cannot be used at all. */
  | 'recipient'
  /** No SMTP conversation: connection refused, DNS, TLS, a time-out, a dropped connection. */
  | 'unreachable'
  /** The server refused our credentials or requires them (535, 534, 530, EAUTH). */
  | 'authentication'
  /** The server refused our sender, relaying or the message (5.7.x relay denied, 5xx to MAIL FROM or DATA, 554). */
  | 'refused'
  /** 4xx: the server asks to try again later. */
  | 'temporary'
  /** We could not build or hand over the message (configuration, message). */
  | 'local';

/**
 * A failed delivery, classified once at the adapter. `permanent` (a `recipient` fault) means
 * sending the same message to this address will fail again; anything else is retried until it
 * works.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  readonly permanent: boolean;
  constructor(
    message: string,
    readonly fault: MailFault,
    readonly responseCode: number | null,
    readonly code: string | null,
  ) {
    super(message);
    this.permanent = fault === 'recipient';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const AUTHENTICATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
/** Replies about our credentials, whatever command they answer. */
const AUTHENTICATION_REPLIES = new Set([530, 534, 535, 538]);
/** Words of a 5xx reply without an enhanced code that blame the sender or the relay, not the mailbox. */
const POLICY_WORDS =
  /relay|auth|access denied|not permitted|not allowed|policy|spam|blocked|blacklist|reputation/i;

/** The enhanced status code (RFC 3463) a reply carries after its basic code: [class, subject]. */
function enhancedStatus(response: string): [number, number] | null {
  const m = /^\d{3}[ -]([245])\.(\d{1,3})\.\d{1,3}\b/.exec(response.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Whether a 5xx reply to RCPT TO rejects the recipient's mailbox or address (final for that
 * address) rather than us: enhanced codes 5.1.x (address) and 5.2.x (mailbox); without one,
 * 550–553 unless the text names relaying, authentication or a policy.
 */
export function isRecipientRejection(responseCode: number, response: string): boolean {
  if (responseCode < 500 || responseCode > 599) return false;
  const enhanced = enhancedStatus(response);
  if (enhanced) return enhanced[0] === 5 && (enhanced[1] === 1 || enhanced[1] === 2);
  return responseCode >= 550 && responseCode <= 553 && !POLICY_WORDS.test(response);
}

/** The fault of a nodemailer error (or anything thrown); see MailFault. */
export function classifyMailFault(err: Partial<NodemailerError>): MailFault {
  const responseCode = typeof err.responseCode === 'number' ? err.responseCode : null;
  const code = typeof err.code === 'string' ? err.code : null;
  const command = typeof err.command === 'string' ? err.command : '';
  if (
    (code !== null && AUTHENTICATION_CODES.has(code)) ||
    command.startsWith('AUTH') ||
    (responseCode !== null && AUTHENTICATION_REPLIES.has(responseCode))
  ) {
    return 'authentication';
  }
  if (responseCode !== null && responseCode >= 400 && responseCode < 500) return 'temporary';
  if (responseCode !== null && responseCode >= 500) {
    const response = typeof err.response === 'string' ? err.response : `${responseCode}`;
    return command === 'RCPT TO' && isRecipientRejection(responseCode, response)
      ? 'recipient'
      : 'refused';
  }
  // No reply. nodemailer refuses an address it cannot use before talking to the server.
  if (code === 'EENVELOPE' && /^Invalid recipient/i.test(err.message ?? '')) return 'recipient';
  if (code === null || UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (typeof err.originalCode === 'string' && UNREACHABLE_CODES.has(err.originalCode)) {
    return 'unreachable';
  }
  return 'local';
}

/** Classifies anything nodemailer throws (exported for tests and for other transports). */
export function toMailDeliveryError(err: unknown): MailDeliveryError {
  if (err instanceof MailDeliveryError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as Partial<NodemailerError>;
  const message = err instanceof Error ? err.message : String(err);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  return new MailDeliveryError(message, classifyMailFault({ ...e, message }), responseCode, code);
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
          attachments: mail.attachments?.map((a) => ({ ...a })),
          icalEvent: mail.calendar ? { ...mail.calendar } : undefined,
        });
        return { messageId: info.messageId, response: info.response };
      } catch (err) {
        throw toMailDeliveryError(err);
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (err) {
        throw toMailDeliveryError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}
