/**
 * Calendar invites (issue 11, ADR 0027): the assignment mail, its copy to a co-ordinating agency,
 * the mail after a deadline change and the new lead's mail after a reassignment each carry the
 * item's .ics, read back by Python's icalendar: an all-day event on the due day, one UID per item
 * with a growing SEQUENCE (a later invite replaces the earlier one), alarms at the reminder plan's
 * instants (08:00 in Vietnam, working days before). Real stack and a real SMTP server.
 */
import { readIcs, type ReadCalendar } from '../support/office-readers';
import { mailItem, mailKind } from '../support/mail-headers';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
let stc: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  stc = await stack.login('stc@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function mailOf(itemId: string, kind: string, to: string): Promise<ReceivedMail> {
  const [mail] = await stack.smtp.waitFor(
    (m) => mailItem(m) === itemId && mailKind(m) === kind && m.to.includes(to),
  );
  return mail!;
}

/** The mail's invite as icalendar reads it; its calendar part and its .ics attachment agree. */
async function inviteOf(mail: ReceivedMail): Promise<ReadCalendar> {
  const files = mail.attachments.filter((a) => /calendar|ics/.test(a.contentType));
  expect(files.length).toBeGreaterThanOrEqual(1);
  expect(files.some((a) => a.filename.endsWith('.ics'))).toBe(true);
  const texts = new Set(files.map((a) => a.content.toString('utf8')));
  expect(texts.size).toBe(1);
  return readIcs(files[0]!.content);
}

/** Once its assignment mail is in: the lead reports the item done, the secretariat accepts. */
async function assignedThenAccepted(id: string, note: string, acceptNote?: string): Promise<void> {
  await mailOf(id, 'assigned', 'stc@dondoc.local');
  await stack.http().post(`/api/items/${id}/submit`).set(auth(stc)).send({ note }).expect(200);
  await stack
    .http()
    .post(`/api/items/${id}/accept`)
    .set(auth(secretariat))
    .send(acceptNote ? { note: acceptNote } : {})
    .expect(200);
}

it('sends the invite with the assignment, replaces it on an extension and for a new lead', async () => {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({
      text: 'Xây dựng kế hoạch chuyển đổi số, trình UBND tỉnh',
      lead: 'STC',
      support: ['SXD'],
      due: '2027-03-15',
    })
    .expect(201);
  const id = (created.body as { id: string }).id;

  const assigned = await inviteOf(await mailOf(id, 'assigned', 'stc@dondoc.local'));
  expect(assigned.method).toBe('REQUEST');
  expect(assigned.events).toHaveLength(1);
  const event = assigned.events[0]!;
  expect(event).toMatchObject({
    uid: `${id}@dondoc`,
    sequence: 1,
    status: 'CONFIRMED',
    start: '2027-03-15',
    end: '2027-03-16',
    allDay: true,
    organizer: 'dondoc@dondoc.local',
    attendees: ['stc@dondoc.local'],
  });
  expect(event.summary).toContain('Xây dựng kế hoạch chuyển đổi số');
  expect(event.description).toContain('Cơ quan chủ trì: Sở Tài chính');
  // The item's page behind a login: the event outlives the mail's 30-day signed link.
  expect(event.url).toMatch(new RegExp(`/items/${id}$`));
  expect(event.description).toContain('Nhiệm vụ: Xây dựng kế hoạch chuyển đổi số');
  // The default plan (7, 3, 1 working days before and on the day, at 08:00 UTC+7) before Monday
  // 15/03/2027: Thursday 04/03, Wednesday 10/03, Friday 12/03, Monday 15/03.
  expect(event.alarms).toEqual([
    '2027-03-04T01:00:00Z',
    '2027-03-10T01:00:00Z',
    '2027-03-12T01:00:00Z',
    '2027-03-15T01:00:00Z',
  ]);

  const copyMail = await mailOf(id, 'assigned_copy', 'sxd@dondoc.local');
  // Greeted by its name, and named in its invite (issue 8 blind check 3).
  expect(copyMail.text).toContain('Kính gửi: Sở Xây dựng,');
  const copy = await inviteOf(copyMail);
  expect(copy.events[0]).toMatchObject({
    uid: `${id}@dondoc`,
    sequence: 1,
    start: '2027-03-15',
    attendees: ['sxd@dondoc.local'],
    attendeeNames: ['Sở Xây dựng'],
  });
  // No signed link for a co-ordinating agency: it logs in.
  expect(copy.events[0]?.url).toMatch(new RegExp(`/items/${id}$`));

  const requested = await stack
    .http()
    .post(`/api/items/${id}/extension-requests`)
    .set(auth(stc))
    .send({ due: '2027-07-15', reason: 'Chờ ý kiến của bộ.' })
    .expect(201);
  const rid = (requested.body as { requestId: string }).requestId;
  // Granted to an earlier date than asked: the mail says both, the invite has the grant.
  await stack
    .http()
    .post(`/api/items/${id}/extension-requests/${rid}/approve`)
    .set(auth(secretariat))
    .send({ due: '2027-06-22' })
    .expect(200);
  const approvedMail = await mailOf(id, 'extension_approved', 'stc@dondoc.local');
  expect(approvedMail.text).toContain(
    'đồng ý gia hạn thực hiện nhiệm vụ, đến ngày 22/06/2027 (Quý cơ quan đề nghị đến ngày 15/07/2027).',
  );
  const moved = await inviteOf(approvedMail);
  expect(moved.events[0]).toMatchObject({
    uid: `${id}@dondoc`,
    sequence: 2,
    start: '2027-06-22',
    end: '2027-06-23',
  });
  // Tuesday 22/06/2027: Friday 11/06, Thursday 17/06, Monday 21/06, Tuesday 22/06.
  expect(moved.events[0]?.alarms).toEqual([
    '2027-06-11T01:00:00Z',
    '2027-06-17T01:00:00Z',
    '2027-06-21T01:00:00Z',
    '2027-06-22T01:00:00Z',
  ]);

  await stack
    .http()
    .post(`/api/items/${id}/reassign`)
    .set(auth(secretariat))
    .send({ lead: 'SXD', reason: 'Đúng chức năng' })
    .expect(200);
  const newLead = await inviteOf(await mailOf(id, 'reassigned', 'sxd@dondoc.local'));
  expect(newLead.events[0]).toMatchObject({
    uid: `${id}@dondoc`,
    start: '2027-06-22',
    attendees: ['sxd@dondoc.local'],
  });
  expect(newLead.events[0]?.description).toContain('Cơ quan chủ trì: Sở Xây dựng');
  // The former lead is told it no longer leads, and its event is withdrawn (issue 11 blind check).
  const away = await mailOf(id, 'reassigned_away', 'stc@dondoc.local');
  expect(away.subject).toContain('Chuyển nhiệm vụ sang Sở Xây dựng chủ trì');
  expect(away.text).toContain('Quý cơ quan không tiếp tục chủ trì nhiệm vụ này.');
  const gone = await inviteOf(away);
  expect(gone.method).toBe('CANCEL');
  expect(gone.events[0]).toMatchObject({ uid: `${id}@dondoc`, attendees: ['stc@dondoc.local'] });

  // Cancelled: the lead (Sở Xây dựng, also the co-ordinating agency: one mail) is told and the
  // event withdrawn; the former lead's was withdrawn at the reassignment.
  await stack
    .http()
    .post(`/api/items/${id}/cancel`)
    .set(auth(secretariat))
    .send({ reason: 'Nội dung đã được lồng ghép vào nhiệm vụ khác' })
    .expect(200);
  for (const to of ['sxd@dondoc.local']) {
    const mail = await mailOf(id, 'cancelled', to);
    expect(
      stack.smtp.messages.filter((m) => mailItem(m) === id && mailKind(m) === 'cancelled'),
    ).toHaveLength(1);
    expect(mail.subject).toContain('Hủy nhiệm vụ');
    expect(mail.text).toContain('Nội dung đã được lồng ghép vào nhiệm vụ khác');
    const withdrawn = await inviteOf(mail);
    expect(withdrawn.method).toBe('CANCEL');
    expect(withdrawn.events[0]).toMatchObject({
      uid: `${id}@dondoc`,
      status: 'CANCELLED',
      // Above every invite sent before it (deadline version 2).
      sequence: 3,
      start: '2027-06-22',
      attendees: [to],
      alarms: [],
    });
  }
}, 90_000);

it('withdraws the event when the item is completed', async () => {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Ban hành quy chế phối hợp', lead: 'STC', due: '2027-04-28' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  await assignedThenAccepted(id, 'Đã ban hành Quyết định số 15/QĐ-UBND.');
  const mail = await mailOf(id, 'completed', 'stc@dondoc.local');
  expect(mail.subject).toContain('Nhiệm vụ đã hoàn thành');
  expect(mail.text).toContain('Văn phòng UBND tỉnh đã xác nhận nhiệm vụ dưới đây');
  const withdrawn = await inviteOf(mail);
  expect(withdrawn.method).toBe('CANCEL');
  expect(withdrawn.events[0]).toMatchObject({
    uid: `${id}@dondoc`,
    sequence: 2,
    status: 'CANCELLED',
  });
}, 60_000);

it('sends no invite with a mail that does not change the deadline', async () => {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Báo cáo tiến độ giải ngân', lead: 'STC', due: '2027-05-20' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  const requested = await stack
    .http()
    .post(`/api/items/${id}/extension-requests`)
    .set(auth(stc))
    .send({ due: '2027-07-20', reason: 'Chờ số liệu.' })
    .expect(201);
  const rid = (requested.body as { requestId: string }).requestId;
  await stack
    .http()
    .post(`/api/items/${id}/extension-requests/${rid}/reject`)
    .set(auth(secretariat))
    .send({ reason: 'Không đủ căn cứ' })
    .expect(200);
  const rejected = await mailOf(id, 'extension_rejected', 'stc@dondoc.local');
  expect(rejected.attachments.filter((a) => /calendar|ics/.test(a.contentType))).toEqual([]);
}, 60_000);

it('a deadline corrected by the secretariat: the mail says both dates and replaces the invite', async () => {
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Tổng kết công tác năm 2026', lead: 'STC', due: '2027-01-05' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  await mailOf(id, 'assigned', 'stc@dondoc.local');
  const actions = await stack
    .http()
    .get(`/api/items/${id}/actions`)
    .set(auth(secretariat))
    .expect(200);
  expect((actions.body as { actions: string[] }).actions).toContain('deadline');

  // Refused: an agency; a date in the past; no reason. Nothing changes.
  await stack
    .http()
    .post(`/api/items/${id}/deadline`)
    .set(auth(stc))
    .send({ due: '2027-03-05', reason: 'x' })
    .expect(403);
  const past = await stack
    .http()
    .post(`/api/items/${id}/deadline`)
    .set(auth(secretariat))
    .send({ due: '2020-02-05', reason: 'Nhập nhầm' })
    .expect(400);
  expect((past.body as { message: string }).message).toMatch(/tương lai|năm/u);
  await stack
    .http()
    .post(`/api/items/${id}/deadline`)
    .set(auth(secretariat))
    .send({ due: '2027-03-05' })
    .expect(400);

  const changed = await stack
    .http()
    .post(`/api/items/${id}/deadline`)
    .set(auth(secretariat))
    .send({ due: '2027-03-05', reason: 'Nhập nhầm thời hạn khi giao nhiệm vụ.' })
    .expect(200);
  // A correction, not an extension: the original deadline is the corrected one.
  expect(changed.body).toMatchObject({ due: '2027-03-05', originalDue: '2027-03-05' });
  const mail = await mailOf(id, 'deadline_changed', 'stc@dondoc.local');
  expect(mail.subject).toBe(
    '[Đôn Đốc] Thay đổi thời hạn: Tổng kết công tác năm 2026 — hạn mới 05/03/2027',
  );
  expect(mail.text).toContain('Thời hạn trước đây: ngày 05/01/2027.');
  expect(mail.text).toContain('Nhập nhầm thời hạn khi giao nhiệm vụ.');
  const invite = await inviteOf(mail);
  expect(invite.events[0]).toMatchObject({
    uid: `${id}@dondoc`,
    sequence: 2,
    start: '2027-03-05',
  });
  const history = await stack.historyTypes(id, secretariat);
  expect(history).toContain('deadline_changed');
}, 60_000);

it('a recurring item’s next period: the lead is told its deadline and both calendars move', async () => {
  const deadline = { kind: 'recurring', frequency: 'monthly', day: 20 };
  const confirmed = await stack
    .http()
    .post('/api/notices')
    .set(auth(secretariat))
    .send({
      text: 'Thông báo thử định kỳ\n1. Sở Tài chính báo cáo giải ngân hằng tháng.',
      items: [{ code: '1', text: 'Báo cáo giải ngân', lead: 'STC', support: ['SXD'], deadline }],
    })
    .expect(201);
  const [{ id }] = (confirmed.body as { items: { id: string }[] }).items as [{ id: string }];
  const first = (await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200))
    .body as { due: string };
  await assignedThenAccepted(id, 'Đã báo cáo tháng này.', 'Số liệu đầy đủ, đúng mẫu.');

  const told = await mailOf(id, 'period_opened', 'stc@dondoc.local');
  const next = (await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200))
    .body as { due: string; status: string };
  expect(next.due > first.due).toBe(true);
  expect(next.status).toBe('open');
  const [y, m, d] = next.due.split('-');
  expect(told.subject).toContain(`(hạn ${d}/${m}/${y})`);
  expect(told.text).toMatch(/\?t=[A-Za-z0-9_.-]+/);
  // The accepted period's note and timeliness, as a one-off item's completion mail gives them.
  expect(told.text).toContain('Kỳ vừa qua hoàn thành đúng hạn.');
  expect(told.text).toContain('Ý kiến của Văn phòng:\n\n> Số liệu đầy đủ, đúng mẫu.');
  const copy = await mailOf(id, 'deadline_copy', 'sxd@dondoc.local');
  expect(copy.subject).toContain('Kỳ mới của nhiệm vụ định kỳ (phối hợp)');
  expect(copy.text).not.toContain('Thời hạn trước đây');
  for (const [mail, to] of [
    [told, 'stc@dondoc.local'],
    [copy, 'sxd@dondoc.local'],
  ] as const) {
    const invite = await inviteOf(mail);
    expect(invite.method).toBe('REQUEST');
    expect(invite.events[0]).toMatchObject({
      uid: `${id}@dondoc`,
      sequence: 2,
      start: next.due,
      attendees: [to],
    });
  }
}, 90_000);
