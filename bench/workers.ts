import { burstPairs, measureBurst } from './burst';
import { isQuick } from './support/bench-api';
import { withTemporalBench } from './support/temporal-bench';
import { measureThroughput } from './throughput';

/**
 * `npm run bench -- workers [quick]`: the benches throughput (200 items; quick: 20) and burst (500
 * items; quick: 20) on one item worker process, then again once a second worker process polls
 * the same task queue (the baselines' side gets a second worker too). The speed-ups say whether
 * the design scales out by adding workers: throughput = time with one / time with two, burst =
 * p95 lateness with one / with two. On 2 cores shared by everything, expect ≈ 1.3–1.8×.
 */
export async function runWorkersBench(): Promise<void> {
  const quick = isQuick();
  const n = quick ? 20 : 200;
  const burst = quick ? 20 : 500;
  const rounds = quick ? 1 : 3;
  await withTemporalBench(async (bench) => {
    await Promise.all([bench.startItemWorkers(1), bench.startBareWorkers(1)]);
    const t1 = await measureThroughput(bench, n, rounds, 'w1');
    const b1 = await measureBurst(bench, burst, 'w1');
    await Promise.all([bench.startItemWorkers(1), bench.startBareWorkers(1)]);
    const t2 = await measureThroughput(bench, n, rounds, 'w2');
    const b2 = await measureBurst(bench, burst, 'w2');
    const missing = [b1, b2].reduce((s, b) => s + b.items.missing + b.bare.missing, 0);
    const duplicates = [b1, b2].reduce((s, b) => s + b.items.duplicates + b.bare.duplicates, 0);
    console.log(
      `RESULT workers items=${n} burst=${burst} rounds=${rounds} ` +
        `throughput_ms_1=${t1.itemsMs.toFixed(0)} throughput_ms_2=${t2.itemsMs.toFixed(0)} ` +
        `throughput_speedup=${(t1.itemsMs / t2.itemsMs).toFixed(2)} ` +
        `throughput_ratio_1=${t1.ratio.toFixed(2)} throughput_ratio_2=${t2.ratio.toFixed(2)} ` +
        `bare_speedup=${(t1.bareMs / t2.bareMs).toFixed(2)} ` +
        `${burstPairs('burst_1', b1.items)} ${burstPairs('burst_2', b2.items)} ` +
        `burst_p95_speedup=${(b1.items.p95 / b2.items.p95).toFixed(2)} ` +
        `burst_ratio_1=${b1.ratio.toFixed(2)} burst_ratio_2=${b2.ratio.toFixed(2)} ` +
        `missing=${missing} duplicates=${duplicates} ` +
        `server_timeouts=${await bench.serverTimeouts()}`,
    );
  });
}
