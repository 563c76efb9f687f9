import type { DataSource } from 'typeorm';
import {
  listQueries,
  maintainedTotalQuery,
  overdueItemsQuery,
  reportCountsQuery,
  type ItemListFilter,
} from '../libs/persistence/src';
import { isQuick, quantile, startBenchApi, type BenchApi } from './support/bench-api';
import { startBenchDatabase, type BenchDatabase } from './support/bench-database';
import { seedReportItems } from './support/report-seed';

/** Items a list request asks for, and the statuses it filters by (with an agency each time). */
const PAGE = 50;
const LIST_STATUSES = ['open', 'overdue', 'completed'] as const;

interface Endpoint {
  readonly name: 'list' | 'overdue' | 'completion' | 'completion_quarter';
  /** The path of the i-th request. */
  path(i: number, leads: readonly string[]): string;
}

const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'list',
    // An agency's items of one status, one of the first four pages, soonest due first.
    path: (i, leads) =>
      `/api/items?lead=${leads[i % leads.length]}&status=${LIST_STATUSES[i % LIST_STATUSES.length]}` +
      `&limit=${PAGE}&offset=${PAGE * (i % 4)}`,
  },
  { name: 'overdue', path: () => '/api/reports/overdue' },
  { name: 'completion', path: () => '/api/reports/completion' },
  // Not a goal: a period's figures are read through the due day's index, so they grow with the
  // periods due in it (here the last whole quarter), not with all items.
  { name: 'completion_quarter', path: () => `/api/reports/completion?${quarterQuery()}` },
];

/** from/to of the last whole quarter before today. */
function lastQuarter(): { from: string; to: string } {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = new Date(Date.UTC(now.getUTCFullYear(), 3 * q - 3, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), 3 * q, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
const quarterQuery = (): string => new URLSearchParams(lastQuarter()).toString();

interface Figures {
  p50: number;
  p95: number;
  bytes: number;
}

/** One size: its own embedded PostgreSQL (seeded) and its own API over it. */
interface Side {
  readonly size: number;
  readonly bench: BenchDatabase;
  readonly api: BenchApi;
}

async function startSide(size: number): Promise<Side> {
  const bench = await startBenchDatabase();
  const t0 = performance.now();
  await seedReportItems(bench.dataSource, 1, size);
  await bench.dataSource.query('VACUUM ANALYZE');
  // Steady state: the deltas the seed's statements appended, folded (ADR 0023).
  await bench.dataSource.query('SELECT report_counts_compact()');
  console.log(`${size} items seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { size, bench, api: await startBenchApi(bench) };
}

/**
 * `npm run bench -- reports [quick]`: the items list (an agency and a status, paged), the overdue
 * report and the completion report through HTTP with a token, at 100 000 and at 1 000 000 items
 * (quick: 2 000 and 20 000) seeded in SQL (bench/support/report-seed.ts), p50/p95 per endpoint.
 * Each size has its own PostgreSQL and API in this process, and the two are asked in turn,
 * request by request, so a busy moment of the shared machine falls on both alike. Then the plans
 * of the queries behind the endpoints at the large size (EXPLAIN, top lines and every scan). Ends
 * with one RESULT line whose ratios compare the large size with the small one.
 */
export async function runReportsBench(): Promise<void> {
  const quick = isQuick();
  const sizes = quick ? ([2_000, 20_000] as const) : ([100_000, 1_000_000] as const);
  const requests = Number(process.env.BENCH_REQUESTS) || (quick ? 20 : 200);
  const sides: Side[] = [];
  let seqScans = -1;
  let writeCost: WriteCost | undefined;
  const measured: Record<string, [Figures, Figures]> = {};
  try {
    for (const size of sizes) sides.push(await startSide(size));
    const [small, large] = sides as [Side, Side];
    const leads = (
      await large.bench.dataSource.query<{ code: string }[]>(
        `SELECT code FROM agencies ORDER BY code`,
      )
    ).map((r) => r.code);
    for (const endpoint of ENDPOINTS) {
      const figures = await measure([small.api, large.api], endpoint, leads, requests);
      measured[endpoint.name] = figures;
      figures.forEach((f, k) =>
        console.log(
          `${sizes[k]} items: ${endpoint.name.padEnd(18)} p50 ${f.p50.toFixed(1)} ms, ` +
            `p95 ${f.p95.toFixed(1)} ms, ${(f.bytes / 1024).toFixed(1)} KiB`,
        ),
      );
    }
    seqScans = await explainReads(large.bench.dataSource, leads);
    writeCost = await measureWriteCost(small.bench.dataSource);
    console.log(
      `\nOne UPDATE a transaction, with the report triggers / without: a status change ` +
        `${writeCost.status.withTriggers.toFixed(2)} / ${writeCost.status.without.toFixed(2)} ms, ` +
        `a progress update ${writeCost.progress.withTriggers.toFixed(2)} / ` +
        `${writeCost.progress.without.toFixed(2)} ms`,
    );
  } finally {
    for (const side of sides) {
      await side.api.close();
      await side.bench.stop();
    }
  }
  const fields = [
    `small=${sizes[0]}`,
    `large=${sizes[1]}`,
    `requests=${requests}`,
    `seq_scans=${seqScans}`,
    `status_update_ms=${writeCost?.status.withTriggers.toFixed(2)}`,
    `status_update_ms_no_triggers=${writeCost?.status.without.toFixed(2)}`,
    `progress_update_ms=${writeCost?.progress.withTriggers.toFixed(2)}`,
    `progress_update_ms_no_triggers=${writeCost?.progress.without.toFixed(2)}`,
  ];
  for (const { name } of ENDPOINTS) {
    const [s, l] = measured[name]!;
    fields.push(
      `${name}_p50_small=${s.p50.toFixed(1)}`,
      `${name}_p95_small=${s.p95.toFixed(1)}`,
      `${name}_p50_large=${l.p50.toFixed(1)}`,
      `${name}_p95_large=${l.p95.toFixed(1)}`,
      `${name}_p95_ratio=${(l.p95 / s.p95).toFixed(2)}`,
      `${name}_kib_large=${(l.bytes / 1024).toFixed(1)}`,
    );
  }
  console.log(`RESULT reports ${fields.join(' ')}`);
}

/**
 * `requests` sequential requests to each API after a few unmeasured ones, in turn (the order of
 * the two swapped every request); each timed to its last byte.
 */
async function measure(
  apis: readonly [BenchApi, BenchApi],
  endpoint: Endpoint,
  leads: readonly string[],
  requests: number,
): Promise<[Figures, Figures]> {
  const times: [number[], number[]] = [[], []];
  const bytes = [0, 0];
  for (let i = -5; i < requests; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const api = apis[k]!;
      const t0 = performance.now();
      const res = await fetch(`${api.base}${endpoint.path(i + 5, leads)}`, {
        headers: { authorization: `Bearer ${api.token}` },
      });
      const body = await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (!res.ok) {
        throw new Error(`${endpoint.name}: HTTP ${res.status} ${Buffer.from(body).toString()}`);
      }
      if (i >= 0) {
        times[k]!.push(ms);
        bytes[k] = Math.max(bytes[k]!, body.byteLength);
      }
    }
  }
  const figures = (k: 0 | 1): Figures => ({
    p50: quantile(times[k], 0.5),
    p95: quantile(times[k], 0.95),
    bytes: bytes[k]!,
  });
  return [figures(0), figures(1)];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the endpoints, built by the same functions
 * the read repository runs; prints each plan's top lines. Returns the number of sequential scans
 * of items, item_periods or item_events found in all the plans (the goal: none).
 */
async function explainReads(db: DataSource, leads: readonly string[]): Promise<number> {
  const nowMs = Date.now();
  const listFilter: ItemListFilter = { lead: leads[0], status: 'open', limit: PAGE, offset: PAGE };
  const list = listQueries(listFilter, nowMs);
  const total = maintainedTotalQuery(listFilter)!;
  const counts = reportCountsQuery(nowMs);
  // [title, statement, whether it counts towards seq_scans (the goal's endpoints)]
  const statements: [string, { sql: string; params: unknown[] }, boolean][] = [
    ['list: one page of an agency’s open items', list.page, true],
    ['list: its total (X-Total-Count, from the maintained counts)', total, true],
    [
      'list: the first page of all items (bench api)',
      listQueries({ limit: PAGE }, nowMs).page,
      true,
    ],
    ['overdue and completion reports: counts per agency', counts, true],
    [
      'overdue report: the 10 most overdue items of each agency',
      overdueItemsQuery(nowMs, {}, 10),
      true,
    ],
    [
      'completion report of the last quarter (not a goal)',
      reportCountsQuery(nowMs, lastQuarter()),
      false,
    ],
    [
      'list: the web app’s first page, overdue first (sort=overdue; not a goal)',
      listQueries({ sort: 'overdue', limit: 20 }, nowMs).page,
      false,
    ],
  ];
  let seqScans = 0;
  for (const [title, q, counted] of statements) {
    const plan = (
      await db.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params)
    ).map((r) => r['QUERY PLAN']);
    const scans = plan.filter((l) => /Seq Scan on (items|item_periods|item_events)\b/.test(l));
    if (counted) seqScans += scans.length;
    // The top of the plan, then every scan below it (what each table is read through).
    const top = plan.slice(0, 6);
    const below = plan.slice(6).filter((l) => /Scan|Index Cond|Execution Time/.test(l));
    console.log(`\nEXPLAIN ${title}:\n${[...top, ...below].join('\n')}`);
  }
  return seqScans;
}

/** Milliseconds per UPDATE of a status change and of another column, with and without triggers. */
interface WriteCost {
  readonly status: { withTriggers: number; without: number };
  readonly progress: { withTriggers: number; without: number };
}

/**
 * What the report triggers (ADR 0023) add to a write, one UPDATE a transaction as the projection
 * writes: open items flipped to overdue and back (their periods change), and their progress set
 * (nothing a period reads), with the triggers and with them disabled, in alternate rounds; the
 * median ms per update of each. The rows end as they were but for their progress.
 */
async function measureWriteCost(db: DataSource): Promise<WriteCost> {
  const ids = (
    await db.query<{ id: string }[]>(
      `SELECT id FROM items WHERE status = 'open' ORDER BY id LIMIT 100`,
    )
  ).map((r) => r.id);
  const timed = async (sql: string, values: unknown[]): Promise<number> => {
    const t0 = performance.now();
    for (const value of values) {
      for (const id of ids) await db.query(sql, [id, value]);
    }
    return (performance.now() - t0) / (values.length * ids.length);
  };
  const status = () =>
    timed(`UPDATE items SET status = $2, version = version + 1 WHERE id = $1`, ['overdue', 'open']);
  const progress = () =>
    timed(`UPDATE items SET progress_percent = $2, version = version + 1 WHERE id = $1`, [10, 20]);
  const times = { sw: [] as number[], sp: [] as number[], pw: [] as number[], pp: [] as number[] };
  for (let round = 0; round < 3; round++) {
    await db.query('ALTER TABLE items DISABLE TRIGGER USER');
    try {
      times.sp.push(await status());
      times.pp.push(await progress());
    } finally {
      await db.query('ALTER TABLE items ENABLE TRIGGER USER');
    }
    times.sw.push(await status());
    times.pw.push(await progress());
  }
  const med = (xs: number[]) => quantile(xs, 0.5);
  return {
    status: { withTriggers: med(times.sw), without: med(times.sp) },
    progress: { withTriggers: med(times.pw), without: med(times.pp) },
  };
}
