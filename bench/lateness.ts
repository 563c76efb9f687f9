/**
 * `npm run bench -- lateness`: the black-box check of the item engine against the real stack.
 * Runs `npm start`'s supervisor (built dist/) with SMTP_URL pointing at an SMTP server of its own
 * and a fresh DATA_DIR, creates an item due ~2 minutes ahead with remindBefore PT100S/PT60S and
 * escalateAfter PT30S, and prints when each mail arrived against when it was due.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../libs/devstack/src/ports';

interface Received {
  at: number;
  to: string[];
  kind: string;
  step: string;
}

const root = resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLatenessBench(): Promise<void> {
  const start = join(root, 'dist', 'libs', 'devstack', 'src', 'start.js');
  if (!existsSync(start)) throw new Error('dist/ is missing: run `npm run build` first.');
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          const header = (n: string): string => {
            const v = m.headers.get(n);
            return typeof v === 'string' ? v : '';
          };
          received.push({
            at: Date.now(),
            to: session.envelope.rcptTo.map((r) => r.address),
            kind: header('x-dondoc-kind'),
            step: header('x-dondoc-step'),
          });
          cb();
        })
        .catch(cb);
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
  const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-lateness-'));
  const port = await freePort();
  const t0 = Date.now();
  const stack = spawn(process.execPath, [start], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stack.stdout.resume();
  const api = `http://127.0.0.1:${port}/api`;
  try {
    for (;;) {
      if (Date.now() - t0 > 180_000) {
        throw new Error('the stack did not become healthy within 180 s');
      }
      const ok = await fetch(`${api}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(250);
    }
    console.log(`stack healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const post = async (path: string, token: string | null, body: unknown) => {
      const res = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const login = async (email: string) =>
      (await post('/auth/login', null, { email, password: 'dondoc-dev' })).body
        .accessToken as string;
    const secretariat = await login('secretariat@dondoc.local');
    const stc = await login('stc@dondoc.local');

    const checks = [
      ['no token → 401', (await post('/items', null, {})).status === 401],
      [
        'agency creates an item → 403',
        (await post('/items', stc, { text: 'x', lead: 'STC', due: '2027-01-01' })).status === 403,
      ],
      [
        'invalid body → 400',
        (await post('/items', secretariat, { text: 'x', lead: 'STC', due: 'sai' })).status === 400,
      ],
    ] as const;
    for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);

    const dueAt = Date.now() + 130_000;
    const created = await post('/items', secretariat, {
      text: 'Kiểm tra nhắc việc đầu cuối',
      lead: 'STC',
      due: new Date(dueAt).toISOString(),
      policy: { remindBefore: ['PT100S', 'PT60S'], escalateAfter: ['PT30S'] },
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    const id = created.body.id as string;
    const expected = [
      { kind: 'reminder', at: dueAt - 100_000 },
      { kind: 'reminder', at: dueAt - 60_000 },
      { kind: 'overdue', at: dueAt },
      { kind: 'escalation', at: dueAt + 30_000 },
    ];
    while (Date.now() < dueAt + 45_000) await sleep(500);

    console.log('\nmail              due (s from create)   received   lateness');
    const late: number[] = [];
    const used = new Set<Received>();
    for (const e of expected) {
      const got = received.filter((r) => r.kind === e.kind && !used.has(r));
      const first = got[0];
      if (!first) {
        console.log(`${e.kind.padEnd(17)} MISSING`);
        continue;
      }
      // An escalation is one mail per recipient beyond the lead; count them all as this step.
      for (const r of e.kind === 'escalation' ? got : [first]) used.add(r);
      const l = first.at - e.at;
      late.push(l);
      console.log(
        `${e.kind.padEnd(17)} ${((e.at - (dueAt - 130_000)) / 1000).toFixed(0).padStart(8)}              ${(e.kind === 'escalation' ? got.flatMap((r) => r.to) : first.to).join(', ')}  ${(l / 1000).toFixed(2)} s`,
      );
    }
    const steps = received.map((r) => `${r.step}|${r.to.join()}`);
    console.log(
      `duplicates: ${steps.length - new Set(steps).size}; lateness max ${(Math.max(...late) / 1000).toFixed(2)} s, mean ${(late.reduce((a, b) => a + b, 0) / late.length / 1000).toFixed(2)} s`,
    );

    const item = (await (
      await fetch(`${api}/items/${id}`, { headers: { authorization: `Bearer ${secretariat}` } })
    ).json()) as { status: string };
    const history = (await (
      await fetch(`${api}/items/${id}/history`, {
        headers: { authorization: `Bearer ${secretariat}` },
      })
    ).json()) as { type: string }[];
    console.log(`status ${item.status}; history ${history.map((h) => h.type).join(', ')}`);
    const submitted = await post(`/items/${id}/submit`, stc, { note: 'Đã hoàn thành' });
    const accepted = await post(`/items/${id}/accept`, secretariat, {});
    const before = received.length;
    await sleep(15_000);
    console.log(
      `submit ${submitted.body.status as string}, accept ${accepted.body.status as string}; mails after completion: ${received.length - before}`,
    );
  } finally {
    stack.kill('SIGINT');
    await new Promise((r) => stack.once('exit', r));
    smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
