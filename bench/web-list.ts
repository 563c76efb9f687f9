import { BENCH_PASSWORD, median, startBenchDatabase } from './support/bench-database';
import { randomUUID } from 'node:crypto';
import { startAppStack } from '../test/support/app-stack';
import { startDevServer } from '../test/support/temporal';
import { ensureWebBuild } from '../test/support/web-build';
import { CONTEXT_DEFAULTS, launchBrowser } from '../test/browser/support/browser';

const ITEMS = 10_000;

/**
 * `npm run bench -- web-list [rounds]`: the items list of the web app with 10 000 items in the
 * database, as the secretariat opens it (overdue first): the time from navigating to /items to its
 * first rows drawn in Chromium, and the API's page of 20 alone. Ends with one RESULT line.
 */
export async function runWebListBench(rounds: number): Promise<void> {
  ensureWebBuild((line) => console.log(line));
  const bench = await startBenchDatabase();
  const db = bench.dataSource;
  // 10 000 items over the agencies, due over two years around now (some overdue), no workflows.
  await db.query(
    `INSERT INTO items (id, workflow_id, text, lead_code, due_date, due_at, policy, status, workflow_state)
     SELECT gen_random_uuid(), 'bench-' || n, 'Nhiệm vụ số ' || n || ': báo cáo kết quả thực hiện',
            a.code, d::date, d + interval '17 hours', '{"remindBefore":[],"escalateAfter":[]}', 'open', 'started'
       FROM generate_series(1, $1) n
       JOIN LATERAL (SELECT code FROM agencies ORDER BY code OFFSET (n % (SELECT count(*) FROM agencies)) LIMIT 1) a ON true
       CROSS JOIN LATERAL (SELECT now() - interval '365 days' + (n % 730) * interval '1 day' AS d) due(d)`,
    [ITEMS],
  );
  const temporal = await startDevServer();
  const stack = await startAppStack({
    dataSource: db,
    databaseUrl: bench.url,
    temporalAddress: temporal.address,
    smtpUrl: 'smtp://127.0.0.1:1',
    taskQueue: `bench-${randomUUID()}`,
    seedPassword: BENCH_PASSWORD,
  });
  await stack.app.listen(0, '127.0.0.1');
  const base = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
  const browser = await launchBrowser();
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'secretariat@dondoc.local', password: BENCH_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const api: number[] = [];
    const drawn: number[] = [];
    for (let r = 1; r <= rounds; r++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/items?sort=overdue&limit=20&offset=0`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      if (res.headers.get('x-total-count') !== String(ITEMS)) throw new Error('wrong total');
      await res.json();
      api.push(performance.now() - t0);

      const context = await browser.newContext(CONTEXT_DEFAULTS);
      await context.addInitScript((token) => {
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('dondoc.session', token);
      }, accessToken);
      const page = await context.newPage();
      const t1 = performance.now();
      await page.goto(`${base}/items`);
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      drawn.push(performance.now() - t1);
      await context.close();
      console.log(
        `round ${r}: API page ${api.at(-1)!.toFixed(0)} ms, first rows drawn ${drawn.at(-1)!.toFixed(0)} ms`,
      );
    }
    console.log(
      `RESULT web-list items=${ITEMS} rounds=${rounds} firstRowsMs=${median(drawn).toFixed(0)} apiPageMs=${median(api).toFixed(0)}`,
    );
  } finally {
    await browser.close();
    await stack.close();
    await temporal.teardown();
    await bench.stop();
  }
}
