import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { isQuick, startBenchApi } from './support/bench-api';
import { median, startBenchDatabase } from './support/bench-database';
import { seedReportItems } from './support/report-seed';

const PAGE = 50;
const CONNECTIONS = 10;
/** Rounds of (bare, API), alternated; the ratio is the median of the rounds' ratios. */
const ROUNDS = 3;
/** The rows of GET /api/items?limit=50 (no filter, `sort=due`: soonest first), in one statement. */
const BARE_SQL = `SELECT * FROM items ORDER BY due_at ASC NULLS LAST, created_at ASC, id ASC LIMIT ${PAGE}`;

/**
 * `npm run bench -- api [quick]`: autocannon (a child process, 10 connections) on
 * `GET /api/items?limit=50` with a token, at 100 000 items (quick: 2 000), against a bare endpoint
 * in the same process that returns the same rows from one prepared statement on its own pg pool
 * (no auth, no count, no mapping). Three rounds of (bare, API); the ratio is the median of the
 * rounds' ratios. Ends with one RESULT line: the API's req/s as a ratio of the bare endpoint's,
 * and this process's CPU time per request of each (where the API's time goes).
 */
export async function runApiBench(): Promise<void> {
  const quick = isQuick();
  const items = quick ? 2_000 : 100_000;
  const seconds = quick ? 2 : 15;
  const bench = await startBenchDatabase();
  await seedReportItems(bench.dataSource, 1, items);
  await bench.dataSource.query('VACUUM ANALYZE');
  await bench.dataSource.query('SELECT report_counts_compact()');
  const api = await startBenchApi(bench);
  const pool = new Pool({ connectionString: bench.url, max: CONNECTIONS });
  // pool.end() resolves once its clients are asked to end, not once they have: on a slow machine
  // PostgreSQL's shutdown can reach a client still ending, and an unheard pool 'error' would crash.
  pool.on('error', (err) => console.warn(`bare pool: ${err.message}`));
  const bare = await startBareServer(pool);
  try {
    const apiUrl = `${api.base}/api/items?limit=${PAGE}`;
    const headers = { authorization: `Bearer ${api.token}` };
    await sameRows(apiUrl, headers, bare.url);
    const runs: Record<'api' | 'bare', Cannon[]> = { api: [], bare: [] };
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await autocannon(bare.url, {}, seconds);
      const a = await autocannon(apiUrl, headers, seconds);
      runs.bare.push(b);
      runs.api.push(a);
      ratios.push(a.rps / b.rps);
      console.log(
        `round ${round}: bare ${b.rps.toFixed(0)} req/s (p50 ${b.p50} ms, ` +
          `${b.cpuMsPerRequest.toFixed(2)} ms of this process's CPU a request), ` +
          `API ${a.rps.toFixed(0)} req/s (p50 ${a.p50} ms, ${a.cpuMsPerRequest.toFixed(2)} ms CPU)`,
      );
    }
    // autocannon stops at its duration; let the requests it left in flight finish.
    await new Promise((r) => setTimeout(r, 2_000));
    const med = (side: 'api' | 'bare', k: keyof Cannon) => median(runs[side].map((r) => r[k]));
    console.log(
      `RESULT api items=${items} page=${PAGE} connections=${CONNECTIONS} seconds=${seconds} ` +
        `rounds=${ROUNDS} api_rps=${med('api', 'rps').toFixed(0)} ` +
        `bare_rps=${med('bare', 'rps').toFixed(0)} ratio=${median(ratios).toFixed(2)} ` +
        `api_p50_ms=${med('api', 'p50')} bare_p50_ms=${med('bare', 'p50')} ` +
        `api_cpu_ms=${med('api', 'cpuMsPerRequest').toFixed(2)} ` +
        `bare_cpu_ms=${med('bare', 'cpuMsPerRequest').toFixed(2)}`,
    );
  } finally {
    await new Promise((r) => bare.server.close(r));
    await pool.end();
    await api.close();
    await bench.stop();
  }
}

async function startBareServer(pool: Pool): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    pool.query({ name: 'bench-bare-items', text: BARE_SQL }).then(
      (result) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(result.rows));
      },
      (err: unknown) => {
        res.writeHead(500).end(String(err));
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/items` };
}

/** The API's page and the bare endpoint's rows are the same items in the same order. */
async function sameRows(
  apiUrl: string,
  headers: Record<string, string>,
  bareUrl: string,
): Promise<void> {
  const ids = async (url: string, h: Record<string, string>) =>
    ((await (await fetch(url, { headers: h })).json()) as { id: string }[]).map((r) => r.id);
  const [a, b] = await Promise.all([ids(apiUrl, headers), ids(bareUrl, {})]);
  if (a.length !== PAGE || a.join() !== b.join()) {
    throw new Error(`the API and the bare endpoint disagree: ${a.length} vs ${b.length} rows`);
  }
}

interface Cannon {
  rps: number;
  p50: number;
  /** CPU time of this process (the servers; autocannon runs in its own) per request answered. */
  cpuMsPerRequest: number;
}

/** autocannon's CLI in a child process (its own CPU time), JSON out; non-2xx answers fail. */
function autocannon(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<Cannon> {
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-j',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    url,
  ];
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 << 20 }, (err, stdout) => {
      if (err) return reject(new Error(`autocannon: ${err.message}`));
      const out = JSON.parse(stdout) as {
        requests: { average: number; total: number };
        latency: { p50: number };
        non2xx: number;
        errors: number;
      };
      if (out.non2xx > 0 || out.errors > 0) {
        return reject(new Error(`${url}: ${out.non2xx} non-2xx answers, ${out.errors} errors`));
      }
      const used = process.cpuUsage(cpu);
      resolve({
        rps: out.requests.average,
        p50: out.latency.p50,
        cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, out.requests.total),
      });
    });
  });
}
