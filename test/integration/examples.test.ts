/**
 * `npm run examples` (README, ADR 0026) still writes one of each paper, and each opens in a reader
 * we did not write: the spreadsheets in openpyxl, the Word files in python-docx, their pages drawn.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocx, readIcs, readXlsx } from '../support/office-readers';

const ROOT = join(__dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dondoc-examples-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('writes every paper, each readable, the Word pages as pictures', async () => {
  execFileSync('npm', ['run', '--silent', 'examples'], {
    cwd: ROOT,
    env: { ...process.env, EXAMPLES_DIR: dir },
    stdio: 'ignore',
    timeout: 300_000,
  });
  const files = (await readdir(dir)).sort();
  expect(files.filter((f) => !f.endsWith('.png'))).toEqual([
    'bao-cao-thuc-hien-thong-bao-45-TB-BCD-2026-12-03.docx',
    'cong-van-don-doc-nhiem-vu-2-c-2026-12-03.docx',
    'han-nhiem-vu-2-d.ics',
    'ket-qua-thuc-hien-nhiem-vu-nam-2026.xlsx',
    'nhiem-vu-2026-12-03.xlsx',
    'nhiem-vu-qua-han-2026-12-03.xlsx',
  ]);
  expect(files).toContain('cong-van-don-doc-nhiem-vu-2-c-2026-12-03-trang-1.png');
  expect(files).toContain('bao-cao-thuc-hien-thong-bao-45-TB-BCD-2026-12-03-trang-1.png');
  const [list] = await readXlsx(await readFile(join(dir, 'nhiem-vu-2026-12-03.xlsx')));
  // The sample notice's five directives, parsed.
  expect(list!.rows.slice(1).map((r) => r[1]?.value)).toEqual(['2.a', '2.b', '2.c', '2.d', '2.đ']);
  const [overdue] = await readXlsx(await readFile(join(dir, 'nhiem-vu-qua-han-2026-12-03.xlsx')));
  expect(overdue!.rows.slice(1).map((r) => r[1]?.value)).toEqual(['2.b', '2.c']);
  const letter = await readDocx(
    await readFile(join(dir, 'cong-van-don-doc-nhiem-vu-2-c-2026-12-03.docx')),
  );
  expect(letter.paragraphs.map((p) => p.text)).toContain('Kính gửi: Giám đốc Sở Y tế');
  const invite = await readIcs(await readFile(join(dir, 'han-nhiem-vu-2-d.ics')));
  // 2.đ is due on Thursday 31/12/2026: 7, 3, 1 working days before and on the day, at 08:00.
  expect(invite.events[0]).toMatchObject({
    start: '2026-12-31',
    end: '2027-01-01',
    attendees: ['stc@dondoc.local'],
    alarms: [
      '2026-12-22T01:00:00Z',
      '2026-12-28T01:00:00Z',
      '2026-12-30T01:00:00Z',
      '2026-12-31T01:00:00Z',
    ],
  });
}, 300_000);
