import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { MailDeliveryError, type Mailer, type OutgoingMail } from '../libs/mail/src';
import { verifyItemLink } from '../libs/security/src';
import {
  createMailActivities,
  inviteFor,
  linkTokenFor,
  mailIdempotencyKey,
  messageIdFor,
} from './mail.activities';
import type { MailLogStatus, MailLogStore } from './ports';
import {
  MAIL_PERMANENT,
  MAIL_TRANSIENT,
  MAIL_UNRECORDED,
  type SendItemMailInput,
  type SendItemMailResult,
} from '../libs/contracts/src';
import { applicationFailureOf } from './test/application-failure';

/** In-memory mail_log with the same semantics as the PostgreSQL store. */
function memoryMailLog() {
  const rows = new Map<
    string,
    { status: MailLogStatus; attempts: number; lastError: string | null }
  >();
  const store: MailLogStore = {
    begin(e) {
      const row = rows.get(e.idempotencyKey);
      if (!row) {
        rows.set(e.idempotencyKey, { status: 'sending', attempts: 1, lastError: null });
        return Promise.resolve('sending');
      }
      if (row.status !== 'sent') row.attempts++;
      return Promise.resolve(row.status);
    },
    markSent(key) {
      const row = rows.get(key);
      if (row) Object.assign(row, { status: 'sent', lastError: null });
      return Promise.resolve();
    },
    markFailed(key, error, permanent) {
      const row = rows.get(key);
      if (row && row.status !== 'sent') {
        Object.assign(row, { lastError: error, status: permanent ? 'failed' : row.status });
      }
      return Promise.resolve();
    },
  };
  return { store, rows };
}

/** A mailer that fails per recipient as told, and records what it sent. */
function scriptedMailer(failures: Record<string, MailDeliveryError[]> = {}) {
  const sent: OutgoingMail[] = [];
  const mailer: Mailer = {
    send(mail) {
      const to = String(mail.to);
      const next = failures[to]?.shift();
      if (next) return Promise.reject(next);
      sent.push(mail);
      return Promise.resolve({ messageId: mail.messageId, response: '250 OK' });
    },
  };
  return { mailer, sent };
}

const input: SendItemMailInput = {
  workflowId: 'item-abc',
  itemId: '00000000-0000-4000-8000-000000000001',
  step: 'remind-P3D',
  deadlineVersion: 1,
  kind: 'reminder',
  recipients: ['STC@dondoc.local', 'stc-head@dondoc.local', 'stc@dondoc.local'],
  item: {
    code: '1',
    text: 'Nộp báo cáo',
    noticeTitle: null,
    noticeNumber: null,
    leadName: 'Sở Tài chính',
  },
  due: { date: null, at: Date.parse('2026-03-02T03:00:00Z') },
  nowMs: Date.parse('2026-03-01T03:00:00Z'),
};

/** The mail activity over an in-memory mail log and the given mailer. */
function mailActivityWith(mailer: Mailer) {
  const log = memoryMailLog();
  const { sendItemMail } = createMailActivities({
    mailLog: log.store,
    mailer,
    config: { publicBaseUrl: 'http://x', linkSigningSecret: 'test-link-secret' },
  });
  return { log, sendItemMail };
}

describe('sendItemMail', () => {
  const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });

  it('sends one mail per distinct recipient with a deterministic Message-ID, once per key', async () => {
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    const first = await env.run(sendItemMail, input);
    expect(first).toEqual({ sent: ['stc@dondoc.local', 'stc-head@dondoc.local'], skipped: [] });
    const key = mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local');
    expect(key).toBe('item-abc:remind-P3D:1:stc@dondoc.local');
    expect(sent[0]?.messageId).toBe(messageIdFor(key));
    expect(sent[0]?.messageId).toMatch(/^<[0-9a-f]{64}@dondoc\.local>$/);
    const again = await env.run(sendItemMail, input);
    expect(again).toEqual({ sent: [], skipped: ['stc@dondoc.local', 'stc-head@dondoc.local'] });
    expect(sent).toHaveLength(2);
    // A new deadline version is a new key.
    await env.run(sendItemMail, { ...input, deadlineVersion: 2 });
    expect(sent).toHaveLength(4);
  });

  it('a transient failure (4xx) is retryable; the retry sends only what is missing', async () => {
    const { mailer, sent } = scriptedMailer({
      'stc-head@dondoc.local': [new MailDeliveryError('try later', 'temporary', 450, 'EENVELOPE')],
    });
    const { log, sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(env.run(sendItemMail, input));
    expect(failure.type).toBe(MAIL_TRANSIENT);
    expect(failure.nonRetryable).toBe(false);
    expect(sent.map((m) => m.to)).toEqual(['stc@dondoc.local']);
    const retry = await env.run(sendItemMail, input);
    expect(retry).toEqual({ sent: ['stc-head@dondoc.local'], skipped: ['stc@dondoc.local'] });
    expect(sent.map((m) => m.to)).toEqual(['stc@dondoc.local', 'stc-head@dondoc.local']);
    const row = log.rows.get(
      mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc-head@dondoc.local'),
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a connection error is transient too', async () => {
    const { mailer } = scriptedMailer({
      'stc@dondoc.local': [new MailDeliveryError('ECONNREFUSED', 'unreachable', null, 'ESOCKET')],
    });
    const { sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(env.run(sendItemMail, input));
    expect(failure.type).toBe(MAIL_TRANSIENT);
    expect(failure.nonRetryable).toBe(false);
  });

  it('a permanent failure (5xx) is non-retryable, logged failed, and the other recipients still get theirs', async () => {
    const { mailer, sent } = scriptedMailer({
      'stc@dondoc.local': [new MailDeliveryError('no such user', 'recipient', 550, 'EENVELOPE')],
    });
    const { log, sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(env.run(sendItemMail, input));
    expect(failure.type).toBe(MAIL_PERMANENT);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.details?.[0]).toMatchObject({
      failed: [{ recipient: 'stc@dondoc.local' }],
      sent: ['stc-head@dondoc.local'],
    });
    expect(sent.map((m) => m.to)).toEqual(['stc-head@dondoc.local']);
    expect(
      log.rows.get(mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local'))?.status,
    ).toBe('failed');
    // Running the same step again never resends to a permanently failed key.
    const again = await applicationFailureOf(env.run(sendItemMail, input));
    expect(again.type).toBe(MAIL_PERMANENT);
    expect(sent).toHaveLength(1);
  });

  it('an unclassified error from a foreign Mailer counts as transient', async () => {
    const mailer: Mailer = { send: () => Promise.reject(new Error('socket hang up')) };
    const { sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(env.run(sendItemMail, input));
    expect(failure.type).toBe(MAIL_TRANSIENT);
  });

  it("links the app's item page; the lead agency's mails carry its signed link, the same on a retry", async () => {
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    const lead = {
      ...input,
      recipients: ['stc@dondoc.local'],
      item: { ...input.item, leadCode: 'STC' },
    };
    await env.run(sendItemMail, lead);
    await env.run(sendItemMail, { ...lead, step: 'remind-P1D' });
    const [first, second] = sent;
    const page = `http://x/items/${input.itemId}`;
    const token = linkTokenFor(lead, 'test-link-secret');
    expect(token).not.toBeNull();
    for (const body of [first!.text, first!.html]) {
      expect(body).toContain(`${page}?t=${token!}`);
      expect(body).not.toContain('/api');
    }
    // Same input (a retried activity): the same token, hence the same mail text.
    expect(second!.text).toBe(first!.text);
    expect(verifyItemLink(token!, 'test-link-secret', input.nowMs)).toEqual({
      ok: true,
      claims: {
        itemId: input.itemId,
        agencyCode: 'STC',
        deadlineVersion: 1,
        issuedAtMs: input.nowMs,
      },
    });
    // Escalations (heads, secretariat, committee head) and inputs without the lead's code: plain page.
    expect(linkTokenFor({ ...lead, kind: 'escalation', level: 1 }, 'test-link-secret')).toBeNull();
    // The assignment (ADR 0024): the lead's mail carries its link, the co-ordinating agencies' copy none.
    expect(linkTokenFor({ ...lead, kind: 'assigned' }, 'test-link-secret')).not.toBeNull();
    expect(linkTokenFor({ ...lead, kind: 'assigned_copy' }, 'test-link-secret')).toBeNull();
    expect(linkTokenFor(input, 'test-link-secret')).toBeNull();
  });
});

describe('sendItemMail: the database fails after the server took the mail (ADR 0003)', () => {
  const one = { ...input, recipients: ['stc@dondoc.local', 'stc-head@dondoc.local'] };

  it('carries the delivery to the next attempt, which records it and sends nothing again', async () => {
    const { mailer, sent } = scriptedMailer();
    const log = memoryMailLog();
    let failMarks = 1;
    const store: MailLogStore = {
      ...log.store,
      markSent: (key, at) =>
        failMarks-- > 0
          ? Promise.reject(new Error('Connection terminated unexpectedly'))
          : log.store.markSent(key, at),
    };
    const { sendItemMail } = createMailActivities({
      mailLog: store,
      mailer,
      config: { publicBaseUrl: 'http://x', linkSigningSecret: 'test-link-secret' },
      now: () => new Date(one.nowMs + 1000),
    });
    const first = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const beats: unknown[] = [];
    first.on('heartbeat', (d: unknown) => beats.push(d));
    await expect(first.run(sendItemMail, one)).rejects.toThrow('Connection terminated');
    expect(sent.map((m) => m.to)).toEqual(['stc@dondoc.local']);
    const key = mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local');
    expect(log.rows.get(key)).toMatchObject({ status: 'sending', attempts: 1 });
    const carried = { delivered: [{ key, at: one.nowMs + 1000, late: false }] };
    expect(beats).toEqual([carried]);

    // The next attempt, 2 days later (the deadline has passed: its own mails would be late).
    const next = new MockActivityEnvironment(
      {
        attempt: 2,
        heartbeatDetails: carried,
        currentAttemptScheduledTimestampMs: one.nowMs + 2 * 86_400_000,
      },
      { logger: new DefaultLogger('ERROR') },
    );
    const nextBeats: unknown[] = [];
    next.on('heartbeat', (d: unknown) => nextBeats.push(d));
    const result = await next.run(sendItemMail, one);
    expect(result).toEqual({
      sent: ['stc@dondoc.local', 'stc-head@dondoc.local'],
      skipped: [],
      late: true,
    });
    expect(sent.map((m) => m.to)).toEqual(['stc@dondoc.local', 'stc-head@dondoc.local']);
    expect(log.rows.get(key)).toMatchObject({ status: 'sent', attempts: 1 });
    // Carried again at once, should this attempt fail before recording it.
    expect(nextBeats).toEqual([carried]);
  });

  it('a local attempt (ADR 0028) carries it in its failure, and the durable attempt given it in its input sends nothing again', async () => {
    const { mailer, sent } = scriptedMailer();
    const log = memoryMailLog();
    let failMarks = 1;
    const { sendItemMail } = createMailActivities({
      mailLog: {
        ...log.store,
        markSent: (key, at) =>
          failMarks-- > 0
            ? Promise.reject(new Error('Connection terminated unexpectedly'))
            : log.store.markSent(key, at),
      },
      mailer,
      config: { publicBaseUrl: 'http://x', linkSigningSecret: 'test-link-secret' },
      now: () => new Date(one.nowMs + 1000),
    });
    const local = new MockActivityEnvironment(
      { isLocal: true },
      { logger: new DefaultLogger('ERROR') },
    );
    const beats: unknown[] = [];
    local.on('heartbeat', (d: unknown) => beats.push(d));
    const failure = await applicationFailureOf(local.run(sendItemMail, one));
    const key = mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local');
    const delivered = [{ key, at: one.nowMs + 1000, late: false }];
    expect(failure).toMatchObject({ type: MAIL_UNRECORDED, nonRetryable: false });
    expect(failure.details).toEqual([{ delivered }]);
    expect(beats).toEqual([]);

    const durable = new MockActivityEnvironment(
      { attempt: 1, currentAttemptScheduledTimestampMs: one.nowMs + 5000 },
      { logger: new DefaultLogger('ERROR') },
    );
    expect(await durable.run(sendItemMail, { ...one, delivered })).toEqual({
      sent: ['stc@dondoc.local', 'stc-head@dondoc.local'],
      skipped: [],
    });
    expect(sent.map((m) => m.to)).toEqual(['stc@dondoc.local', 'stc-head@dondoc.local']);
    expect(log.rows.get(key)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a delivery carried alone keeps its own lateness', async () => {
    const { mailer, sent } = scriptedMailer();
    const { log, sendItemMail } = mailActivityWith(mailer);
    const single = { ...input, recipients: ['stc@dondoc.local'] };
    const key = mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local');
    await log.store.begin({
      idempotencyKey: key,
      workflowId: 'item-abc',
      step: 'remind-P3D',
      recipient: 'stc@dondoc.local',
      subject: 's',
      messageId: messageIdFor(key),
    });
    const next = new MockActivityEnvironment(
      {
        attempt: 5,
        heartbeatDetails: { delivered: [{ key, at: single.nowMs, late: false }] },
        currentAttemptScheduledTimestampMs: single.nowMs + 2 * 86_400_000,
      },
      { logger: new DefaultLogger('ERROR') },
    );
    expect(await next.run(sendItemMail, single)).toEqual({
      sent: ['stc@dondoc.local'],
      skipped: [],
    });
    expect(sent).toEqual([]);
    expect(log.rows.get(key)).toMatchObject({ status: 'sent' });
  });
});

describe('sendItemMail: faults of ours and late mails (ADR 0018)', () => {
  const HOUR = 3_600_000;
  const one = { ...input, recipients: ['stc@dondoc.local'] };

  it('535 is ours: retryable, the row keeps waiting, and a log line says why', async () => {
    const logs: LogEntry[] = [];
    const logging = new MockActivityEnvironment(undefined, {
      logger: new DefaultLogger('WARN', (entry) => logs.push(entry)),
    });
    const { mailer, sent } = scriptedMailer({
      'stc@dondoc.local': [
        new MailDeliveryError(
          'Invalid login: 535 5.7.8 Bad credentials',
          'authentication',
          535,
          'EAUTH',
        ),
      ],
    });
    const { log, sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(logging.run(sendItemMail, one));
    expect(failure).toMatchObject({ type: MAIL_TRANSIENT, nonRetryable: false });
    expect(failure.details?.[0]).toMatchObject({ fault: 'authentication', responseCode: 535 });
    const key = mailIdempotencyKey('item-abc', 'remind-P3D', 1, 'stc@dondoc.local');
    expect(log.rows.get(key)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(log.rows.get(key)?.lastError).toMatch(/^authentication: 535: Invalid login/);
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'WARN',
          message: expect.stringContaining('authentication') as string,
          meta: expect.objectContaining({
            fault: 'authentication',
            recipient: 'stc@dondoc.local',
            error: expect.stringContaining('535') as string,
          }) as Record<string, unknown>,
        }),
      ]),
    );
    // Once the server takes our login again, the same key goes out once.
    expect(await logging.run(sendItemMail, one)).toEqual({
      sent: ['stc@dondoc.local'],
      skipped: [],
    });
    expect(sent).toHaveLength(1);
    expect(log.rows.get(key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('30 hours late: says when it was meant to go out, counts from when it goes out', async () => {
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    // Due Mon 02/03/2026 10:00+07, the reminder meant for Sun 01/03 10:00, sent Mon 02/03 16:00.
    const stepAt = one.nowMs;
    const retried = new MockActivityEnvironment(
      { attempt: 400, currentAttemptScheduledTimestampMs: stepAt + 30 * HOUR },
      { logger: new DefaultLogger('ERROR') },
    );
    const result = await retried.run(sendItemMail, one);
    expect(result).toEqual({ sent: ['stc@dondoc.local'], skipped: [], late: true });
    const [mail] = sent;
    expect(mail?.subject).toMatch(
      /^\[Đôn Đốc\] \(Gửi muộn\) Nhắc hạn: Nhiệm vụ 1 — đã quá hạn 6 giờ/,
    );
    for (const body of [mail!.text, mail!.html]) {
      expect(body).toContain(
        'Lưu ý: thư này lẽ ra được gửi lúc 10:00 01/03/2026 nhưng đến 16:00 02/03/2026 mới gửi được do sự cố của hệ thống thư điện tử.',
      );
    }
  });

  it('a few minutes late is not late, unless the deadline passed meanwhile', async () => {
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    const at = (ms: number) =>
      new MockActivityEnvironment(
        { currentAttemptScheduledTimestampMs: ms },
        { logger: new DefaultLogger('ERROR') },
      );
    const dueSoon = { ...one, due: { date: null, at: one.nowMs + 5 * 60_000 } };
    expect(await at(one.nowMs + 4 * 60_000).run(sendItemMail, dueSoon)).not.toHaveProperty('late');
    expect(sent[0]?.subject).not.toContain('Gửi muộn');
    expect(sent[0]?.subject).toContain('còn 5 phút');
    const after: SendItemMailResult = await at(one.nowMs + 6 * 60_000).run(sendItemMail, {
      ...dueSoon,
      step: 'x',
    });
    expect(after.late).toBe(true);
    expect(sent[1]?.subject).toContain('(Gửi muộn) Nhắc hạn: Nhiệm vụ 1 — đã quá hạn 1 phút');
  });

  it('tells the secretariat which recipients rejected which mail', async () => {
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const notice: SendItemMailInput = {
      ...input,
      step: 'undelivered:overdue',
      kind: 'delivery_failed',
      recipients: ['secretariat@dondoc.local'],
      undelivered: {
        kind: 'overdue',
        step: 'overdue',
        stepAtMs: input.nowMs,
        failed: [{ recipient: 'bounce@dondoc.local', error: '550: 5.1.1 User unknown' }],
      },
    };
    await env.run(sendItemMail, notice);
    const [mail] = sent;
    expect(mail?.to).toBe('secretariat@dondoc.local');
    expect(mail?.subject).toBe(
      '[Đôn Đốc] Không gửi được thư thông báo quá hạn: Nhiệm vụ 1 (Sở Tài chính)',
    );
    expect(mail?.text).toContain('bounce@dondoc.local (550: 5.1.1 User unknown)');
    expect(mail?.text).toContain('Thư lẽ ra được gửi lúc 10:00 01/03/2026.');
    expect(mail?.text).not.toContain('?t=');
  });
});

describe('inviteFor', () => {
  const config = { publicBaseUrl: 'http://x', linkSigningSecret: 'test-link-secret' };
  const assigned: SendItemMailInput = {
    ...input,
    kind: 'assigned',
    recipients: ['stc@dondoc.local'],
  };

  it('invites to a deadline still to come, and withdraws one at the close', () => {
    expect(inviteFor(assigned, 'stc@dondoc.local', config)?.method).toBe('REQUEST');
    expect(inviteFor({ ...assigned, kind: 'cancelled' }, 'stc@dondoc.local', config)?.method).toBe(
      'CANCEL',
    );
    expect(inviteFor({ ...input, kind: 'reminder' }, 'stc@dondoc.local', config)).toBeNull();
  });

  it('greets each co-ordinating agency of a copy by its name, in the mail and in its invite', async () => {
    const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const { mailer, sent } = scriptedMailer();
    const { sendItemMail } = mailActivityWith(mailer);
    const copy: SendItemMailInput = {
      ...input,
      kind: 'deadline_copy',
      step: 'deadline-1-copy',
      due: { date: '2026-03-02', at: Date.parse('2026-03-02T17:00:00Z') },
      recipients: ['sxd@dondoc.local', 'syt@dondoc.local', 'other@dondoc.local'],
      item: {
        ...input.item,
        recipientNames: { 'sxd@dondoc.local': 'Sở Xây dựng', 'syt@dondoc.local': 'Sở Y tế' },
      },
    };
    await env.run(sendItemMail, copy);
    const greeting = (to: string) => sent.find((m) => m.to === to)?.text.split('\n')[0];
    expect(greeting('sxd@dondoc.local')).toBe('Kính gửi: Sở Xây dựng,');
    expect(greeting('syt@dondoc.local')).toBe('Kính gửi: Sở Y tế,');
    // An address not known as an agency's: the greeting of before.
    expect(greeting('other@dondoc.local')).toBe(
      'Kính gửi: Quý cơ quan phối hợp thực hiện nhiệm vụ,',
    );
    // Unfolded (RFC 5545 folds lines at 75 octets).
    const invite = inviteFor(copy, 'syt@dondoc.local', config)?.content.replace(/\r\n[ \t]/g, '');
    expect(invite).toContain('CN="Sở Y tế":mailto:syt@dondoc.local');
  });

  it('sends no invite to a day gone by: an item entered already overdue', () => {
    const late = { ...assigned, nowMs: Date.parse('2026-03-05T03:00:00Z') };
    expect(inviteFor(late, 'stc@dondoc.local', config)).toBeNull();
    // Its withdrawal still goes: an earlier invite may be in a calendar.
    expect(
      inviteFor({ ...late, kind: 'reassigned_away' }, 'stc@dondoc.local', config)?.method,
    ).toBe('CANCEL');
  });
});
