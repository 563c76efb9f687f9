/**
 * The benches of issue 10 run in their quick mode (small N), so they cannot rot: each prints its
 * one `RESULT <name> key=value …` line with the figures it names. No figure is judged here (the
 * machine is shared and noisy; bench/RESULTS.md keeps the measured ones).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function runBench(name: string, timeout = 540_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'npm',
      ['run', '--silent', 'bench', '--', name, 'quick'],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** The one RESULT line of `name`, as key → value. */
function resultOf(stdout: string, name: string): Map<string, string> {
  const lines = stdout.split('\n').filter((l) => l.startsWith('RESULT '));
  expect(lines).toHaveLength(1);
  const [line] = lines as [string];
  expect(line).toMatch(new RegExp(`^RESULT ${name}( [a-z0-9_]+=[^\\s=]+)+$`));
  return new Map(
    line
      .split(' ')
      .slice(2)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

const isNumber = (v: string | undefined): boolean => v !== undefined && Number.isFinite(Number(v));

it('npm run bench -- reports quick: p50/p95 per endpoint at two sizes and their ratios', async () => {
  const result = resultOf(await runBench('reports'), 'reports');
  for (const endpoint of ['list', 'overdue', 'completion']) {
    for (const figure of ['p50_small', 'p95_small', 'p50_large', 'p95_large', 'p95_ratio']) {
      expect(isNumber(result.get(`${endpoint}_${figure}`))).toBe(true);
    }
  }
  expect(isNumber(result.get('seq_scans'))).toBe(true);
}, 600_000);

it('npm run bench -- api quick: req/s of the API and of the bare endpoint, and the ratio', async () => {
  const result = resultOf(await runBench('api'), 'api');
  for (const figure of ['api_rps', 'bare_rps', 'ratio']) {
    expect(isNumber(result.get(figure))).toBe(true);
  }
}, 600_000);

/** Each of `figures` is in the RESULT line and a number (named in a failure). */
function expectFigures(result: Map<string, string>, figures: readonly string[]): void {
  for (const figure of figures) {
    expect([figure, isNumber(result.get(figure))]).toEqual([figure, true]);
  }
}

it('npm run bench -- throughput quick: items until created vs bare workflows, and the ratio', async () => {
  const result = resultOf(await runBench('throughput'), 'throughput');
  expectFigures(result, ['items', 'items_ms', 'confirm_ms', 'bare_ms', 'ratio']);
  expect(result.get('missing')).toBe('0');
}, 600_000);

it('npm run bench -- burst quick: lateness of reminders due at once vs bare timers; none missing, no duplicate', async () => {
  const result = resultOf(await runBench('burst'), 'burst');
  expectFigures(result, ['items_p50_ms', 'items_p95_ms', 'items_max_ms', 'bare_p95_ms', 'ratio']);
  expect(result.get('missing')).toBe('0');
  expect(result.get('duplicates')).toBe('0');
}, 600_000);

it('npm run bench -- open-items quick: start rate vs bare starts, RSS, events per item, sizes', async () => {
  const result = resultOf(await runBench('open-items'), 'open-items');
  expectFigures(result, [
    'api_per_s',
    'bare_per_s',
    'ratio',
    'rss_started_mib',
    'rss_rest_mib',
    'events_per_item',
    'sqlite_mib',
    'postgres_mib',
  ]);
  expect(result.get('failed_starts')).toBe('0');
  expect(result.get('pending_rows')).toBe('0');
}, 600_000);

it('npm run bench -- workers quick: throughput and burst on one worker process, then two', async () => {
  const result = resultOf(await runBench('workers', 840_000), 'workers');
  expectFigures(result, ['throughput_speedup', 'burst_p95_speedup', 'bare_speedup']);
  expect(result.get('missing')).toBe('0');
  expect(result.get('duplicates')).toBe('0');
}, 900_000);

it("npm run bench -- life: one item's whole default life, its history events by kind", async () => {
  const result = resultOf(await runBench('life'), 'life');
  expectFigures(result, [
    'events',
    'activities',
    'local_activities',
    'timers',
    'workflow_tasks',
    'goal',
  ]);
  // The life ran to its end: the submission and the acceptance (and the progress) were updates.
  expect(result.get('updates')).toBe('3');
  // A count, not a time: each step is one local activity (ADR 0028) and nothing failed, so no
  // durable activity ran, and the whole life stays within the goal.
  expect(result.get('activities')).toBe('0');
  expect(Number(result.get('events'))).toBeLessThanOrEqual(Number(result.get('goal')));
}, 300_000);
