import { BARE_MAIL_HEADER } from './support/bare-activities';
import { isQuick, quantile } from './support/bench-api';
import type { ReceivedMail } from '../test/support/smtp';
import {
  agencyCodes,
  confirmNotice,
  createdOfNotice,
  sleep,
  startBare,
  withTemporalBench,
  waitUntil,
  type TemporalBench,
} from './support/temporal-bench';

/** Lateness of one side of a burst: arrival at the SMTP server minus the instant it fell due. */
export interface Lateness {
  p50: number;
  p95: number;
  max: number;
  /** Expected mails that never arrived (within the wait). */
  missing: number;
  /** Mails that arrived more than once (same workflow, step and recipient). */
  duplicates: number;
}

const header = (m: ReceivedMail, name: string): string => {
  const v = m.headers.get(name);
  return typeof v === 'string' ? v : '';
};

function lateness(
  mails: readonly ReceivedMail[],
  keyOf: (m: ReceivedMail) => string,
  n: number,
  dueMs: number,
): Lateness {
  const first = new Map<string, number>();
  const seen = new Set<string>();
  let duplicates = 0;
  for (const m of mails) {
    const id = keyOf(m);
    const copy = `${id}|${m.to.join()}`;
    if (seen.has(copy)) duplicates++;
    seen.add(copy);
    first.set(id, Math.min(first.get(id) ?? Infinity, m.receivedAt));
  }
  const late = [...first.values()].map((at) => at - dueMs);
  return {
    p50: late.length ? quantile(late, 0.5) : NaN,
    p95: late.length ? quantile(late, 0.95) : NaN,
    max: late.length ? Math.max(...late) : NaN,
    missing: n - first.size,
    duplicates,
  };
}

/** Waits until `count()` reaches n or `patienceMs` passed since `dueMs`, then a second more. */
async function settle(count: () => number, n: number, dueMs: number, patienceMs: number) {
  while (count() < n && Date.now() < dueMs + patienceMs) await sleep(100);
  await sleep(1_000); // a duplicate sent late would arrive now
}

/**
 * One burst of the baseline: `n` bare workflows sleeping until the same instant, each sending one
 * mail through the project's mail adapter, started `leadMs` before it.
 */
export async function bareBurst(
  bench: TemporalBench,
  n: number,
  tag: string,
  leadMs: number,
): Promise<Lateness> {
  const dueMs = Date.now() + leadMs;
  const prefix = `bare-burst-${tag}`;
  await startBare(bench, prefix, n, 'bareTimerWorkflow', () => [dueMs, 'stc@dondoc.local']);
  if (Date.now() > dueMs - 1_000) throw new Error(`bare starts took past the burst (${tag})`);
  const mine = () =>
    bench.smtp.messages.filter((m) => header(m, BARE_MAIL_HEADER).startsWith(`${prefix}-`));
  await settle(() => mine().length, n, dueMs, 600_000);
  return lateness(mine(), (m) => header(m, BARE_MAIL_HEADER), n, dueMs);
}

/**
 * One burst of items: `n` items confirmed in one notice (POST /api/notices), each due at the same
 * instant an hour after the burst with the policy remindBefore PT1H, so every reminder falls due
 * at the same instant, `leadMs` after the confirm began.
 */
export async function itemBurst(
  bench: TemporalBench,
  n: number,
  tag: string,
  leadMs: number,
): Promise<Lateness> {
  const codes = await agencyCodes(bench);
  const dueMs = Date.now() + leadMs;
  const { id } = await confirmNotice(
    bench,
    `Thông báo ${tag}`,
    Array.from({ length: n }, (_, i) => ({
      text: `Nhắc việc cùng lúc, nhiệm vụ số ${i + 1} (${tag}).`,
      lead: codes[i % codes.length]!,
      due: new Date(dueMs + 3_600_000).toISOString(),
      policy: { remindBefore: ['PT1H'], escalateAfter: ['P1D'] },
    })),
  );
  await waitUntil('created events', async () => (await createdOfNotice(bench, id)) === n, leadMs);
  if (Date.now() > dueMs - 1_000) throw new Error(`the items started past the burst (${tag})`);
  const rows = await bench.db.dataSource.query<{ id: string }[]>(
    'SELECT id FROM items WHERE notice_id = $1',
    [id],
  );
  const ids = new Set(rows.map((r) => r.id));
  const mine = () =>
    bench.smtp.messages.filter(
      (m) => header(m, 'x-dondoc-kind') === 'reminder' && ids.has(header(m, 'x-dondoc-item')),
    );
  const items = () => new Set(mine().map((m) => header(m, 'x-dondoc-item'))).size;
  await settle(items, n, dueMs, 600_000);
  return lateness(
    mine(),
    (m) => `${header(m, 'x-dondoc-item')}|${header(m, 'x-dondoc-step')}`,
    n,
    dueMs,
  );
}

export interface BurstFigures {
  items: Lateness;
  bare: Lateness;
  ratio: number;
}

/** A bare burst, then an item burst, on the workers running; prints both. */
export async function measureBurst(
  bench: TemporalBench,
  n: number,
  label: string,
): Promise<BurstFigures> {
  const quick = n < 100;
  // Generous leads: on a loaded machine 500 starts took more than 20 s, and a start after the
  // instant would only measure the start. The items' confirm, starts and assignment mails settle
  // before their reminders fall due.
  const bare = await bareBurst(bench, n, label, quick ? 15_000 : 60_000);
  const items = await itemBurst(bench, n, label, quick ? 60_000 : 300_000);
  const show = (l: Lateness) =>
    `p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms, missing ${l.missing}, duplicates ${l.duplicates}`;
  console.log(`${label} bare timers: ${show(bare)}`);
  console.log(`${label} item reminders: ${show(items)}`);
  return { items, bare, ratio: items.p95 / bare.p95 };
}

export const burstPairs = (prefix: string, l: Lateness): string =>
  `${prefix}_p50_ms=${l.p50} ${prefix}_p95_ms=${l.p95} ${prefix}_max_ms=${l.max}`;

/**
 * `npm run bench -- burst [quick]`: 500 items (quick: 20) whose reminders fall due in the same
 * second: p50/p95/max lateness of their arrival at a real SMTP server, against 500 bare Temporal
 * timers each sending one mail through the same nodemailer adapter; one worker process each
 * (same settings). Goal: p95 ratio ≤ 2; no duplicate, none missing.
 */
export async function runBurstBench(): Promise<void> {
  const n = isQuick() ? 20 : 500;
  await withTemporalBench(async (bench) => {
    await Promise.all([bench.startItemWorkers(1), bench.startBareWorkers(1)]);
    const f = await measureBurst(bench, n, 'w1');
    console.log(
      `RESULT burst items=${n} workers=1 ${burstPairs('items', f.items)} ` +
        `${burstPairs('bare', f.bare)} ratio=${f.ratio.toFixed(2)} ` +
        `missing=${f.items.missing + f.bare.missing} duplicates=${f.items.duplicates + f.bare.duplicates} ` +
        `server_timeouts=${await bench.serverTimeouts()}`,
    );
  });
}
