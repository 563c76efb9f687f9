/**
 * Issue 9, "the OpenAPI document is exact" (ADR 0021): Schemathesis (pinned, in the virtualenv of
 * scripts/provision-python.sh) runs against the API listening on a port, with its worker,
 * PostgreSQL, Temporal and SMTP, every check on (`--checks all`), once as the secretariat and once
 * as an agency, over every operation: no failure, no server error. Bounded by examples per
 * operation, not by time. The agency's run names a second agency as its peer (a Web Fuzzing
 * Commons auth file), so that `object_level_authorization` replays each of its reads as the other
 * agency. The operations that end sessions run apart, each test case on a session of its own.
 *
 *   SCHEMATHESIS_MAX_EXAMPLES (default 25), SCHEMATHESIS_SEED (default fixed; `random` for a new one)
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newOpaqueToken } from '../../libs/security/src';
import { startBrowserStack, type BrowserStack } from '../browser/support/app';

const ROOT = join(__dirname, '..', '..');
const HERE = join(__dirname, 'schemathesis');
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 25);
const SEED = process.env.SCHEMATHESIS_SEED ?? '20261202';
const RUN_TIMEOUT_MS = 12 * 60_000;
/** Each run's whole output (gitignored), with the curl lines that reproduce each failure. */
const ARTIFACTS = join(ROOT, 'test-artifacts', 'schemathesis');

/**
 * Operations that end the session they are called with (logout), or every session of its account
 * (logout-all; the password change ends the others): every operation after them would only see 401.
 * The identities' runs leave them out; runs of their own call them, each test case on a session
 * (and account) of its own.
 */
const SESSION_ENDING = [
  'AuthController_logout',
  'AuthController_logoutAll',
  'AuthController_changePassword',
];

/** The run's identities, seeded (test/support/stack.ts). */
const SECRETARIAT = 'secretariat@dondoc.local';
const AGENCY = 'stc@dondoc.local';
const PEER_AGENCY = 'sxd@dondoc.local';

let stack: BrowserStack;
let workDir: string;
let st: string;
/**
 * Every identity's token, taken before any run: Schemathesis sends failed logins, and five of them
 * lock logins from its client address (127.0.0.1) for 15 minutes (issue 9's throttle, unchanged
 * here). A session outlives a run: the idle timeout (30 minutes) exceeds RUN_TIMEOUT_MS.
 */
const tokens = new Map<string, string>();

beforeAll(async () => {
  st = execFileSync('bash', [join(ROOT, 'scripts/provision-python.sh'), '--print'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  workDir = await mkdtemp(join(tmpdir(), 'dondoc-schemathesis-'));
  stack = await startBrowserStack();
  for (const email of [SECRETARIAT, AGENCY, PEER_AGENCY]) {
    tokens.set(email, await stack.login(email));
  }
  // Items of both agencies (and one they share), so that the agencies' reads and commands reach
  // real items and workflows, not only 404s.
  const secretariat = tokenOf(SECRETARIAT);
  for (const [lead, support] of [
    ['STC', []],
    ['STC', ['SXD']],
    ['SXD', []],
  ] as const) {
    await stack
      .http()
      .post('/api/items')
      .set({ Authorization: `Bearer ${secretariat}` })
      .send({ text: `Nhiệm vụ của ${lead}`, lead, support, due: '2099-12-31' })
      .expect(201);
  }
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function tokenOf(email: string): string {
  const token = tokens.get(email);
  if (!token) throw new Error(`no token of ${email}: beforeAll did not log it in`);
  return token;
}

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/**
 * Who the run authenticates as: one user (a bearer header); agencies as peers (a Web Fuzzing
 * Commons auth file: the run is the first one's, the others are who must not see its objects); or
 * a pool of accounts of a role, one session each, one per test case (the session-ending runs).
 */
type Identity =
  | { readonly email: string }
  | { readonly peers: readonly string[] }
  | { readonly pool: { readonly role: 'secretariat' | 'agency'; readonly agency: string | null } };

/** Sessions minted per pooled run (78 used at 25 examples); its output says how many it used. */
const POOL_SIZE = 500;

/**
 * Accounts of `role` (active: the seed's password hash) with one session each, written straight
 * to the database: logins from this address are locked by then. Returns the tokens' file, which
 * the hooks' FreshSession hands out one per test case.
 */
async function sessionPool(tag: string, role: string, agency: string | null): Promise<string> {
  const sessions = Array.from({ length: POOL_SIZE }, () => ({
    id: randomUUID(),
    ...newOpaqueToken(),
  }));
  await stack.db.dataSource.query(
    `INSERT INTO users (id, email, display_name, password_hash, role, agency_code)
     SELECT t.id, 'pool-' || t.id || '@dondoc.local', 'Tài khoản thử ' || t.n,
            (SELECT password_hash FROM users WHERE email = $1), $2, $3
     FROM unnest($4::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [SECRETARIAT, role, agency, sessions.map((s) => s.id)],
  );
  await stack.db.dataSource.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at)
     SELECT t.hash, t.id, now() + interval '8 hours' FROM unnest($1::text[], $2::uuid[]) AS t(hash, id)`,
    [sessions.map((s) => s.hash), sessions.map((s) => s.id)],
  );
  const file = join(workDir, `sessions-${tag}.txt`);
  await writeFile(file, sessions.map((s) => s.token).join('\n'));
  return file;
}

interface RunSetup {
  readonly config: string;
  readonly auth: string[];
  readonly env: NodeJS.ProcessEnv;
}

/** The run's configuration: schemathesis.toml, plus the peers of an agency's run. */
async function configFor(who: Identity, tag: string): Promise<RunSetup> {
  const base = await readFile(join(HERE, 'schemathesis.toml'), 'utf8');
  const config = join(workDir, `schemathesis-${tag}.toml`);
  if ('email' in who) {
    await writeFile(config, base);
    return { config, auth: ['--header', `Authorization: Bearer ${tokenOf(who.email)}`], env: {} };
  }
  if ('pool' in who) {
    await writeFile(config, base);
    const pool = await sessionPool(tag, who.pool.role, who.pool.agency);
    return { config, auth: [], env: { DONDOC_SESSION_POOL: pool } };
  }
  const names = who.peers.map((email) => email.slice(0, email.indexOf('@')));
  const auth = who.peers.map((email, i) => ({
    name: names[i],
    fixedHeaders: [{ name: 'Authorization', value: `Bearer ${tokenOf(email)}` }],
  }));
  const wfc = join(workDir, `auth-${tag}.json`);
  await writeFile(wfc, JSON.stringify({ auth }));
  const peers = names.map((n) => JSON.stringify(n)).join(', ');
  await writeFile(
    config,
    `${base}\n[auth.wfc]\npath = ${JSON.stringify(wfc)}\nuser = ${JSON.stringify(names[0])}\npeers = [${peers}]\n`,
  );
  return { config, auth: [], env: {} };
}

/** `st run` against the stack as `who`; its output, and its exit code (0: nothing found). */
async function schemathesis(who: Identity, tag: string): Promise<Run> {
  const { config, auth, env } = await configFor(who, tag);
  const only = 'pool' in who ? '--include-operation-id' : '--exclude-operation-id';
  await mkdir(ARTIFACTS, { recursive: true });
  const args = [
    '--config-file',
    config,
    'run',
    `${stack.baseUrl}/api/docs-json`,
    '--checks',
    'all',
    ...auth,
    ...SESSION_ENDING.flatMap((id) => [only, id]),
    '--max-examples',
    String(MAX_EXAMPLES),
    ...(SEED === 'random' ? [] : ['--seed', SEED]),
    // One worker: two cores shared with the API, its worker, PostgreSQL and Temporal.
    '--workers',
    '1',
    '--request-timeout',
    '30',
    '--generation-database',
    'none',
    // The due dates' pattern (a date or an exact instant, ADR 0016) makes Hypothesis filter many
    // generated bodies; its health check then fails an operation without a request that failed
    // (POST /api/items/{id}/deadline, once the risk report's schemas moved the seeded draws).
    '--suppress-health-check',
    'filter_too_much',
    '--no-color',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, {
      cwd: workDir,
      env: { ...process.env, ...env, SCHEMATHESIS_HOOKS: join(HERE, 'schemathesis_hooks.py') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Schemathesis's closing lines: the test cases counted, and the `=== … in Ns ===` summary. */
function summaryOf(output: string): string {
  const lines = output.trimEnd().split('\n');
  const cases = lines.findIndex((l) => l.startsWith('Test cases:'));
  const counted = cases >= 0 ? (lines[cases + 1] ?? '').trim() : '(no test cases line)';
  const closing = [...lines].reverse().find((l) => /^=+ .* in [0-9.]+s =+$/.test(l)) ?? '';
  const pool = lines.find((l) => l.startsWith('[session pool]'));
  return [counted, closing.replace(/=+/g, '').trim(), ...(pool ? [pool] : [])].join(' | ');
}

/** One run: Schemathesis as `who`, its output kept, no failure and no server error. */
async function expectNoFailure(who: string, identity: Identity, tag: string): Promise<void> {
  const run = await schemathesis(identity, tag);
  const summary = summaryOf(run.output);
  await writeFile(join(ARTIFACTS, `${tag}.log`), run.output);
  process.stderr.write(`[schemathesis] as ${who}: ${summary}\n`);
  if (run.code !== 0) {
    // The failures section (reproducible with the curl lines it prints) is the message.
    throw new Error(`Schemathesis exited ${run.code} as ${who}:\n${run.output.slice(-20_000)}`);
  }
  expect(run.output).toMatch(/Test cases:\s*\n\s*\d+ generated, \d+ passed/);
  expect(run.output).not.toMatch(/Server error|not_a_server_error/);
}

/**
 * In this order. The agency's run can change no account and no agency (403). The session-ending
 * runs touch only their pools' accounts. The secretariat's run, last, changes accounts and agencies
 * at will (PATCH /api/users/{id} disables, re-roles and moves them, the agencies' run identities
 * and pools included; PATCH /api/agencies/{code} deactivates), every one but its own: the API
 * refuses a change of one's own account (409 CANNOT_CHANGE_SELF) and the loss of the last
 * secretariat (409 LAST_SECRETARIAT).
 */
describe.each<[string, Identity, string]>([
  ['an agency, another agency its peer', { peers: [AGENCY, PEER_AGENCY] }, 'agency'],
  [
    'agencies, a session each, over the session-ending operations',
    { pool: { role: 'agency', agency: 'STC' } },
    'agency-sessions',
  ],
  [
    'secretariats, a session each, over the session-ending operations',
    { pool: { role: 'secretariat', agency: null } },
    'secretariat-sessions',
  ],
  ['the secretariat', { email: SECRETARIAT }, 'secretariat'],
])('Schemathesis --checks all as %s', (who, identity, tag) => {
  it(
    'finds no failure and no server error',
    () => expectNoFailure(who, identity, tag),
    RUN_TIMEOUT_MS + 60_000,
  );
});
