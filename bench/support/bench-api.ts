import { startAppStack, type AppStack } from '../../test/support/app-stack';
import { BENCH_PASSWORD, type BenchDatabase } from './bench-database';

export interface BenchApi {
  readonly stack: AppStack;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** A bearer token of the secretariat. */
  readonly token: string;
  close(): Promise<void>;
}

/**
 * The real API (AppModule) on a port, over a bench database, for the read benches: no worker and no
 * Temporal server (the API's Temporal connection is lazy, and reads never use it), no SMTP.
 */
export async function startBenchApi(bench: BenchDatabase): Promise<BenchApi> {
  const stack = await startAppStack({
    dataSource: bench.dataSource,
    databaseUrl: bench.url,
    temporalAddress: '127.0.0.1:1',
    smtpUrl: 'smtp://127.0.0.1:1',
    taskQueue: 'bench-reads',
    seedPassword: BENCH_PASSWORD,
  });
  await stack.app.listen(0, '127.0.0.1');
  const base = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretariat@dondoc.local', password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: HTTP ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { stack, base, token: accessToken, close: () => stack.close() };
}

/** `npm run bench -- <name> quick` (or BENCH_QUICK=1): small N, so CI can run every bench. */
export const isQuick = (): boolean =>
  process.argv.slice(2).includes('quick') || process.env.BENCH_QUICK === '1';

/** The q-quantile (0..1) of xs, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
