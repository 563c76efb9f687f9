/**
 * `npm run examples`: one of each paper the API writes (ADR 0026) and a calendar invite (ADR 0027),
 * into docs/examples/, from a
 * sample notice read by the notice parser and the seeded agency directory, as it stands on a fixed
 * day (03/12/2026, 10:00 UTC+7) with items in every state; the Word files also as PNG pages
 * (LibreOffice headless, then pdftoppm: scripts/provision-office.sh installs them).
 *
 * The files are built by the same functions as the API's routes, from records shaped as the read
 * side returns them; nothing here starts a server.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import directory from '../libs/domain/src/notice/default-agencies.json';
import {
  instantAt,
  parseNotice,
  toVnIso,
  vnPublicSectorCalendar,
  workingDaysOverdue,
  type ItemStatus,
} from '../libs/domain/src';
import type { ItemRecord } from '../libs/persistence/src';
import {
  docxOf,
  itemListSheets,
  noticeReport,
  overdueSheets,
  scorecardRows,
  scorecardSheets,
  tallyByLead,
  urgingLetter,
  xlsxOf,
} from '../libs/papers/src';
import { itemInvite } from '../libs/mail/src';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** EXAMPLES_DIR: elsewhere than docs/examples (the test writes them to a folder of its own). */
const OUT = process.env.EXAMPLES_DIR ?? join(__dirname, '..', 'docs', 'examples');
const NOW = instantAt('2026-12-03', 10);

const NOTICE_TEXT = [
  'UBND TỈNH LẠNG SƠN',
  'BAN CHỈ ĐẠO',
  'Số: 45/TB-BCĐ',
  'Lạng Sơn, ngày 05 tháng 9 năm 2026',
  'THÔNG BÁO',
  'Kết luận của đồng chí Nguyễn Văn B, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo tại cuộc họp về giải ngân vốn đầu tư công',
  'Ngày 02/09/2026, đồng chí Nguyễn Văn B chủ trì cuộc họp.',
  '2. Nhiệm vụ',
  'a) Sở Tài chính tổng hợp tình hình giải ngân, báo cáo UBND tỉnh chậm nhất ngày 15/10/2026.',
  'b) Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát các dự án chậm tiến độ, hoàn thành chậm nhất ngày 20/11/2026.',
  'c) Sở Y tế hoàn thiện hồ sơ dự án bệnh viện tỉnh, hoàn thành chậm nhất ngày 30/09/2026.',
  'd) Sở Nông nghiệp và Môi trường hoàn thành giải phóng mặt bằng các dự án thủy lợi, hoàn thành chậm nhất ngày 30/11/2026.',
  'đ) Sở Tài chính xây dựng kế hoạch vốn năm 2027, hoàn thành chậm nhất ngày 31/12/2026.',
].join('\n');

/** How each item of the sample stands on the day (by its code). */
const STANDING: Record<string, { status: ItemStatus; closedOn?: string; progress?: number }> = {
  '2.a': { status: 'completed', closedOn: '2026-10-21' },
  '2.b': { status: 'open', progress: 60 },
  '2.c': { status: 'open', progress: 30 },
  '2.d': { status: 'completed', closedOn: '2026-11-25' },
  '2.đ': { status: 'submitted' },
};

const codeOf = (name: string): string =>
  directory.agencies.find((a) => a.name === name)?.code ?? name;

function items(): ItemRecord[] {
  const parsed = parseNotice(NOTICE_TEXT);
  return parsed.items.map((p, index) => {
    const due = p.deadline.kind === 'date' ? p.deadline.due : null;
    const dueAtMs = due ? instantAt(due) + 86_400_000 : null;
    const s = STANDING[p.code] ?? { status: 'open' };
    const closedAtMs = s.closedOn ? instantAt(s.closedOn, 16) : null;
    const pastDue = dueAtMs !== null && NOW >= dueAtMs && s.status === 'open';
    const lead = p.lead[0] ?? '';
    return {
      id: `00000000-0000-4000-8000-00000000000${index}`,
      workflowId: `item-example-${index}`,
      noticeId: 'example',
      noticeNumber: parsed.notice.number,
      noticeTitle: parsed.notice.title,
      position: index + 1,
      code: p.code,
      text: p.text,
      lead: codeOf(lead),
      leadName: lead,
      support: p.support.map(codeOf),
      supportNames: p.support,
      reportTo: p.reportTo ?? null,
      due,
      dueAt: dueAtMs === null ? null : toVnIso(dueAtMs),
      originalDue: null,
      originalDueAt: null,
      status: pastDue ? 'overdue' : s.status,
      overdue: pastDue,
      daysOverdue: pastDue ? workingDaysOverdue(dueAtMs, NOW, vnPublicSectorCalendar) : 0,
      completedLate:
        s.status === 'completed' && closedAtMs !== null && dueAtMs !== null
          ? closedAtMs > dueAtMs
          : null,
      escalationLevel: 0,
      progressPercent: s.progress ?? null,
      pendingExtension: null,
      policy: { remindBefore: ['P3D', 'P1D'], escalateAfter: ['P1D'] },
      deadline: { ...p.deadline },
      workflowState: 'started',
      createdAt: toVnIso(instantAt('2026-09-05', 9)),
      updatedAt: toVnIso(NOW),
      closedAt: closedAtMs === null ? null : toVnIso(closedAtMs),
      warnings: [],
    };
  });
}

/** A Word file's pages as PNG files beside it (LibreOffice prints it, pdftoppm draws it). */
function renderPages(docx: string): string[] {
  const work = mkdtempSync(join(tmpdir(), 'dondoc-examples-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        docx,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(
      work,
      docx
        .split('/')
        .pop()!
        .replace(/\.docx$/, '.pdf'),
    );
    const stem = docx.replace(/\.docx$/, '');
    execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(work, 'page')]);
    return readdirSync(work)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f, i) => {
        const target = `${stem}-trang-${i + 1}.png`;
        renameSync(join(work, f), target);
        return target;
      });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  execFileSync('bash', [join(__dirname, 'provision-office.sh')], { stdio: 'inherit' });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rows = items();
  const tally = tallyByLead(rows);
  const notice = {
    number: '45/TB-BCĐ',
    title: rows[0]?.noticeTitle ?? null,
    issuedOn: '2026-09-05',
    text: NOTICE_TEXT,
  };
  const agencies = tally.slice(0, -1);
  const total = tally.at(-1)!;
  const files: [string, Buffer][] = [
    ['nhiem-vu-2026-12-03.xlsx', await xlsxOf(itemListSheets(rows, {}, NOW), NOW)],
    [
      'nhiem-vu-qua-han-2026-12-03.xlsx',
      await xlsxOf(
        overdueSheets(
          rows.filter((r) => r.overdue),
          tally,
          {},
          NOW,
        ),
        NOW,
      ),
    ],
    [
      'ket-qua-thuc-hien-nhiem-vu-nam-2026.xlsx',
      await xlsxOf(
        scorecardSheets(
          scorecardRows(
            agencies,
            total,
            new Map([['STC', { lateDays: [4], extensionsAsked: 1, extensionsGranted: 1 }]]),
          ),
          2026,
          NOW,
        ),
        NOW,
      ),
    ],
    [
      'bao-cao-thuc-hien-thong-bao-45-TB-BCD-2026-12-03.docx',
      await docxOf(
        noticeReport({
          notice,
          items: rows,
          counts: tallyByLead(rows).at(-1)!,
          resultNotes: new Map([
            [rows[0]!.id, 'Đã có Báo cáo số 210/BC-STC ngày 20/10/2026 gửi UBND tỉnh.'],
            [rows[3]!.id, 'Đã bàn giao mặt bằng 3/3 dự án.'],
          ]),
          cancelReasons: new Map(),
          nowMs: NOW,
        }),
      ),
    ],
    [
      'cong-van-don-doc-nhiem-vu-2-c-2026-12-03.docx',
      await docxOf(
        urgingLetter({
          item: rows[2]!,
          notice,
          lastProgress: {
            at: instantAt('2026-11-10', 15),
            percent: 30,
            note: 'Đang hoàn thiện hồ sơ thẩm định, chờ ý kiến của Sở Xây dựng.',
          },
          reportBy: vnPublicSectorCalendar.addWorkingDays('2026-12-03', 5),
          nowMs: NOW,
        }),
      ),
    ],
    [
      // The calendar invite of the assignment mail of 2.đ (ADR 0027), the default reminder plan.
      'han-nhiem-vu-2-d.ics',
      Buffer.from(
        itemInvite({
          itemId: rows[4]!.id,
          method: 'REQUEST',
          sequence: 1,
          dueAt: Date.parse(rows[4]!.dueAt!),
          dueDate: rows[4]!.due ?? null,
          remindBefore: ['P7D', 'P3D', 'P1D', 'P0D'],
          nowMs: NOW,
          code: rows[4]!.code,
          text: rows[4]!.text,
          leadName: rows[4]!.leadName ?? '',
          noticeTitle: notice.title,
          url: `http://localhost:3000/items/${rows[4]!.id}`,
          organizer: { name: 'Đôn Đốc', email: 'dondoc@dondoc.local' },
          attendees: [{ email: 'stc@dondoc.local', name: 'Sở Tài chính' }],
        }),
        'utf8',
      ),
    ],
  ];
  for (const [name, bytes] of files) {
    const path = join(OUT, name);
    writeFileSync(path, bytes);
    say(`wrote ${path}`);
    if (name.endsWith('.docx')) for (const png of renderPages(path)) say(`wrote ${png}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
