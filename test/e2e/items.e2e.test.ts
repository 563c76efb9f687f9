/**
 * The item engine end to end: HTTP API → workflow on the dev server → activities → PostgreSQL and a
 * real SMTP server. Short sub-day policies make the whole life of an item take seconds.
 */
import { mailItem, mailKind, mailStep } from '../support/mail-headers';
import { readDocx } from '../support/office-readers';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let stc: string;
let sxd: string;
let head: string;

beforeAll(async () => {
  stack = await startTestStack();
  [secretariat, stc, sxd, head] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('stc@dondoc.local'),
    stack.login('sxd@dondoc.local'),
    stack.login('head@dondoc.local'),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Item {
  id: string;
  status: string;
  due: string;
  originalDue: string;
  pendingExtension: { id: string } | null;
  lead: string;
}

async function createItem(body: Record<string, unknown>): Promise<Item> {
  const res = await stack.http().post('/api/items').set(auth(secretariat)).send(body);
  expect(res.status).toBe(201);
  return res.body as Item;
}

async function waitForStatus(id: string, status: string, timeoutMs = 20_000): Promise<Item> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200);
    if ((res.body as Item).status === status) return res.body as Item;
    if (Date.now() > deadline) {
      throw new Error(`item ${id} still ${(res.body as Item).status}, expected ${status}`);
    }
    await sleep(200);
  }
}

describe('item life on the dev server', () => {
  it('reminds, goes overdue, escalates beyond the lead, then submit + accept complete it and mail stops', async () => {
    const dueMs = 9000;
    const t0 = Date.now();
    const item = await createItem({
      text: 'Hoàn thiện dự thảo Kế hoạch hỗ trợ doanh nghiệp, trình UBND tỉnh.',
      lead: 'STC',
      support: ['SXD'],
      due: isoIn(dueMs),
      policy: { remindBefore: ['PT6S', 'PT3S'], escalateAfter: ['PT2S'] },
    });
    expect(item.status).toBe('open');
    const dueAt = t0 + dueMs;
    const ofItem = (kind: string) => (m: Parameters<typeof mailKind>[0]) =>
      mailItem(m) === item.id && mailKind(m) === kind;

    const reminders = await stack.smtp.waitFor(ofItem('reminder'), 2, 20_000);
    expect(reminders.map((m) => m.to)).toEqual([['stc@dondoc.local'], ['stc@dondoc.local']]);
    const [overdue] = await stack.smtp.waitFor(ofItem('overdue'), 1, 20_000);
    expect(overdue!.to).toEqual(['stc@dondoc.local']);
    expect(overdue!.receivedAt).toBeGreaterThanOrEqual(dueAt - 1000);
    const [toHead, toOffice, contact] = await stack.smtp.waitFor(ofItem('escalation'), 3, 20_000);
    const escalations = [toHead!, toOffice!];
    expect(escalations.flatMap((m) => m.to).sort()).toEqual([
      'secretariat@dondoc.local',
      'stc-head@dondoc.local',
    ]);
    // The lead's contact is copied, without the unsigned draft: that is for its head and the Văn
    // phòng to finish and sign (issue 8 blind check).
    expect(contact!.to).toEqual(['stc@dondoc.local']);
    expect(contact!.attachments.filter((a) => a.filename.endsWith('.docx'))).toEqual([]);
    expect(contact!.text).not.toContain('Kèm theo thư này');
    for (const m of escalations) expect(m.receivedAt).toBeGreaterThanOrEqual(dueAt + 2000 - 1000);
    // Each carries the draft urging letter to the agency's head (issue 11), read by python-docx.
    for (const m of escalations) {
      expect(m.text).toContain(
        'Kèm theo thư này: dự thảo công văn đôn đốc gửi Thủ trưởng Sở Tài chính',
      );
      const docx = m.attachments.filter((a) => a.filename.endsWith('.docx'));
      expect(docx).toHaveLength(1);
      expect(docx[0]!.filename).toMatch(
        new RegExp(
          `^cong-van-don-doc-nhiem-vu-${item.id.slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}\\.docx$`,
        ),
      );
      const letter = await readDocx(docx[0]!.content);
      const paragraphs = letter.paragraphs.map((p) => p.text).join('\n');
      expect(paragraphs).toContain('Kính gửi: Giám đốc Sở Tài chính');
      expect(paragraphs).toContain('Hoàn thiện dự thảo Kế hoạch hỗ trợ doanh nghiệp');
    }
    // Assigned at the creation (ADR 0024): the lead, and a copy to the co-ordinating agency.
    const [assigned] = await stack.smtp.waitFor(ofItem('assigned'), 1, 20_000);
    expect(assigned!.to).toEqual(['stc@dondoc.local']);
    expect(assigned!.receivedAt).toBeLessThan(dueAt);
    const [copy] = await stack.smtp.waitFor(ofItem('assigned_copy'), 1, 20_000);
    expect(copy!.to).toEqual(['sxd@dondoc.local']);

    await waitForStatus(item.id, 'overdue');
    expect(await stack.historyTypes(item.id, stc)).toEqual([
      'created',
      'reminder_sent',
      'reminder_sent',
      'overdue',
      'escalated',
    ]);

    const submitted = await stack
      .http()
      .post(`/api/items/${item.id}/submit`)
      .set(auth(stc))
      .send({ note: 'Đã trình UBND tỉnh.' });
    expect(submitted.status).toBe(200);
    expect((submitted.body as Item).status).toBe('submitted');
    const accepted = await stack
      .http()
      .post(`/api/items/${item.id}/accept`)
      .set(auth(secretariat))
      .send({ note: 'Đề nghị gửi bản ký số về Văn phòng.' });
    expect(accepted.status).toBe(200);
    expect((accepted.body as Item).status).toBe('completed');

    // The closing mail to the lead and the co-ordinating agency (ADR 0027), then nothing more.
    // It says the item was completed late, and what the Văn phòng noted.
    const closing = await stack.smtp.waitFor(ofItem('completed'), 2);
    for (const m of closing) {
      expect(m.text).toContain('Nhiệm vụ hoàn thành sau thời hạn.');
      expect(m.text).toContain('Đề nghị gửi bản ký số về Văn phòng.');
    }
    const count = stack.smtp.messages.filter((m) => mailItem(m) === item.id).length;
    await sleep(3000);
    const after = stack.smtp.messages.filter((m) => mailItem(m) === item.id);
    expect(after).toHaveLength(count);
    // None twice: every (step, recipient) once.
    const keys = after.map((m) => `${mailStep(m)}|${m.to.join()}`);
    expect(new Set(keys).size).toBe(keys.length);

    const finalHistory = await stack.historyTypes(item.id, head);
    expect(finalHistory.slice(-2)).toEqual(['submitted', 'completed']);
    // A closed item takes no more commands.
    const again = await stack
      .http()
      .post(`/api/items/${item.id}/cancel`)
      .set(auth(secretariat))
      .send({ reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'ITEM_CLOSED' });
  }, 60_000);

  it('an extension moves the due date and keeps the original; reports list overdue items by agency', async () => {
    const item = await createItem({
      text: 'Rà soát quy hoạch khu công nghiệp.',
      lead: 'STC',
      due: '2026-01-25',
    });
    // 25/01/2026 is a Sunday: legally due at the end of Monday 26/01.
    expect(item.due).toBe('2026-01-25');
    const requested = await stack
      .http()
      .post(`/api/items/${item.id}/extension-requests`)
      .set(auth(stc))
      .send({ due: '2027-03-31', reason: 'Chờ ý kiến của bộ.' });
    expect(requested.status).toBe(201);
    const rid = (requested.body as Item).pendingExtension?.id;
    expect(rid).toBeTruthy();
    expect((requested.body as { requestId: string }).requestId).toBe(rid);
    // The secretariat, who decides, is told at once (issue 11 blind check), by a real mail.
    const [asked] = await stack.smtp.waitFor(
      (m) => mailItem(m) === item.id && mailKind(m) === 'extension_requested',
      1,
      20_000,
    );
    expect(asked!.to).toEqual([stack.config.secretariatEmail]);
    expect(asked!.subject).toBe(
      '[Đôn Đốc] Đề nghị gia hạn: Rà soát quy hoạch khu công nghiệp. (Sở Tài chính) — đến 31/03/2027',
    );
    expect(asked!.text).toContain('Chờ ý kiến của bộ.');
    const approved = await stack
      .http()
      .post(`/api/items/${item.id}/extension-requests/${rid}/approve`)
      .set(auth(secretariat))
      .send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      due: '2027-03-31',
      originalDue: '2026-01-25',
      status: 'open',
      pendingExtension: null,
    });
    const history = await stack.historyTypes(item.id, secretariat);
    expect(history).toEqual(
      expect.arrayContaining(['created', 'extension_requested', 'extension_approved']),
    );

    const late = await createItem({
      text: 'Báo cáo tình hình giải ngân.',
      lead: 'SXD',
      due: '2026-01-05',
      policy: { remindBefore: [], escalateAfter: [] },
    });
    await waitForStatus(late.id, 'overdue');
    const report = await stack.http().get('/api/reports/overdue').set(auth(head)).expect(200);
    const body = report.body as {
      asOf: string;
      agencies: { code: string; overdue: number; items: { id: string }[] }[];
    };
    const sxdRow = body.agencies.find((a) => a.code === 'SXD');
    expect(sxdRow?.items.map((i) => i.id)).toContain(late.id);
    expect(body.agencies.find((a) => a.code === 'STC')?.items.map((i) => i.id) ?? []).not.toContain(
      item.id,
    );
    const completion = await stack
      .http()
      .get('/api/reports/completion')
      .set(auth(secretariat))
      .expect(200);
    const totals = (completion.body as { totals: { total: number; overdue: number } }).totals;
    expect(totals.total).toBeGreaterThanOrEqual(2);
    expect(totals.overdue).toBeGreaterThanOrEqual(1);

    // The list filters: agency sees its own, overdue=true finds the late one.
    const own = await stack.http().get('/api/items').set(auth(sxd)).expect(200);
    expect((own.body as Item[]).every((i) => i.lead === 'SXD' || i.lead === 'STC')).toBe(true);
    // Empty parameters, as a form sends them, mean no filter.
    const unfiltered = await stack
      .http()
      .get('/api/items?status=&lead=&overdue=')
      .set(auth(secretariat))
      .expect(200);
    expect((unfiltered.body as Item[]).map((i) => i.id)).toEqual(
      expect.arrayContaining([item.id, late.id]),
    );
    const overdueList = await stack
      .http()
      .get('/api/items?overdue=true')
      .set(auth(secretariat))
      .expect(200);
    expect((overdueList.body as Item[]).map((i) => i.id)).toContain(late.id);
  }, 60_000);

  it('return sends a submission back; reassign moves the item to another lead; cancel closes it', async () => {
    const item = await createItem({
      text: 'Xây dựng phương án tháo gỡ vướng mắc.',
      lead: 'STC',
      due: '2027-06-30',
    });
    await stack
      .http()
      .post(`/api/items/${item.id}/progress`)
      .set(auth(stc))
      .send({ note: 'Đang làm', percent: 40 })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${item.id}/submit`)
      .set(auth(stc))
      .send({ note: 'Xong' })
      .expect(200);
    const returned = await stack
      .http()
      .post(`/api/items/${item.id}/return`)
      .set(auth(secretariat))
      .send({ reason: 'Thiếu số liệu.' });
    expect(returned.status).toBe(200);
    expect((returned.body as Item).status).toBe('open');
    const reassigned = await stack
      .http()
      .post(`/api/items/${item.id}/reassign`)
      .set(auth(secretariat))
      .send({ lead: 'SXD' });
    expect(reassigned.status).toBe(200);
    expect((reassigned.body as Item).lead).toBe('SXD');
    // The old lead no longer acts on it; the new one does.
    const oldLead = await stack
      .http()
      .post(`/api/items/${item.id}/progress`)
      .set(auth(stc))
      .send({ note: 'x' });
    expect(oldLead.status).toBe(403);
    await stack
      .http()
      .post(`/api/items/${item.id}/progress`)
      .set(auth(sxd))
      .send({ note: 'Tiếp nhận' })
      .expect(200);
    await stack.smtp.waitFor(
      (m) =>
        mailItem(m) === item.id &&
        mailKind(m) === 'reassigned' &&
        m.to.includes('sxd@dondoc.local'),
    );
    const cancelled = await stack
      .http()
      .post(`/api/items/${item.id}/cancel`)
      .set(auth(secretariat))
      .send({ reason: 'Không còn phù hợp.' });
    expect((cancelled.body as Item).status).toBe('cancelled');
    const history = await stack.historyTypes(item.id, secretariat);
    expect(history).toEqual([
      'created',
      'progress_reported',
      'submitted',
      'returned',
      'reassigned',
      'progress_reported',
      'cancelled',
    ]);
  }, 60_000);
});

describe('errors', () => {
  it('401 without a token or with a bad one; 401 on a wrong password', async () => {
    const none = await stack.http().get('/api/items');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((none.body as { message: string }).message).toMatch(/đăng nhập/);
    await stack.http().get('/api/items').set({ Authorization: 'Bearer nope' }).expect(401);
    const wrong = await stack
      .http()
      .post('/api/auth/login')
      .send({ email: 'stc@dondoc.local', password: 'sai' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('403 when an agency creates an item; 400 with nothing written on invalid input', async () => {
    const before: unknown = await stack.db.dataSource.query('SELECT count(*)::int AS n FROM items');
    const forbidden = await stack
      .http()
      .post('/api/items')
      .set(auth(stc))
      .send({ text: 'x', lead: 'STC', due: '2026-12-31' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const cases: [Record<string, unknown>, string][] = [
      [{ lead: 'STC', due: '2026-12-31' }, 'VALIDATION_FAILED'],
      [{ text: 'x', lead: 'STC', due: '31/12/2026' }, 'INVALID_DUE'],
      [{ text: 'x', lead: 'STC', due: '2026-02-30' }, 'INVALID_DUE'],
      // Beyond DUE_YEARS the workflow could not plan its escalations (near 9999) and would stall.
      [{ text: 'x', lead: 'STC', due: '9999-12-31' }, 'INVALID_DUE'],
      [{ text: 'x', lead: 'STC', due: '2100-01-04T08:00:00+07:00' }, 'INVALID_DUE'],
      [{ text: 'x', lead: 'STC', due: '1999-12-31' }, 'INVALID_DUE'],
      [{ text: 'x', lead: 'NOPE', due: '2026-12-31' }, 'UNKNOWN_AGENCY'],
      [
        { text: 'x', lead: 'STC', due: '2026-12-31', policy: { remindBefore: ['3 days'] } },
        'INVALID_DURATION',
      ],
      [{ text: 'x', lead: 'STC', due: '2026-12-31', extra: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await stack.http().post('/api/items').set(auth(secretariat)).send(body);
      expect({ body, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        body,
        status: 400,
        code,
      });
      expect((res.body as { message: string }).message).toMatch(/[àáảãạăâđêôơư]/i);
    }
    const malformed = await stack
      .http()
      .post('/api/items')
      .set(auth(secretariat))
      .set('Content-Type', 'application/json')
      .send('{"text":');
    expect(malformed.status).toBe(400);
    const after: unknown = await stack.db.dataSource.query('SELECT count(*)::int AS n FROM items');
    expect(after).toEqual(before);
  });

  it('404 for an unknown item, 409 for a command the status forbids', async () => {
    await stack
      .http()
      .get('/api/items/00000000-0000-4000-8000-000000000000')
      .set(auth(secretariat))
      .expect(404);
    await stack.http().get('/api/items/not-a-uuid').set(auth(secretariat)).expect(404);
    const item = await createItem({
      text: 'Tổng kết công tác năm.',
      lead: 'STC',
      due: '2027-12-31',
    });
    const res = await stack
      .http()
      .post(`/api/items/${item.id}/accept`)
      .set(auth(secretariat))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
    const unknownRequest = await stack
      .http()
      .post(`/api/items/${item.id}/extension-requests/nope/approve`)
      .set(auth(secretariat))
      .send({});
    expect([400, 404, 409]).toContain(unknownRequest.status);
  });
});
