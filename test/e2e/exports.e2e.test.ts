/**
 * The spreadsheets (issue 11), read back by openpyxl, a reader we did not write
 * (tools/python/read_xlsx.py, provisioned by scripts/provision-python.sh): every cell checked
 * against what the API answers for the same filter, dates as real Excel dates, the header row
 * frozen and filtered, an agency's file holding its own items only.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/waits';
import {
  cellValues as values,
  printDocx,
  readDocx,
  readXlsx,
  type ReadCell,
  type ReadSheet,
} from '../support/office-readers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Item {
  id: string;
  code: string | null;
  text: string;
  lead: string;
  support: string[];
  leadName: string | null;
  supportNames: string[];
  due: string | null;
  dueAt: string | null;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  noticeNumber: string | null;
}

interface Counts {
  code: string;
  name: string;
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  cancelled: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

/** Notice 45/TB-BCĐ: three items overdue (due in the autumn of 2026), one due at the end of 2099. */
const NOTICE = [
  'UBND TỈNH LẠNG SƠN',
  'BAN CHỈ ĐẠO',
  'Số: 45/TB-BCĐ',
  'Lạng Sơn, ngày 05 tháng 9 năm 2026',
  'THÔNG BÁO',
  'Kết luận của đồng chí Nguyễn Văn B tại cuộc họp về giải ngân vốn đầu tư công',
  'Ngày 02/09/2026, đồng chí Nguyễn Văn B chủ trì cuộc họp.',
  '2. Nhiệm vụ',
  'a) Sở Tài chính tổng hợp tình hình giải ngân, báo cáo UBND tỉnh chậm nhất ngày 15/10/2026.',
  'b) Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát các dự án chậm tiến độ, hoàn thành chậm nhất ngày 20/11/2026.',
  'c) Sở Y tế hoàn thiện hồ sơ dự án bệnh viện tỉnh, hoàn thành chậm nhất ngày 30/09/2026.',
  'd) Sở Tài chính xây dựng kế hoạch vốn giai đoạn sau, hoàn thành chậm nhất ngày 31/12/2099.',
].join('\n');

/** The Word files as LibreOffice prints them, kept for people to look at. */
const DOCUMENTS = join(__dirname, '..', '..', 'test-artifacts', 'documents');

let stack: TestStack;
let secretariat: string;
let head: string;
let stc: string;
let noticeId: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The UTC+7 date today, as the file name says it. */
const vnToday = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
/** "2026-12-03" → "03/12/2026". */
const vn = (d: string): string => d.split('-').reverse().join('/');

async function download(path: string, token: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await stack
    .http()
    .get(path)
    .set(auth(token))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return { res, bytes: res.body as Buffer };
}

/** The file of a 200 answer, read by openpyxl. */
async function workbook(path: string, token: string, fileName: string): Promise<ReadSheet[]> {
  const { res, bytes } = await download(path, token);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="${fileName}"`);
  return readXlsx(bytes);
}

async function list(query: Record<string, string>, token = secretariat): Promise<Item[]> {
  const res = await stack.http().get('/api/items').query(query).set(auth(token)).expect(200);
  return res.body as Item[];
}

const dateCell = (isoDate: string) => ({
  type: 'date',
  value: `${isoDate}T00:00:00`,
  format: 'dd/mm/yyyy',
});

const STATUS: Record<string, string> = {
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  completed: 'Đã hoàn thành',
};

/** The item sheet's row of an item, as a person reads it. */
function expectItemRow(row: ReadCell[], item: Item, n: number): void {
  expect(values(row.slice(0, 6))).toEqual([
    n,
    item.code,
    item.text,
    item.noticeNumber,
    item.leadName,
    item.supportNames.length > 0 ? item.supportNames.join('; ') : null,
  ]);
  expect(row[6]).toEqual(dateCell(item.due as string));
  expect(row[8]?.value).toBe(
    STATUS[item.overdue && item.status === 'open' ? 'overdue' : item.status],
  );
  expect(row[9]?.value ?? 0).toBe(item.overdue ? item.daysOverdue : 0);
}

beforeAll(async () => {
  stack = await startTestStack();
  [secretariat, head, stc] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('head@dondoc.local'),
    stack.login('stc@dondoc.local'),
  ]);
  const res = await stack.http().post('/api/notices').set(auth(secretariat)).send({ text: NOTICE });
  expect(res.status).toBe(201);
  noticeId = (res.body as { id: string }).id;
  // An item due at an exact instant, outside the notice.
  await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: 'Báo cáo nhanh tình hình lũ', lead: 'SNNMT', due: '2099-03-05T14:30:00+07:00' })
    .expect(201);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /api/items/export.xlsx', () => {
  it('is the list of the same filter, row for row, with a tally by lead agency', async () => {
    const items = await list({ noticeId });
    expect(items).toHaveLength(4);
    const [sheet, tally] = await workbook(
      `/api/items/export.xlsx?noticeId=${noticeId}`,
      secretariat,
      `nhiem-vu-${vnToday()}.xlsx`,
    );
    expect(sheet?.name).toBe('Nhiệm vụ');
    // Headed as a printed list is: what, as of when, which filter (issue 11 blind check).
    expect(sheet?.title).toEqual([
      'DANH SÁCH NHIỆM VỤ',
      expect.stringMatching(
        /^Tính đến \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\. Thông báo số 45\/TB-BCĐ\.$/,
      ),
      '',
    ]);
    expect(sheet?.title[1]).toContain(vn(vnToday()));
    expect(sheet?.frozen).toBe('A5');
    expect(sheet?.autoFilter).toBe('A4:M4');
    expect(sheet?.unruled).toEqual([]);
    expect(values(sheet!.rows[0]!)).toEqual([
      'STT',
      'Mã',
      'Nội dung',
      'Thông báo',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Hạn hoàn thành',
      'Hạn ban đầu',
      'Trạng thái',
      'Số ngày làm việc quá hạn',
      'Tiến độ (%)',
      'Kết quả',
      'Ngày hoàn thành',
    ]);
    expect(sheet!.widths.C).toBe(60);
    // Printed across A4, every column on the page, the header on each page; a wrapped text's row
    // is as tall as its lines (not every reader fits it on opening).
    expect(sheet!.print).toEqual({ orientation: 'landscape', fitToWidth: 1, titleRows: '$4:$4' });
    const longest = items.reduce((i, j) => (j.text.length > i.text.length ? j : i));
    expect(sheet!.heights[1 + items.indexOf(longest)]).toBeGreaterThanOrEqual(30);
    expect(sheet!.rows).toHaveLength(1 + items.length);
    items.forEach((item, i) => expectItemRow(sheet!.rows[i + 1]!, item, i + 1));
    expect(items.filter((i) => i.overdue)).toHaveLength(3);

    expect(tally?.name).toBe('Tổng hợp theo cơ quan');
    expect(tally?.title[0]).toBe('TỔNG HỢP THEO CƠ QUAN CHỦ TRÌ');
    expect(tally?.title[1]).toContain('Các nhiệm vụ của danh sách: Thông báo số 45/TB-BCĐ.');
    expect(tally?.frozen).toBe('A5');
    expect(tally?.unruled).toEqual([]);
    const byName = new Map(tally!.rows.slice(1).map((r) => [r[1]?.value, values(r)]));
    // STT, name, total, open, overdue, submitted, completed, on time, late, cancelled.
    expect(byName.get('Sở Tài chính')?.slice(2, 10)).toEqual([2, 1, 1, 0, 0, 0, 0, 0]);
    expect(byName.get('Sở Xây dựng')?.slice(2, 10)).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
    expect(byName.get('Tổng cộng')?.slice(0, 10)).toEqual([
      null,
      'Tổng cộng',
      4,
      1,
      3,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(tally!.rows).toHaveLength(1 + 3 + 1);
  });

  it('writes an exact instant as a date and time (UTC+7), and sorts as the list does', async () => {
    const [sheet] = await workbook(
      '/api/items/export.xlsx?lead=SNNMT',
      secretariat,
      `nhiem-vu-${vnToday()}.xlsx`,
    );
    expect(sheet!.rows).toHaveLength(2);
    expect(sheet!.rows[1]![6]).toEqual({
      type: 'date',
      value: '2099-03-05T14:30:00',
      format: 'dd/mm/yyyy hh:mm',
    });
  });

  it('gives an agency the items it leads or co-ordinates only, whatever it asks for', async () => {
    const own = await list({}, stc);
    expect(own.map((i) => [i.lead, i.support.includes('STC')])).toEqual([
      ['STC', false],
      ['SXD', true],
      ['STC', false],
    ]);
    const [sheet] = await workbook('/api/items/export.xlsx', stc, `nhiem-vu-${vnToday()}.xlsx`);
    expect(sheet!.title[1]).toMatch(/\. Nhiệm vụ do Sở Tài chính chủ trì hoặc phối hợp\.$/);
    expect(sheet!.rows).toHaveLength(1 + own.length);
    // Its role in each row, last (issue 11 blind check: co-ordinated rows looked like its own).
    expect(sheet!.rows.map((r) => r.at(-1)?.value)).toEqual([
      'Vai trò',
      ...own.map((i) => (i.lead === 'STC' ? 'Chủ trì' : 'Phối hợp')),
    ]);
    own.forEach((item, i) => expectItemRow(sheet!.rows[i + 1]!, item, i + 1));
    // Another agency's item (SNNMT's, above) is not in the agency's file.
    const [asked] = await workbook(
      '/api/items/export.xlsx?lead=SNNMT',
      stc,
      `nhiem-vu-${vnToday()}.xlsx`,
    );
    expect(asked!.rows).toHaveLength(1);
  });

  it('refuses a bad filter as the list does, in Vietnamese', async () => {
    const res = await stack
      .http()
      .get('/api/items/export.xlsx?status=done')
      .set(auth(secretariat))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await stack.http().get('/api/items/export.xlsx').expect(401);
  });
});

describe('GET /api/reports/overdue.xlsx', () => {
  it("holds every overdue item of the filter and the completion report's tally", async () => {
    const overdue = await list({ overdue: 'true', noticeId, sort: 'due' });
    const completion = (
      await stack
        .http()
        .get('/api/reports/completion')
        .query({ noticeId })
        .set(auth(head))
        .expect(200)
    ).body as { totals: Omit<Counts, 'code' | 'name'>; agencies: Counts[] };
    const [sheet, tally] = await workbook(
      `/api/reports/overdue.xlsx?noticeId=${noticeId}`,
      head,
      // Named for its filter: not taken for, or saved over, the whole report (issue 11).
      `nhiem-vu-qua-han-thong-bao-45-TB-BCD-${vnToday()}.xlsx`,
    );
    await workbook(
      '/api/reports/overdue.xlsx?from=2026-01-01&to=2027-12-31',
      head,
      `nhiem-vu-qua-han-tu-2026-01-01-den-2027-12-31-${vnToday()}.xlsx`,
    );
    expect(sheet?.name).toBe('Nhiệm vụ quá hạn');
    expect(sheet?.title[0]).toBe('DANH SÁCH NHIỆM VỤ QUÁ HẠN');
    expect(sheet?.title[1]).toMatch(/\. Thông báo số 45\/TB-BCĐ\.$/);
    // The tally counts every item of the notice, and says so (issue 11 blind check).
    expect(tally?.title[1]).toContain(
      'Tính trên toàn bộ nhiệm vụ, không chỉ các nhiệm vụ quá hạn. Thông báo số 45/TB-BCĐ.',
    );
    expect(sheet!.rows).toHaveLength(1 + overdue.length);
    expect(overdue).toHaveLength(3);
    overdue.forEach((item, i) => expectItemRow(sheet!.rows[i + 1]!, item, i + 1));

    const rows = [...completion.agencies, { ...completion.totals, code: '', name: 'Tổng cộng' }];
    expect(tally!.rows).toHaveLength(1 + rows.length);
    rows.forEach((r, i) => {
      const cells = tally!.rows[i + 1]!;
      expect(values(cells).slice(1, 10)).toEqual([
        r.name,
        r.total,
        r.open,
        r.overdue,
        r.submitted,
        r.completed,
        r.completedOnTime,
        r.completedLate,
        r.cancelled,
      ]);
      expect(cells[10]?.value ?? null).toBe(r.completionRate);
      if (r.completionRate !== null) expect(cells[10]?.format).toBe('0%');
    });
  });

  it('is refused to an agency (403) and for an inverted period (400), in Vietnamese', async () => {
    const forbidden = await stack
      .http()
      .get('/api/reports/overdue.xlsx')
      .set(auth(stc))
      .expect(403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN' });
    const inverted = await stack
      .http()
      .get('/api/reports/overdue.xlsx?from=2026-12-31&to=2026-01-01')
      .set(auth(head))
      .expect(400);
    expect(inverted.body).toMatchObject({ code: 'REPORT_PERIOD_INVALID' });
    expect((inverted.body as { message: string }).message).toContain('Khoảng thời gian');
  });
});

describe('GET /api/reports/scorecard.xlsx', () => {
  const nextYear = Number(vnToday().slice(0, 4)) + 1;

  it("ranks the agencies' year: on time first, lateness in working days, extensions", async () => {
    const items = await list({ noticeId });
    const late = items.find((i) => i.code === '2.a' || i.text.includes('giải ngân'))!;
    const stcToken = stc;
    // Its working days late, as it stands before it is handed in (a submitted item is not overdue).
    const before = (await stack.http().get(`/api/items/${late.id}`).set(auth(secretariat)))
      .body as Item;
    await stack
      .http()
      .post(`/api/items/${late.id}/submit`)
      .set(auth(stcToken))
      .send({ note: 'Đã báo cáo.' })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${late.id}/accept`)
      .set(auth(secretariat))
      .send({})
      .expect(200);
    // An item of next year whose deadline the agency asks to move, and the secretariat grants.
    const next = (
      await stack
        .http()
        .post('/api/items')
        .set(auth(secretariat))
        .send({ text: 'Lập quy hoạch vùng', lead: 'SXD', due: `${nextYear}-06-30` })
        .expect(201)
    ).body as Item;
    const sxd = await stack.login('sxd@dondoc.local');
    const asked = await stack
      .http()
      .post(`/api/items/${next.id}/extension-requests`)
      .set(auth(sxd))
      .send({ due: `${nextYear}-07-31`, reason: 'Chờ ý kiến của Bộ.' })
      .expect(201);
    const rid = (asked.body as { requestId: string }).requestId;
    await stack
      .http()
      .post(`/api/items/${next.id}/extension-requests/${rid}/approve`)
      .set(auth(secretariat))
      .send({})
      .expect(200);

    const [year] = await workbook(
      '/api/reports/scorecard.xlsx?year=2026',
      head,
      'ket-qua-thuc-hien-nhiem-vu-nam-2026.xlsx',
    );
    expect(year?.name).toBe('Năm 2026');
    expect(year?.title.slice(0, 2)).toEqual([
      'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026 CỦA CÁC CƠ QUAN',
      expect.stringMatching(/\. Các nhiệm vụ có thời hạn trong năm 2026\.$/),
    ]);
    expect(values(year!.rows[0]!)).toEqual([
      'Xếp thứ',
      'Cơ quan chủ trì',
      'Nhiệm vụ được giao',
      'Hoàn thành đúng hạn',
      'Hoàn thành trễ hạn',
      'Còn quá hạn',
      'Đang thực hiện (trong hạn)',
      'Chờ xác nhận hoàn thành',
      'Đã hủy',
      'Tỷ lệ hoàn thành',
      'Tỷ lệ đúng hạn',
      'Số ngày làm việc trễ bình quân',
      'Số lần đề nghị gia hạn',
      'Số lần được gia hạn',
    ]);
    // STC completed (late) ranks before the agencies that completed nothing, which tie and share
    // a place; the 2099 item and next year's are not in 2026.
    expect(year?.title[2]).toMatch(/^Xếp thứ theo tỷ lệ nhiệm vụ hoàn thành đúng hạn trên số/);
    expect(year!.rows.slice(1).map((r) => values(r).slice(0, 9))).toEqual([
      [1, 'Sở Tài chính', 1, 0, 1, 0, 0, 0, 0],
      [2, 'Sở Xây dựng', 1, 0, 0, 1, 0, 0, 0],
      [2, 'Sở Y tế', 1, 0, 0, 1, 0, 0, 0],
      [null, 'Tổng cộng', 3, 0, 1, 2, 0, 0, 0],
    ]);
    expect(before.daysOverdue).toBeGreaterThan(0);
    expect(year!.rows[1]![11]).toEqual({
      type: 'number',
      value: before.daysOverdue,
      format: '0.0',
    });
    expect(year!.rows[1]![10]).toMatchObject({ value: 0, format: '0%' });

    const [following] = await workbook(
      `/api/reports/scorecard.xlsx?year=${nextYear}`,
      head,
      `ket-qua-thuc-hien-nhiem-vu-nam-${nextYear}.xlsx`,
    );
    expect(
      following!.rows.slice(1).map((r) => values(r).slice(1, 3).concat(values(r).slice(12))),
    ).toEqual([
      ['Sở Xây dựng', 1, 1, 1],
      ['Tổng cộng', 1, 1, 1],
    ]);
  });

  it('is refused to an agency and for a year out of range', async () => {
    await stack.http().get('/api/reports/scorecard.xlsx').set(auth(stc)).expect(403);
    const res = await stack
      .http()
      .get('/api/reports/scorecard.xlsx?year=1999')
      .set(auth(head))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('GET /api/notices/:id/report.docx', () => {
  it('is the report in the layout of Nghị định 30, every item as the API has it', async () => {
    const items = await list({ noticeId });
    const { res, bytes } = await download(`/api/notices/${noticeId}/report.docx`, head);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="bao-cao-thuc-hien-thong-bao-45-TB-BCD-${vnToday()}.docx"`,
    );
    const doc = await readDocx(bytes);
    expect(doc.page).toEqual({
      width: 210,
      height: 297,
      top: 20,
      bottom: 20,
      left: 30,
      right: 15,
    });
    const [header, table, signature] = doc.tables;
    // The issuing body (the notice's own) left, the national name and motto right.
    expect(header?.[0]?.[0]).toContain('UBND TỈNH LẠNG SƠN\nBAN CHỈ ĐẠO');
    expect(header?.[0]?.[0]).toContain('Số:');
    expect(header?.[0]?.[1]).toContain(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
    );
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain('Tình hình thực hiện Thông báo kết luận số 45/TB-BCĐ ngày 05/09/2026');
    const title = doc.paragraphs.find((p) => p.text === 'BÁO CÁO');
    expect([title?.bold, title?.alignment, title?.fonts]).toEqual([
      true,
      'CENTER (1)',
      ['Times New Roman'],
    ]);
    expect(texts.join('\n')).toMatch(
      /Tổng số nhiệm vụ: 4; trong đó đã hoàn thành 1 \(đúng hạn 0, trễ hạn 1\);.*quá hạn 2/,
    );
    expect(texts.join('\n')).toContain('Đề nghị Sở Xây dựng và Sở Y tế khẩn trương hoàn thành');
    // One row an item, in the notice's order, as GET /api/items has it.
    expect(table?.[0]).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Thời hạn',
      'Tình hình thực hiện',
    ]);
    expect(table?.slice(1).map((r) => r.slice(0, 3))).toEqual(
      items
        .slice()
        .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))
        .map((i) => [i.code, i.text, i.leadName]),
    );
    const row = (code: string) => table?.find((r) => r[0] === code) ?? [];
    expect(row('2.a')[3]).toBe('15/10/2026');
    expect(row('2.a')[4]).toMatch(
      /^Đã hoàn thành ngày \d\d\/\d\d\/\d{4} \(trễ hạn\)\nKết quả: Đã báo cáo\.$/,
    );
    const overdue = items.find((i) => i.code === '2.c')!;
    expect(row('2.c')[4]).toBe(`Quá hạn ${overdue.daysOverdue} ngày làm việc`);
    expect(row('2.d')[4]).toBe('Đang thực hiện, trong hạn');
    expect(signature?.[0]?.[0]).toMatch(/^Nơi nhận:\n- Trưởng Ban, các Phó Trưởng Ban Chỉ đạo/);
    expect(signature?.[0]?.[1]).toContain('TL. TRƯỞNG BAN\nCHÁNH VĂN PHÒNG');

    // As LibreOffice prints it: A4 pages with the title and every item.
    await mkdir(DOCUMENTS, { recursive: true });
    const printed = await printDocx(bytes, join(DOCUMENTS, 'notice-report.pdf'));
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.text).toContain('BÁO CÁO');
    expect(printed.text).toContain('Sở Y tế');
  }, 120_000);

  it('is refused to an agency (403) and for an unknown notice (404)', async () => {
    await stack.http().get(`/api/notices/${noticeId}/report.docx`).set(auth(stc)).expect(403);
    const res = await stack
      .http()
      .get('/api/notices/00000000-0000-4000-8000-000000000000/report.docx')
      .set(auth(head))
      .expect(404);
    expect(res.body).toMatchObject({ code: 'NOTICE_NOT_FOUND' });
  });
});

describe('GET /api/items/:id/urging-letter.docx', () => {
  const inTenDays = new Date(Date.now() + 7 * 3_600_000 + 10 * 86_400_000)
    .toISOString()
    .slice(0, 10);

  it("drafts the letter to the late agency's head, with what it reported and a date", async () => {
    const items = await list({ noticeId });
    const late = items.find((i) => i.code === '2.c')!;
    const syt = await stack.login('syt@dondoc.local');
    await stack
      .http()
      .post(`/api/items/${late.id}/progress`)
      .set(auth(syt))
      .send({ percent: 30, note: 'Đang hoàn thiện hồ sơ.' })
      .expect(200);
    const { res, bytes } = await download(
      `/api/items/${late.id}/urging-letter.docx?reportBy=${inTenDays}`,
      secretariat,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="cong-van-don-doc-nhiem-vu-2-c-${vnToday()}.docx"`,
    );
    const doc = await readDocx(bytes);
    expect(doc.tables[0]?.[0]?.[0]).toContain(
      'V/v đôn đốc thực hiện nhiệm vụ 2.c tại Thông báo kết luận số 45/TB-BCĐ',
    );
    // Dated where the notice was (issue 11 blind check: the place was left blank).
    expect(doc.tables[0]?.[0]?.[1]).toContain('Lạng Sơn, ngày …… tháng …… năm ……');
    const text = doc.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('Kính gửi: Giám đốc Sở Y tế');
    expect(text).toContain(
      `“${late.text.replace(/[.\s]+$/u, '')}”, thời hạn hoàn thành 30/09/2026.`,
    );
    const now = (await stack.http().get(`/api/items/${late.id}`).set(auth(secretariat)))
      .body as Item;
    expect(text).toContain(`nhiệm vụ đã quá hạn ${now.daysOverdue} ngày làm việc.`);
    // The note's own full stop is not doubled after the closing quote.
    expect(text).toContain('nhiệm vụ đạt khoảng 30%: “Đang hoàn thiện hồ sơ”.');
    expect(text).toContain(`trước ngày ${vn(inTenDays)}`);
    expect(doc.tables.at(-1)?.[0]?.[1]).toContain('TL. TRƯỞNG BAN\nCHÁNH VĂN PHÒNG');
    const printed = await printDocx(bytes, join(DOCUMENTS, 'urging-letter.pdf'));
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain('Kính gửi');

    // Reported complete, returned: the next letter says so (issue 8 blind check: it said the
    // agency had not reported at all).
    await stack
      .http()
      .post(`/api/items/${late.id}/submit`)
      .set(auth(syt))
      .send({ note: 'Đã hoàn thành hồ sơ.' })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${late.id}/return`)
      .set(auth(secretariat))
      .send({ reason: 'Thiếu biên bản nghiệm thu.' })
      .expect(200);
    const told = `${vn(vnToday())}, Sở Y tế đã báo cáo hoàn thành nhiệm vụ (“Đã hoàn thành hồ sơ”); ngày ${vn(vnToday())}, Văn phòng đã trả lại báo cáo (lý do: “Thiếu biên bản nghiệm thu”)`;
    await eventually(
      'the returned report in the letter',
      async () => {
        const again = await download(`/api/items/${late.id}/urging-letter.docx`, secretariat);
        const said = (await readDocx(again.bytes)).paragraphs.map((p) => p.text).join('\n');
        expect(said).toContain(told);
        expect(said).not.toContain('Đang hoàn thiện hồ sơ');
      },
      30_000,
      500,
    );
  }, 120_000);

  it('refuses a closed item (409), a date not after today (400), anyone but the secretariat', async () => {
    const items = await list({ noticeId });
    const done = items.find((i) => i.status === 'completed')!;
    const open = items.find((i) => i.code === '2.b')!;
    const closed = await stack
      .http()
      .get(`/api/items/${done.id}/urging-letter.docx`)
      .set(auth(secretariat))
      .expect(409);
    expect(closed.body).toMatchObject({ code: 'ITEM_CLOSED' });
    const past = await stack
      .http()
      .get(`/api/items/${open.id}/urging-letter.docx?reportBy=2026-01-01`)
      .set(auth(secretariat))
      .expect(400);
    expect(past.body).toMatchObject({ code: 'REPORT_BY_INVALID' });
    await stack.http().get(`/api/items/${open.id}/urging-letter.docx`).set(auth(head)).expect(403);
    await stack.http().get(`/api/items/${open.id}/urging-letter.docx`).set(auth(stc)).expect(403);
  });
});
