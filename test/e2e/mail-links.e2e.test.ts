/**
 * Mail that a person can act on (issue 8, ADR 0011): every item mail links the item's page in the
 * web app, never `/api`; the lead agency's mails carry a login-free signed link whose token the
 * API accepts for that item, that agency and that deadline version only, for 30 days, while the
 * item is open. Real stack: API, worker, Temporal dev server, PostgreSQL and a real SMTP server.
 */
import { signItemLink } from '../../libs/security/src';
import { mailItem, mailKind } from '../support/mail-headers';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

interface Item {
  id: string;
  lead: string;
  status: string;
  progressPercent: number | null;
}
interface LinkBody {
  item: Item;
  agency: { code: string; name: string };
  actions: string[];
  returnReason: string | null;
  readOnly: { reason: string; message: string } | null;
}
interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { reason?: string };
}
interface HistoryEvent {
  type: string;
  actor: string | null;
  detail: Record<string, unknown> | null;
}

/** An item of STC due in 10 minutes whose first reminder goes out a few seconds from now. */
async function itemWithReminder(): Promise<{ item: Item; mail: ReceivedMail }> {
  const res = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({
      text: 'Báo cáo tình hình giải ngân vốn đầu tư công quý IV.',
      lead: 'STC',
      due: isoIn(10 * 60_000),
      policy: { remindBefore: ['PT9M57S'], escalateAfter: [] },
    });
  expect(res.status).toBe(201);
  const item = res.body as Item;
  const [mail] = await stack.smtp.waitFor(
    (m) => mailItem(m) === item.id && mailKind(m) === 'reminder',
    1,
    30_000,
  );
  return { item, mail: mail! };
}

/** The signed link of a mail about `itemId`, checked to be the app's item page. */
function linkIn(mail: ReceivedMail, itemId: string): string {
  const page = `${stack.config.publicBaseUrl}/items/${itemId}`;
  const escaped = page.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`${escaped}\\?t=([A-Za-z0-9_.-]+)`).exec(mail.text);
  expect(match).not.toBeNull();
  const token = match![1]!;
  expect(mail.html).toContain(`href="${page}?t=${token}"`);
  return token;
}

const open = (token: string) => stack.http().get(`/api/links/${token}`);

/**
 * A link that only reads now: it shows the item, with no command, and says why; its commands are
 * refused as a revoked link's.
 */
async function expectReadOnly(token: string, reason: string): Promise<LinkBody> {
  const res = await open(token);
  expect(res.status).toBe(200);
  const body = res.body as LinkBody;
  expect(body.actions).toEqual([]);
  expect(body.readOnly?.reason).toBe(reason);
  expect(body.readOnly?.message).toContain('chỉ còn dùng để xem');
  const progress = await stack
    .http()
    .post(`/api/links/${token}/progress`)
    .send({ percent: 90, note: 'Thử qua liên kết cũ.' });
  expect(progress.status).toBe(410);
  expect(progress.body).toMatchObject({ code: 'LINK_REVOKED', details: { reason } });
  return body;
}

async function expectRefused(
  token: string,
  status: number,
  code: string,
  reason?: string,
): Promise<void> {
  const res = await open(token);
  expect(res.status).toBe(status);
  const body = res.body as ApiErrorBody;
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toContain('Vui lòng đăng nhập để tiếp tục.');
  if (reason) expect(body.details?.reason).toBe(reason);
}

async function history(itemId: string): Promise<HistoryEvent[]> {
  const res = await stack
    .http()
    .get(`/api/items/${itemId}/history`)
    .set(auth(secretariat))
    .expect(200);
  return res.body as HistoryEvent[];
}

async function mailOf(itemId: string, kind: string, to: string): Promise<ReceivedMail> {
  const [mail] = await stack.smtp.waitFor(
    (m) => mailItem(m) === itemId && mailKind(m) === kind && m.to.includes(to),
    1,
    30_000,
  );
  return mail!;
}

describe('mail links', () => {
  it('a reminder links the item page with a signed link that works without a login until the item changes hands or closes', async () => {
    const { item, mail } = await itemWithReminder();
    expect(mail.to).toEqual(['stc@dondoc.local']);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(`${stack.config.publicBaseUrl}/items/${item.id}?t=`);
      expect(body).not.toContain('/api/');
    }
    const token = linkIn(mail, item.id);

    // Opening the link: no bearer token, the same item as GET /api/items/:id.
    const opened = await open(token);
    expect(opened.status).toBe(200);
    const link = opened.body as LinkBody;
    const asSecretariat = await stack
      .http()
      .get(`/api/items/${item.id}`)
      .set(auth(secretariat))
      .expect(200);
    expect(link.item).toMatchObject({
      id: item.id,
      lead: 'STC',
      status: 'open',
      text: (asSecretariat.body as { text: string }).text,
    });
    expect(link.agency).toEqual({ code: 'STC', name: 'Sở Tài chính' });
    expect(link.actions).toEqual(['progress', 'submit', 'extension-request']);

    // A progress report through the link: the agency is the actor, the channel is the mail link.
    const progress = await stack
      .http()
      .post(`/api/links/${token}/progress`)
      .send({ percent: 50, note: 'Đã tổng hợp số liệu của 8/10 chủ đầu tư.' });
    expect(progress.status).toBe(200);
    expect((progress.body as Item).progressPercent).toBe(50);
    const reported = (await history(item.id)).find((e) => e.type === 'progress_reported');
    expect(reported).toMatchObject({
      actor: 'stc@dondoc.local',
      detail: {
        percent: 50,
        channel: 'qua liên kết trong thư',
        channelCode: 'email_link',
      },
    });

    // Bad input through a link is the same 400 as through the login, and changes nothing.
    const bad = await stack.http().post(`/api/links/${token}/progress`).send({ percent: 50 });
    expect(bad.status).toBe(400);

    // An extension requested through the link, approved: the old link is dead (deadline version),
    // the approval mail carries a new one.
    const requested = await stack
      .http()
      .post(`/api/links/${token}/extension-requests`)
      .send({ due: isoIn(20 * 60_000), reason: 'Chờ số liệu của Kho bạc Nhà nước tỉnh.' });
    expect(requested.status).toBe(201);
    const rid = (requested.body as { requestId: string }).requestId;
    expect((await history(item.id)).find((e) => e.type === 'extension_requested')).toMatchObject({
      actor: 'stc@dondoc.local',
      detail: { channel: 'qua liên kết trong thư' },
    });
    await stack
      .http()
      .post(`/api/items/${item.id}/extension-requests/${rid}/approve`)
      .set(auth(secretariat))
      .send({})
      .expect(200);
    await expectReadOnly(token, 'deadline_changed');
    const approvedLink = linkIn(
      await mailOf(item.id, 'extension_approved', 'stc@dondoc.local'),
      item.id,
    );
    expect(approvedLink).not.toBe(token);
    expect((await open(approvedLink)).status).toBe(200);

    // Reassigned to SXD: STC's link is dead; SXD's mail carries SXD's link.
    await stack
      .http()
      .post(`/api/items/${item.id}/reassign`)
      .set(auth(secretariat))
      .send({ lead: 'SXD', reason: 'Đúng chức năng của Sở Xây dựng.' })
      .expect(200);
    await expectRefused(approvedLink, 410, 'LINK_REVOKED', 'reassigned');
    const progressAfter = await stack
      .http()
      .post(`/api/links/${approvedLink}/progress`)
      .send({ percent: 60, note: 'Thử sau khi chuyển.' });
    expect(progressAfter.status).toBe(410);
    const sxdLink = linkIn(await mailOf(item.id, 'reassigned', 'sxd@dondoc.local'), item.id);
    const sxdOpened = await open(sxdLink);
    expect(sxdOpened.status).toBe(200);
    expect((sxdOpened.body as LinkBody).agency.code).toBe('SXD');

    // Cancelled: no link acts any more.
    await stack
      .http()
      .post(`/api/items/${item.id}/cancel`)
      .set(auth(secretariat))
      .send({ reason: 'Nội dung đã được thay thế bằng kết luận mới.' })
      .expect(200);
    // The lead's link shows how it ended; the former lead's link shows nothing.
    const cancelled = await expectReadOnly(sxdLink, 'closed');
    expect(cancelled.item.status).toBe('cancelled');
    // Why it ended, as the Văn phòng gave it (issue 8 blind check).
    expect(cancelled.readOnly?.message).toBe(
      'Nhiệm vụ đã được Văn phòng UBND tỉnh hủy. Lý do: Nội dung đã được thay thế bằng kết luận mới. Liên kết này chỉ còn dùng để xem.',
    );
    await expectRefused(approvedLink, 410, 'LINK_REVOKED', 'reassigned');
  });

  it('a submission through the link leaves only reading; tampered and expired links are refused in Vietnamese', async () => {
    const { item, mail } = await itemWithReminder();
    const token = linkIn(mail, item.id);

    const submitted = await stack
      .http()
      .post(`/api/links/${token}/submit`)
      .send({ note: 'Đã gửi báo cáo số 15/BC-STC.' });
    expect(submitted.status).toBe(200);
    expect((submitted.body as Item).status).toBe('submitted');
    expect((await history(item.id)).find((e) => e.type === 'submitted')).toMatchObject({
      actor: 'stc@dondoc.local',
      detail: { channel: 'qua liên kết trong thư', channelCode: 'email_link' },
    });
    // Still the agency's item, waiting for the secretariat: readable, nothing to do.
    const opened = await open(token);
    expect(opened.status).toBe(200);
    expect((opened.body as LinkBody).actions).toEqual([]);
    const again = await stack.http().post(`/api/links/${token}/submit`).send({ note: 'Gửi lại.' });
    expect(again.status).toBe(409);

    // Tampered: any changed character of the token.
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const tampered of [
      `${version}.${payload}.${flip(signature, 0)}`,
      `${version}.${flip(payload, 5)}.${signature}`,
      `${version}.${payload}.${flip(signature, signature.length - 1)}`,
      'not-a-link',
    ]) {
      await expectRefused(tampered, 401, 'LINK_INVALID');
    }
    const tamperedPost = await stack
      .http()
      .post(`/api/links/${version}.${payload}.${flip(signature, 3)}/progress`)
      .send({ percent: 10, note: 'x' });
    expect(tamperedPost.status).toBe(401);

    // Expired: a genuine token issued 30 days ago (signed with the stack's own secret).
    const old = signItemLink(
      {
        itemId: item.id,
        agencyCode: 'STC',
        deadlineVersion: 1,
        issuedAtMs: Date.now() - 30 * 86_400_000 - 1000,
      },
      stack.config.linkSigningSecret,
    );
    await expectRefused(old, 410, 'LINK_EXPIRED');
    // The same token issued just now works: only the age differs.
    const fresh = signItemLink(
      { itemId: item.id, agencyCode: 'STC', deadlineVersion: 1, issuedAtMs: Date.now() },
      stack.config.linkSigningSecret,
    );
    expect((await open(fresh)).status).toBe(200);
  });

  it('the link of the mail returning a report says why, until the agency reports again', async () => {
    const { item, mail } = await itemWithReminder();
    const first = linkIn(mail, item.id);
    expect((await open(first)).body as LinkBody).toMatchObject({ returnReason: null });
    await stack.http().post(`/api/links/${first}/submit`).send({ note: 'Xong.' }).expect(200);
    await stack
      .http()
      .post(`/api/items/${item.id}/return`)
      .set(auth(secretariat))
      .send({ reason: 'Thiếu số liệu quý IV.' })
      .expect(200);
    const token = linkIn(await mailOf(item.id, 'returned', 'stc@dondoc.local'), item.id);
    const opened = (await open(token)).body as LinkBody;
    expect(opened).toMatchObject({ returnReason: 'Thiếu số liệu quý IV.' });
    expect(opened.actions).toContain('submit');
    await stack.http().post(`/api/links/${token}/submit`).send({ note: 'Đã bổ sung.' }).expect(200);
    expect((await open(token)).body as LinkBody).toMatchObject({ returnReason: null });
    // The secretariat's mail of the second report says it answers the return, and why it was.
    const [, again] = await stack.smtp.waitFor(
      (m) => mailItem(m) === item.id && mailKind(m) === 'submitted',
      2,
    );
    expect(again!.subject).toContain('Báo cáo hoàn thành (báo cáo lại)');
    expect(again!.text).toContain('Lý do trả lại lần trước: Thiếu số liệu quý IV.');
    expect(again!.text).toContain('Đã bổ sung.');
  });

  it('the link routes are in the OpenAPI document, public, with their refusals', async () => {
    const json = await stack.http().get('/api/docs-json').expect(200);
    const paths = (
      json.body as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      }
    ).paths;
    for (const [path, method, ok] of [
      ['/api/links/{token}', 'get', '200'],
      ['/api/links/{token}/progress', 'post', '200'],
      ['/api/links/{token}/submit', 'post', '200'],
      ['/api/links/{token}/extension-requests', 'post', '201'],
    ] as const) {
      const responses = Object.keys(paths[path]?.[method]?.responses ?? {});
      expect(responses).toEqual(expect.arrayContaining([ok, '401', '410']));
    }
  });
});
