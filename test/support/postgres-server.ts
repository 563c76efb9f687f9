/**
 * The child of startPostgresProcess (postgres-process.ts): starts a persistent embedded PostgreSQL
 * cluster, prints `ready <url>`, and stops it (fast shutdown) when its stdin closes.
 */
import { startEmbeddedPostgres } from '../../libs/devstack/src/embedded-postgres';

async function serve(): Promise<void> {
  const handle = await startEmbeddedPostgres({
    dataDir: process.env.DONDOC_PG_DATA_DIR ?? '',
    port: Number(process.env.DONDOC_PG_PORT),
    persistent: true,
    database: process.env.DONDOC_PG_DATABASE ?? 'dondoc',
  });
  process.stdout.write(`ready ${handle.url}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    void handle.stop().then(() => process.exit(0));
  });
}

serve().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
