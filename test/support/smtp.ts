import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly from: string;
  readonly subject: string;
  readonly messageId: string;
  readonly text: string;
  readonly html: string;
  readonly headers: Map<string, unknown>;
  readonly attachments: { filename: string; contentType: string; content: Buffer }[];
  readonly receivedAt: number;
}

export interface TestSmtpServer {
  readonly url: string;
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Resolves with the first `count` messages matching `predicate`, or rejects after timeoutMs. */
  waitFor(
    predicate: (m: ReceivedMail) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<ReceivedMail[]>;
  /** Makes the next `n` RCPT TO answers fail with the given SMTP code (e.g. 450 transient, 550 permanent). */
  failNext(n: number, code: number): void;
  /**
   * Holds every message after its DATA arrives, before the final 250: the sender is mid-send.
   * Resolves `arrived` when the first held message is in. A held message whose connection drops
   * (sender killed) is discarded, as a real server does with an unfinished transaction.
   */
  hold(): { arrived: Promise<void> };
  release(): void;
  /**
   * While a code is set (e.g. 535), every AUTH is refused with it, whatever the credentials
   * (a server started with `auth`; null: logins work again).
   */
  rejectLogins(code: number | null): void;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Require AUTH PLAIN/LOGIN with these credentials before MAIL FROM; `url` carries them. */
  readonly auth?: { readonly user: string; readonly pass: string };
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) =>
    o.value.map((v) => (v.address ?? '').toLowerCase()),
  );

/** A real SMTP server (smtp-server) on a free loopback port that keeps what it receives. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  let failures = { remaining: 0, code: 450 };
  let loginRejection: number | null = null;
  const auth = options.auth;
  const closedSessions = new Set<string>();
  let gate: { open: Promise<void>; release: () => void; arrived: () => void } | null = null;
  const server = new SMTPServer({
    authOptional: !auth,
    ...(auth ? { authMethods: ['PLAIN', 'LOGIN'], allowInsecureAuth: true } : {}),
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(credentials, _session, callback) {
      const refuse = (code: number) =>
        callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: code }),
        );
      if (loginRejection !== null) return refuse(loginRejection);
      if (!auth || credentials.username !== auth.user || credentials.password !== auth.pass) {
        return refuse(535);
      }
      callback(null, { user: auth.user });
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onRcptTo(_address, _session, callback) {
      if (failures.remaining > 0) {
        failures.remaining--;
        const err = Object.assign(new Error(`test failure ${failures.code}`), {
          responseCode: failures.code,
        });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (gate) {
            const current = gate;
            current.arrived();
            await current.open;
            if (closedSessions.has(session.id)) return;
          }
          messages.push({
            to: addresses(parsed.to),
            from: addresses(parsed.from)[0] ?? '',
            subject: parsed.subject ?? '',
            messageId: parsed.messageId ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? '',
              contentType: a.contentType,
              content: a.content,
            })),
            headers: parsed.headers,
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const credentials = auth
    ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@`
    : '';
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    messages,
    failNext(n, code) {
      failures = { remaining: n, code };
    },
    rejectLogins(code) {
      loginRejection = code;
    },
    hold() {
      let release = () => undefined as void;
      let arrived = () => undefined as void;
      const open = new Promise<void>((r) => (release = r));
      const arrivedPromise = new Promise<void>((r) => (arrived = r));
      gate = { open, release, arrived };
      return { arrived: arrivedPromise };
    },
    release() {
      const current = gate;
      gate = null;
      current?.release();
    },
    async waitFor(predicate, count = 1, timeoutMs = 20000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter(predicate);
        if (found.length >= count) return found.slice(0, count);
        if (Date.now() > deadline) {
          throw new Error(
            `Expected ${count} matching mail(s) within ${timeoutMs} ms, got ${found.length} of ${messages.length}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
