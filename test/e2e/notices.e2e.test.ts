/** Intake end to end: preview → correct → confirm starts one workflow per item, once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { addDays, civilDateAt, nextOccurrence, type ParsedNotice } from '../../libs/domain/src';
import { mailItem, mailKind } from '../support/mail-headers';
import type { ReceivedMail } from '../support/smtp';
import { startTestStack, type TestStack } from '../support/stack';

const seed = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);

let stack: TestStack;
let secretariat: string;
let client: Client;
let connection: Connection;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  connection = await Connection.connect({ address: stack.config.temporal.address });
  client = new Client({ connection });
}, 120_000);

afterAll(async () => {
  await connection?.close();
  await stack?.close();
});

const auth = () => ({ Authorization: `Bearer ${secretariat}` });
const count = async (table: string): Promise<number> => {
  const rows: { n: number }[] = await stack.db.dataSource.query(
    `SELECT count(*)::int AS n FROM ${table}`,
  );
  return rows[0]!.n;
};

describe('notice intake', () => {
  it('previews the seed notice, confirms it with the four unassigned items assigned, and starts 11 workflows once', async () => {
    const preview = await stack
      .http()
      .post('/api/notices/preview')
      .set(auth())
      .send({ text: seed })
      .expect(200);
    const parsed = preview.body as ParsedNotice;
    expect(parsed.items).toHaveLength(11);
    const unassigned = parsed.items.filter((i) => i.lead.length === 0).map((i) => i.code);
    expect(unassigned).toEqual(['2.a', '2.b', '2.c', '2.d']);
    expect(await count('items')).toBe(0);

    // Without the corrections: a 400 naming every item to fix, and nothing written.
    const refused = await stack.http().post('/api/notices').set(auth()).send({ text: seed });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'NOTICE_ITEMS_INVALID' });
    for (const code of unassigned) {
      expect((refused.body as { message: string }).message).toContain(`Mục ${code}`);
    }
    expect(await count('notices')).toBe(0);
    expect(await count('items')).toBe(0);

    const items = parsed.items.map((i) => (i.lead.length > 0 ? i : { ...i, lead: ['STC'] }));
    const confirmed = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text: seed, parsed, items });
    expect(confirmed.status).toBe(201);
    const notice = confirmed.body as {
      id: string;
      created: boolean;
      started: number;
      items: {
        id: string;
        code: string;
        workflowId: string;
        position: number;
        lead: string;
        due: string | null;
      }[];
    };
    expect(notice).toMatchObject({
      created: true,
      started: 11,
      meetingDate: '2026-01-15',
      chair: 'Đoàn Thanh Sơn',
    });
    expect(notice.items.map((i) => i.code)).toEqual(parsed.items.map((i) => i.code));
    expect(notice.items.find((i) => i.code === '2.g.1')).toMatchObject({
      lead: 'STC',
      due: '2026-01-22',
    });
    expect(notice.items.find((i) => i.code === '2.đ')).toMatchObject({
      lead: 'SKHCN',
      due: '2026-02-28',
    });
    expect(notice.items.map((i) => i.workflowId)).toEqual(
      notice.items.map((_, n) => `item-${notice.id}-${n + 1}`),
    );
    expect(notice.items.map((i) => i.position)).toEqual(notice.items.map((_, n) => n + 1));
    for (const i of notice.items) await client.workflow.getHandle(i.workflowId).describe();

    const again = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text: seed.replace(/\n/g, '\r\n'), parsed, items });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: notice.id, created: false, started: 0 });
    expect(await count('notices')).toBe(1);
    expect(await count('items')).toBe(11);

    const shown = await stack.http().get(`/api/notices/${notice.id}`).set(auth()).expect(200);
    const body = shown.body as { items: { status: string; workflowState: string }[] };
    expect(body.items).toHaveLength(11);
    expect(body.items.every((i) => i.workflowState === 'started')).toBe(true);
    // The seed's deadlines are in the past (January 2026): the items go overdue, live.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const live = await stack.http().get(`/api/notices/${notice.id}`).set(auth()).expect(200);
      const statuses = (live.body as { items: { code: string; status: string }[] }).items;
      if (statuses.find((i) => i.code === '2.g.1')?.status === 'overdue') break;
      if (Date.now() > deadline) throw new Error(`2.g.1 not overdue: ${JSON.stringify(statuses)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 90_000);

  it('a recurring report is due at its next occurrence and opens its next period once accepted', async () => {
    const text = [
      'THÔNG BÁO',
      'Kết luận của đồng chí Nguyễn Văn A về chế độ báo cáo',
      'Ngày 20/11/2026, đồng chí Nguyễn Văn A chủ trì cuộc họp.',
      '2. Nhiệm vụ',
      'a) Sở Tài chính định kỳ hằng tháng, trước ngày 25 hằng tháng, tổng hợp tình hình giải ngân, báo cáo UBND tỉnh.',
    ].join('\n');
    const preview = await stack
      .http()
      .post('/api/notices/preview')
      .set(auth())
      .send({ text })
      .expect(200);
    expect((preview.body as ParsedNotice).items[0]!.deadline).toMatchObject({
      kind: 'recurring',
      frequency: 'monthly',
      day: 24,
    });
    const confirmed = await stack.http().post('/api/notices').set(auth()).send({ text });
    expect(confirmed.status).toBe(201);
    const [item] = (confirmed.body as { items: { id: string; due: string }[] }).items;
    const first = nextOccurrence({ frequency: 'monthly', day: 24 }, civilDateAt(Date.now()));
    expect(item!.due).toBe(first);

    const stc = await stack.login('stc@dondoc.local');
    await stack
      .http()
      .post(`/api/items/${item!.id}/submit`)
      .set({ Authorization: `Bearer ${stc}` })
      .send({ note: 'Đã báo cáo' })
      .expect(200);
    await stack.http().post(`/api/items/${item!.id}/accept`).set(auth()).send({}).expect(200);
    const second = nextOccurrence({ frequency: 'monthly', day: 24 }, addDays(first, 1));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await stack.http().get(`/api/items/${item!.id}`).set(auth()).expect(200);
      const now = res.body as { status: string; due: string };
      if (now.status === 'open' && now.due === second) break;
      if (Date.now() > deadline) throw new Error(`next period not opened: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await stack.historyTypes(item!.id, secretariat)).toEqual([
      'created',
      'submitted',
      'completed',
      'created',
    ]);
  }, 60_000);

  it('a confirmed notice mails each lead its assignment once, and the co-ordinating agencies a copy (ADR 0024)', async () => {
    const before = stack.smtp.messages.length;
    const year = Number(civilDateAt(Date.now()).slice(0, 4)) + 1;
    const body = {
      parsed: {
        notice: {
          title: 'Kết luận của Trưởng Ban Chỉ đạo về giao nhiệm vụ',
          number: '45/TB-BCĐ',
          issuedOn: '2026-11-20',
        },
      },
      items: [
        {
          code: '1',
          text: 'Sở Tài chính chủ trì rà soát nguồn vốn đầu tư công, báo cáo UBND tỉnh.',
          lead: 'STC',
          support: ['SXD'],
          // "trước ngày 01/07" is read as the end of 30/06: the mail quotes the notice's words.
          deadline: { kind: 'date', due: `${year}-06-30`, phrase: `trước ngày 01/07/${year}` },
        },
        { code: '2', text: 'Sở Xây dựng theo dõi tiến độ các dự án nhà ở xã hội.', lead: 'SXD' },
      ],
    };
    const confirmed = await stack.http().post('/api/notices').set(auth()).send(body);
    expect(confirmed.status).toBe(201);
    const { items } = confirmed.body as { items: { id: string; code: string }[] };
    const [one, two] = [items.find((i) => i.code === '1')!, items.find((i) => i.code === '2')!];
    const ours = (m: ReceivedMail) => items.some((i) => mailItem(m) === i.id);
    // Three mails: item 1's to STC and its copy to SXD, item 2's to SXD.
    await stack.smtp.waitFor((m) => ours(m) && mailKind(m).startsWith('assigned'), 3, 60_000);
    const toLead = (id: string) =>
      stack.smtp.messages.filter((m) => mailItem(m) === id && mailKind(m) === 'assigned');
    const [first] = toLead(one.id);
    expect(first!.to).toEqual(['stc@dondoc.local']);
    expect(first!.subject).toBe(
      `[Đôn Đốc] Giao nhiệm vụ: Nhiệm vụ 1, TB số 45/TB-BCĐ (hạn 30/06/${year})`,
    );
    for (const fact of [
      'Sở Tài chính chủ trì rà soát nguồn vốn đầu tư công',
      'Kết luận của Trưởng Ban Chỉ đạo về giao nhiệm vụ (số 45/TB-BCĐ, ngày 20/11/2026)',
      '- Cơ quan phối hợp: Sở Xây dựng',
      `- Thời hạn: ngày 30/06/${year} (Thông báo ghi “trước ngày 01/07/${year}”)`,
      `${stack.config.publicBaseUrl}/items/${one.id}?t=`,
    ]) {
      expect(first!.text).toContain(fact);
    }
    const [copy] = stack.smtp.messages.filter(
      (m) => mailItem(m) === one.id && mailKind(m) === 'assigned_copy',
    );
    expect(copy!.to).toEqual(['sxd@dondoc.local']);
    expect(copy!.subject).toBe(
      `[Đôn Đốc] Giao nhiệm vụ (phối hợp): Nhiệm vụ 1, TB số 45/TB-BCĐ (hạn 30/06/${year})`,
    );
    expect(copy!.text).not.toContain('?t=');
    const [second] = toLead(two.id);
    expect(second!.to).toEqual(['sxd@dondoc.local']);
    expect(second!.subject).toBe('[Đôn Đốc] Giao nhiệm vụ: Nhiệm vụ 2, TB số 45/TB-BCĐ');
    expect(second!.text).toContain('- Thời hạn: Không có hạn');
    // The history names the recipients and the delivery.
    for (const [id, to] of [
      [one.id, ['stc@dondoc.local', 'sxd@dondoc.local']],
      [two.id, ['sxd@dondoc.local']],
    ] as const) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const res = await stack.http().get(`/api/items/${id}/history`).set(auth()).expect(200);
        const created = (res.body as { type: string; detail: Record<string, unknown> }[])[0]!;
        if (created.detail.mailDelivery === 'delivered') {
          expect(created.detail.recipients).toEqual(to);
          break;
        }
        if (Date.now() > deadline) throw new Error(`created of ${id}: ${JSON.stringify(created)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    // Confirming again starts nothing and sends nothing; nothing else was sent meanwhile.
    const again = await stack.http().post('/api/notices').set(auth()).send(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, started: 0 });
    await new Promise((r) => setTimeout(r, 3000));
    const mails = stack.smtp.messages.slice(before).filter(ours);
    expect(mails.map((m) => `${mailKind(m)} ${m.to.join()}`).sort()).toEqual([
      'assigned stc@dondoc.local',
      'assigned sxd@dondoc.local',
      'assigned_copy sxd@dondoc.local',
    ]);
  }, 90_000);

  it('400 naming the item whose deadline cannot be read; 404 for an unknown notice; 403 for an agency', async () => {
    const before = await count('items');
    const res = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({
        text: 'Thông báo thử',
        items: [
          { code: '1', text: 'Làm việc A', lead: 'STC', due: '2026-13-45' },
          { code: '2', text: 'Làm việc B', lead: 'Sở Không Có' },
        ],
      });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('Mục 1: không đọc được thời hạn');
    expect((res.body as { message: string }).message).toContain('Mục 2: không tìm thấy cơ quan');
    expect(await count('items')).toBe(before);
    const malformed = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ parsed: { notice: {}, items: [{ code: '1', text: 42, lead: 'STC' }] } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await count('items')).toBe(before);
    await stack
      .http()
      .get('/api/notices/00000000-0000-4000-8000-000000000000')
      .set(auth())
      .expect(404);
    const stc = await stack.login('stc@dondoc.local');
    await stack
      .http()
      .post('/api/notices/preview')
      .set({ Authorization: `Bearer ${stc}` })
      .send({ text: seed })
      .expect(403);
  });
});
