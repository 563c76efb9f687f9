import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

/**
 * Where the Temporal servers come from. Same shape as `EphemeralServerExecutable` in
 * `@temporalio/testing`, so a result goes straight into `server: { executable }`.
 * `cached-download` is the SDK's own download from temporal.download (needs internet).
 */
export type TemporalExecutable =
  { type: 'existing-path'; path: string } | { type: 'cached-download' };

type Env = Readonly<Record<string, string | undefined>>;

const VERSIONS_FILE = join('tools', 'versions.env');

/** The repository root: the first directory above this file with package.json and tools/versions.env
 * (works from the sources under ts-node/jest and from the compiled copy under dist/). */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isFile(join(dir, 'package.json')) && isFile(join(dir, VERSIONS_FILE))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(
        `No ${VERSIONS_FILE} above ${from}: cannot tell which Temporal versions to use`,
      );
    }
  }
}

/** `KEY=value` lines of tools/versions.env (the one place the shell scripts read too). */
export function parseVersionsEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Z][A-Z0-9_]*)=([^\s'"$`#]+)$/.exec(line);
    if (!match?.[1] || !match[2]) {
      throw new Error(`${VERSIONS_FILE}: unsupported line ${JSON.stringify(raw)} (KEY=value only)`);
    }
    out[match[1]] = match[2];
  }
  return out;
}

function readVersion(key: string): string {
  const file = join(repoRoot(), VERSIONS_FILE);
  const value = parseVersionsEnv(readFileSync(file, 'utf8'))[key];
  if (!value) throw new Error(`${file} does not set ${key}`);
  return value;
}

/** Temporal CLI tag built with `go install github.com/temporalio/cli/cmd/temporal@<tag>` (e.g. v1.5.1). */
export const TEMPORAL_CLI_VERSION: string = readVersion('TEMPORAL_CLI_VERSION');
/** Version of the Maven artifact io.temporal:temporal-test-server (e.g. 1.38.0). */
export const TEMPORAL_TEST_SERVER_VERSION: string = readVersion('TEMPORAL_TEST_SERVER_VERSION');

/** Cache root shared by all clones: `$DONDOC_CACHE_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/dondoc`
 * (empty variables count as unset, as in scripts/provision.sh). */
export function temporalCacheDir(env: Env = process.env): string {
  if (env.DONDOC_CACHE_DIR) return env.DONDOC_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dondoc');
}

/** Where scripts/provision-temporal-cli.sh puts the CLI it builds. */
export function cachedTemporalCliPath(env: Env = process.env): string {
  return join(temporalCacheDir(env), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

/** Where scripts/provision-test-server.sh puts the wrapper that `exec`s the JVM. */
export function cachedTestServerPath(env: Env = process.env): string {
  return join(
    temporalCacheDir(env),
    'temporal-test-server',
    TEMPORAL_TEST_SERVER_VERSION,
    'temporal-test-server',
  );
}

/**
 * The Temporal CLI (dev server): `TEMPORAL_CLI_PATH`, else the provisioned cache, else `temporal` on
 * PATH, else the SDK's download. A `TEMPORAL_CLI_PATH` that is not an executable file is an error.
 */
export function resolveTemporalCli(env: Env = process.env): TemporalExecutable {
  return (
    fromOverride(env, 'TEMPORAL_CLI_PATH') ??
    existing(cachedTemporalCliPath(env)) ??
    existing(findOnPath('temporal', env)) ?? { type: 'cached-download' }
  );
}

/**
 * The time-skipping test server: `TEMPORAL_TEST_SERVER_PATH`, else the provisioned wrapper, else the
 * SDK's download. No PATH lookup: nothing installs a test server binary under a well-known name.
 */
export function resolveTestServer(env: Env = process.env): TemporalExecutable {
  return (
    fromOverride(env, 'TEMPORAL_TEST_SERVER_PATH') ??
    existing(cachedTestServerPath(env)) ?? { type: 'cached-download' }
  );
}

function fromOverride(env: Env, name: string): TemporalExecutable | undefined {
  const path = env[name];
  if (!path) return undefined;
  if (!isExecutableFile(path)) {
    throw new Error(`${name}=${path} is not an executable file. Fix it or unset ${name}.`);
  }
  return { type: 'existing-path', path };
}

function existing(path: string | undefined): TemporalExecutable | undefined {
  return path !== undefined && isExecutableFile(path) ? { type: 'existing-path', path } : undefined;
}

function findOnPath(name: string, env: Env): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const n of names) {
      const candidate = join(dir, n);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutableFile(path: string): boolean {
  if (!isFile(path)) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
