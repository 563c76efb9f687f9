import { BENCH_PASSWORD, median, startBenchDatabase } from './support/bench-database';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../libs/devstack/src/ports';
import { startAppStack } from '../test/support/app-stack';
import { startDevServer } from '../test/support/temporal';

const ITEMS = 50;
const AGENCIES = [
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
];
const LETTERS = 'abcdđeghik';

/** A notice of 50 items: ten lettered agency headings with five dash items each. */
export function fiftyItemNotice(round: number): string {
  const lines = [
    'THÔNG BÁO',
    `Kết luận của đồng chí Nguyễn Văn A tại cuộc họp số ${round} (${randomUUID()})`,
    'Ngày 15/01/2026, đồng chí Nguyễn Văn A chủ trì cuộc họp.',
    '2. Nhiệm vụ',
  ];
  for (let l = 0; l < ITEMS / 5; l++) {
    lines.push(`${LETTERS[l]}) ${AGENCIES[l % AGENCIES.length]}:`);
    for (let d = 1; d <= 5; d++) {
      lines.push(
        `- Thực hiện nhiệm vụ ${l}.${d}, phối hợp với Sở Nội vụ, báo cáo UBND tỉnh chậm nhất ngày ${10 + d}/0${(l % 9) + 1}/2027.`,
      );
    }
  }
  return lines.join('\n');
}

export async function runIntakeBench(rounds: number): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const bench = await startBenchDatabase();
  const db = bench.dataSource;
  const temporal = await startDevServer();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (s, _x, cb) => s.on('end', () => cb()).resume(),
  });
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  const taskQueue = `bench-${randomUUID()}`;
  const stack = await startAppStack({
    dataSource: db,
    databaseUrl: bench.url,
    temporalAddress: temporal.address,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    taskQueue,
    seedPassword: BENCH_PASSWORD,
  });
  await stack.startWorker();
  await stack.app.listen(0, '127.0.0.1');
  const base = `${await stack.app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });

  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretariat@dondoc.local', password: BENCH_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };

  /** The intake: POST /api/notices (parse, validate, one transaction, 50 idempotent starts). */
  const intake = async (round: number): Promise<{ confirm: number; recorded: number }> => {
    const text = fiftyItemNotice(round);
    const t0 = performance.now();
    const res = await fetch(`${base}/notices`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text }),
    });
    if (res.status !== 201) throw new Error(`confirm answered ${res.status}: ${await res.text()}`);
    const { id, started } = (await res.json()) as { id: string; started: number };
    if (started !== ITEMS) throw new Error(`started ${started} of ${ITEMS}`);
    const confirm = performance.now() - t0;
    // End to end: every workflow has run its first task and recorded 'created'.
    for (;;) {
      const [{ n }] = await db.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM item_events e JOIN items i ON i.workflow_id = e.workflow_id WHERE i.notice_id = $1 AND e.type = 'created'`,
        [id],
      );
      if (n === ITEMS) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { confirm, recorded: performance.now() - t0 };
  };

  /** Baseline: the same 50 rows inserted in one transaction plus 50 bare workflow starts. */
  const baseline = async (): Promise<number> => {
    const noticeId = randomUUID();
    const t0 = performance.now();
    await db.transaction(async (em) => {
      await em.query(
        `INSERT INTO notices (id, source_hash, text, parsed) VALUES ($1, $2, '', '{}')`,
        [noticeId, randomUUID().replace(/-/g, '').padEnd(64, '0')],
      );
      for (let i = 1; i <= ITEMS; i++) {
        await em.query(
          `INSERT INTO items (id, workflow_id, notice_id, text, lead_code, due_date, due_at, policy, status) VALUES ($1, $2, $3, 'x', 'STC', '2027-01-11', now(), '{}', 'open')`,
          [randomUUID(), `bare-${noticeId}-${i}`, noticeId],
        );
      }
    });
    for (let i = 1; i <= ITEMS; i++) {
      await client.workflow.start('bareWorkflow', {
        workflowId: `bare-${noticeId}-${i}`,
        taskQueue: `${taskQueue}-bare`,
        args: [],
      });
    }
    return performance.now() - t0;
  };

  try {
    await intake(0); // warm-up: webpack bundle, JIT, connection pools
    await baseline();
    const rows: { confirm: number; recorded: number; base: number }[] = [];
    for (let r = 1; r <= rounds; r++) {
      const base = await baseline();
      const { confirm, recorded } = await intake(r);
      rows.push({ confirm, recorded, base });
      console.log(
        `round ${r}: baseline ${base.toFixed(0)} ms, confirm ${confirm.toFixed(0)} ms (×${(confirm / base).toFixed(2)}), all 50 recorded ${recorded.toFixed(0)} ms (×${(recorded / base).toFixed(2)})`,
      );
    }
    const b = median(rows.map((r) => r.base));
    const c = median(rows.map((r) => r.confirm));
    const e = median(rows.map((r) => r.recorded));
    console.log(`\nintake of a ${ITEMS}-item notice, median of ${rounds} rounds`);
    console.log(
      `  baseline (50 rows in one transaction + 50 bare workflow starts)  ${b.toFixed(0)} ms`,
    );
    console.log(
      `  POST /api/notices (parse, validate, store, start 50 workflows)     ${c.toFixed(0)} ms   ratio ${(c / b).toFixed(2)}`,
    );
    console.log(
      `  … until all 50 workflows recorded their 'created' event          ${e.toFixed(0)} ms   ratio ${(e / b).toFixed(2)}`,
    );
  } finally {
    await stack.close();
    await connection.close();
    smtp.close();
    await temporal.teardown();
    await bench.stop();
  }
}
