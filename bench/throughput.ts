import { isQuick } from './support/bench-api';
import { median } from './support/bench-database';
import {
  agencyCodes,
  bareRows,
  confirmNotice,
  createdOfNotice,
  startBare,
  withTemporalBench,
  waitUntil,
  type NoticeItem,
  type TemporalBench,
} from './support/temporal-bench';

export interface ThroughputRound {
  /** From POST /api/notices to the last item's `created` event. */
  itemsMs: number;
  /** The API's answer (stored, every workflow started). */
  confirmMs: number;
  /** From the first bare start to the last bare row. */
  bareMs: number;
}

/**
 * One round: `n` items confirmed in one notice until every workflow has recorded `created`,
 * and `n` bare workflows (one activity inserting one row) started at once until every row is in.
 */
export async function throughputRound(
  bench: TemporalBench,
  n: number,
  tag: string,
): Promise<ThroughputRound> {
  const codes = await agencyCodes(bench);
  const items: NoticeItem[] = Array.from({ length: n }, (_, i) => ({
    text: `Thực hiện nhiệm vụ số ${i + 1} của thông báo ${tag}, báo cáo UBND tỉnh.`,
    lead: codes[i % codes.length]!,
    due: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
  const timeout = 600_000;
  const b0 = performance.now();
  await startBare(bench, `bare-${tag}`, n, 'bareInsertWorkflow', () => []);
  await waitUntil('bare rows', async () => (await bareRows(bench, `bare-${tag}-`)) === n, timeout);
  const bareMs = performance.now() - b0;

  const t0 = performance.now();
  const { id } = await confirmNotice(bench, `Thông báo ${tag}`, items);
  const confirmMs = performance.now() - t0;
  await waitUntil('created events', async () => (await createdOfNotice(bench, id)) === n, timeout);
  return { itemsMs: performance.now() - t0, confirmMs, bareMs };
}

export interface ThroughputFigures {
  items: number;
  rounds: number;
  itemsMs: number;
  confirmMs: number;
  bareMs: number;
  /** Median of the rounds' ratios items / bare. */
  ratio: number;
}

/** A warm-up round, then `rounds` measured ones; prints each. */
export async function measureThroughput(
  bench: TemporalBench,
  n: number,
  rounds: number,
  label: string,
): Promise<ThroughputFigures> {
  await throughputRound(bench, Math.min(n, 20), `${label}-warm`);
  const runs: ThroughputRound[] = [];
  for (let r = 1; r <= rounds; r++) {
    const run = await throughputRound(bench, n, `${label}-${r}`);
    runs.push(run);
    console.log(
      `${label} round ${r}: bare ${run.bareMs.toFixed(0)} ms, confirm ${run.confirmMs.toFixed(0)} ms, ` +
        `all ${n} created ${run.itemsMs.toFixed(0)} ms (×${(run.itemsMs / run.bareMs).toFixed(2)})`,
    );
  }
  return {
    items: n,
    rounds,
    itemsMs: median(runs.map((r) => r.itemsMs)),
    confirmMs: median(runs.map((r) => r.confirmMs)),
    bareMs: median(runs.map((r) => r.bareMs)),
    ratio: median(runs.map((r) => r.itemsMs / r.bareMs)),
  };
}

/**
 * `npm run bench -- throughput [quick]`: 200 items (quick: 20) confirmed in one notice through
 * POST /api/notices until every workflow has recorded its `created` event, against 200 bare
 * workflows each running one activity that inserts one row, on one worker process each with the
 * same settings (ITEM_WORKER_TUNING). Three rounds (quick: one) after a warm-up; the ratio is the
 * median of the rounds' ratios. Goal: ≤ 1.5.
 */
export async function runThroughputBench(): Promise<void> {
  const quick = isQuick();
  const n = quick ? 20 : 200;
  const rounds = quick ? 1 : 3;
  await withTemporalBench(async (bench) => {
    await Promise.all([bench.startItemWorkers(1), bench.startBareWorkers(1)]);
    const f = await measureThroughput(bench, n, rounds, 'w1');
    console.log(
      `RESULT throughput items=${f.items} workers=1 rounds=${f.rounds} ` +
        `items_ms=${f.itemsMs.toFixed(0)} confirm_ms=${f.confirmMs.toFixed(0)} ` +
        `bare_ms=${f.bareMs.toFixed(0)} ratio=${f.ratio.toFixed(2)} missing=0 ` +
        `server_timeouts=${await bench.serverTimeouts()}`,
    );
  });
}
