import { isQuick } from './support/bench-api';
import {
  agencyCodes,
  bareRows,
  confirmNotice,
  rssOf,
  sleep,
  waitUntil,
  withTemporalBench,
  type NoticeItem,
  type TemporalBench,
} from './support/temporal-bench';

/** Items of one notice (the confirm path's most). */
const CHUNK = 500;
/** Bare starts in flight at once (the client's best on this machine). */
const BARE_WINDOW = 20;
/** Workflows whose histories are read for the events per item at rest. */
const SAMPLE = 50;
const MiB = 1 << 20;

/**
 * `npm run bench -- open-items [quick]`: 10 000 open items (quick: 200) started through the API
 * (POST /api/notices, 500 items a notice; deadlines spread over a year from three weeks ahead, 25
 * lead agencies, the default policy) against bare `client.workflow.start` of workflows that
 * insert one row and sleep until their deadline, in alternate chunks of 500. Then: the item
 * worker's RSS once all have recorded `created` and again after BENCH_REST_SECONDS (default 300,
 * quick 20; BENCH_ITEMS sets the number of items), Temporal history events per item at rest (a sample of 50), starts that failed or
 * timed out, and the sizes of Temporal's SQLite file and of the PostgreSQL database.
 * Goal: start rate ≥ 0.5× the bare one; RSS flat; no time-outs.
 */
export async function runOpenItemsBench(): Promise<void> {
  const quick = isQuick();
  const n = Number(process.env.BENCH_ITEMS ?? (quick ? 200 : 10_000));
  const restSeconds = Number(process.env.BENCH_REST_SECONDS ?? (quick ? 20 : 300));
  await withTemporalBench(async (bench) => {
    const [worker] = await bench.startItemWorkers(1);
    await bench.startBareWorkers(1);
    const codes = (await agencyCodes(bench)).slice(0, 25);
    const item = (i: number): NoticeItem => ({
      text: `Nhiệm vụ mở số ${i + 1}: triển khai, báo cáo kết quả về UBND tỉnh.`,
      lead: codes[(i * 7) % codes.length]!,
      // 21 to 385 days ahead, spread evenly: no reminder falls due during the bench.
      due: new Date(Date.now() + (21 + ((i * 37) % 365)) * 86_400_000).toISOString().slice(0, 10),
    });
    let apiMs = 0;
    let bareMs = 0;
    let failures = 0;
    for (let from = 0, chunk = 0; from < n; from += CHUNK, chunk++) {
      const size = Math.min(CHUNK, n - from);
      const b0 = performance.now();
      failures += await bareStarts(bench, `bare-open-${chunk}`, size);
      bareMs += performance.now() - b0;
      const t0 = performance.now();
      const items = Array.from({ length: size }, (_, k) => item(from + k));
      try {
        await confirmNotice(bench, `Thông báo mở ${chunk}`, items);
      } catch (err) {
        failures++;
        console.error(err instanceof Error ? err.message : String(err));
      }
      apiMs += performance.now() - t0;
      console.log(
        `${from + size} started: API ${((from + size) / (apiMs / 1000)).toFixed(0)}/s, ` +
          `bare ${((from + size) / (bareMs / 1000)).toFixed(0)}/s`,
      );
    }
    const db = bench.db.dataSource;
    const created = async () =>
      (
        await db.query<[{ n: number }]>(
          `SELECT count(*)::int AS n FROM item_events WHERE type = 'created'`,
        )
      )[0].n;
    await waitUntil('created events', async () => (await created()) >= n, 1_800_000);
    await waitUntil('bare rows', async () => (await bareRows(bench, 'bare-open-')) >= n, 600_000);
    const rssStarted = await rssOf(worker!.child.pid!);
    console.log(
      `all recorded; worker RSS ${(rssStarted / MiB).toFixed(0)} MiB; resting ${restSeconds} s`,
    );
    await sleep(restSeconds * 1000);
    const rssRest = await rssOf(worker!.child.pid!);
    const [{ pending }] = await db.query<[{ pending: number }]>(
      `SELECT count(*)::int AS pending FROM items WHERE workflow_state = 'pending'`,
    );
    const ids = await db.query<{ workflow_id: string }[]>(
      `SELECT workflow_id FROM items ORDER BY md5(workflow_id) LIMIT ${SAMPLE}`,
    );
    const itemEvents = await eventsPerWorkflow(
      bench,
      ids.map((r) => r.workflow_id),
    );
    const bareEvents = await eventsPerWorkflow(
      bench,
      Array.from({ length: Math.min(SAMPLE, CHUNK, n) }, (_, i) => `bare-open-0-${i}`),
    );
    const timeouts = await bench.serverTimeouts();
    const [{ bytes }] = await db.query<[{ bytes: string }]>(
      'SELECT pg_database_size(current_database())::text AS bytes',
    );
    const apiRate = n / (apiMs / 1000);
    const bareRate = n / (bareMs / 1000);
    console.log(
      `RESULT open-items items=${n} agencies=${codes.length} api_per_s=${apiRate.toFixed(1)} ` +
        `bare_per_s=${bareRate.toFixed(1)} ratio=${(apiRate / bareRate).toFixed(2)} ` +
        `rss_started_mib=${(rssStarted / MiB).toFixed(0)} rest_s=${restSeconds} ` +
        `rss_rest_mib=${(rssRest / MiB).toFixed(0)} ` +
        `events_per_item=${itemEvents.toFixed(1)} bare_events=${bareEvents.toFixed(1)} ` +
        `failed_starts=${failures} pending_rows=${pending} server_timeouts=${timeouts} ` +
        `sqlite_mib=${(bench.sqliteBytes() / MiB).toFixed(1)} ` +
        `postgres_mib=${(Number(bytes) / MiB).toFixed(1)}`,
    );
  });
}

/** `size` bare starts, BARE_WINDOW in flight; resolves with how many failed. */
async function bareStarts(bench: TemporalBench, prefix: string, size: number): Promise<number> {
  const dueMs = Date.now() + 365 * 86_400_000;
  let next = 0;
  let failed = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < size; i = next++) {
      await bench.client.workflow
        .start('bareOpenWorkflow', {
          workflowId: `${prefix}-${i}`,
          taskQueue: bench.bareTaskQueue,
          args: [dueMs],
        })
        .catch(() => failed++);
    }
  };
  await Promise.all(Array.from({ length: BARE_WINDOW }, lane));
  return failed;
}

/** Mean length of the workflows' histories. */
async function eventsPerWorkflow(bench: TemporalBench, ids: readonly string[]): Promise<number> {
  let total = 0;
  for (const id of ids) {
    const history = await bench.client.workflow.getHandle(id).fetchHistory();
    total += history.events?.length ?? 0;
  }
  return total / Math.max(1, ids.length);
}
