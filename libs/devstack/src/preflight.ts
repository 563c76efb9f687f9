import { Client } from 'pg';
import { waitForPort } from './ports';

/** A configuration problem worth one clear line instead of a stack trace. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export async function checkReachable(address: string, what: string, envVar: string): Promise<void> {
  const [host, portText] = address.replace(/^https?:\/\//, '').split(':');
  try {
    await waitForPort(host ?? 'localhost', Number(portText ?? 7233), 5000);
  } catch {
    throw new StartError(
      `${what} does not answer at ${address} (${envVar}). Start it or unset ${envVar} to use the embedded one.`,
    );
  }
}

export async function checkPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const u = new URL(url);
    throw new StartError(
      `PostgreSQL is not reachable at ${u.hostname}:${u.port || 5432}${u.pathname} (DATABASE_URL): ${err instanceof Error ? err.message : String(err)}. Fix DATABASE_URL or unset it to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
