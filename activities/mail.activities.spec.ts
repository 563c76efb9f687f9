import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { MailDeliveryError, type Mailer, type OutgoingMail } from '../libs/mail/src';
import { verifyItemLink } from '../libs/security/src';
import {
  createMailActivities,
  linkTokenFor,
  mailIdempotencyKey,
  messageIdFor,
} from './mail.activities';
import type { MailLogStatus, MailLogStore } from './ports';
import { MAIL_PERMANENT, MAIL_TRANSIENT, type SendItemMailInput } from '../libs/contracts/src';
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
      'stc-head@dondoc.local': [new MailDeliveryError('try later', false, 450, 'EENVELOPE')],
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
      'stc@dondoc.local': [new MailDeliveryError('ECONNREFUSED', false, null, 'ESOCKET')],
    });
    const { sendItemMail } = mailActivityWith(mailer);
    const failure = await applicationFailureOf(env.run(sendItemMail, input));
    expect(failure.type).toBe(MAIL_TRANSIENT);
    expect(failure.nonRetryable).toBe(false);
  });

  it('a permanent failure (5xx) is non-retryable, logged failed, and the other recipients still get theirs', async () => {
    const { mailer, sent } = scriptedMailer({
      'stc@dondoc.local': [new MailDeliveryError('no such user', true, 550, 'EENVELOPE')],
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
    expect(linkTokenFor(input, 'test-link-secret')).toBeNull();
  });
});
