import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  cachedTemporalCliPath,
  cachedTestServerPath,
  parseVersionsEnv,
  repoRoot,
  resolveTemporalCli,
  resolveTestServer,
  TEMPORAL_CLI_VERSION,
  TEMPORAL_TEST_SERVER_VERSION,
  temporalCacheDir,
} from './temporal-binaries';

describe('Temporal server binaries', () => {
  let tmp: string;
  let cache: string;
  let emptyPath: string;

  /** An env with nothing but a cache in the temp dir and a PATH where no `temporal` lives. */
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    DONDOC_CACHE_DIR: cache,
    PATH: emptyPath,
    ...extra,
  });

  const file = (path: string, mode: number): string => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  };

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dondoc-binaries-'));
    cache = join(tmp, 'cache');
    emptyPath = join(tmp, 'empty-bin');
    mkdirSync(emptyPath);
  });

  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  describe('versions', () => {
    it('come from tools/versions.env, the file the provisioning scripts source', () => {
      const text = readFileSync(join(repoRoot(), 'tools', 'versions.env'), 'utf8');
      expect(parseVersionsEnv(text)).toMatchObject({
        TEMPORAL_CLI_VERSION,
        TEMPORAL_TEST_SERVER_VERSION,
      });
      expect(TEMPORAL_CLI_VERSION).toMatch(/^v\d+\.\d+\.\d+$/);
      expect(TEMPORAL_TEST_SERVER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it('accept only plain KEY=value lines, which sh and TypeScript read alike', () => {
      expect(parseVersionsEnv('# comment\n\nA=1.2.3\r\nB_2=v4\n')).toEqual({
        A: '1.2.3',
        B_2: 'v4',
      });
      expect(() => parseVersionsEnv('A="1.2.3"')).toThrow(/unsupported line/);
      expect(() => parseVersionsEnv('A=$HOME')).toThrow(/unsupported line/);
      expect(() => parseVersionsEnv('export A=1')).toThrow(/unsupported line/);
    });

    it('are found from a compiled copy under dist/ as well', () => {
      const root = repoRoot();
      expect(repoRoot(join(root, 'dist', 'libs', 'devstack', 'src'))).toBe(root);
    });
  });

  describe('cache directory', () => {
    it('is DONDOC_CACHE_DIR, else $XDG_CACHE_HOME/dondoc, else ~/.cache/dondoc', () => {
      expect(temporalCacheDir({ DONDOC_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
      expect(temporalCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/dondoc');
      expect(temporalCacheDir({})).toBe(join(homedir(), '.cache', 'dondoc'));
      expect(temporalCacheDir({ DONDOC_CACHE_DIR: '', XDG_CACHE_HOME: '' })).toBe(
        join(homedir(), '.cache', 'dondoc'),
      );
    });

    it('is keyed by version', () => {
      expect(cachedTemporalCliPath(env())).toBe(
        join(cache, 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal'),
      );
      expect(cachedTestServerPath(env())).toBe(
        join(cache, 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION, 'temporal-test-server'),
      );
    });

    it('defaults to process.env', () => {
      const saved = process.env.DONDOC_CACHE_DIR;
      process.env.DONDOC_CACHE_DIR = cache;
      try {
        expect(temporalCacheDir()).toBe(cache);
      } finally {
        if (saved === undefined) delete process.env.DONDOC_CACHE_DIR;
        else process.env.DONDOC_CACHE_DIR = saved;
      }
    });
  });

  describe('Temporal CLI (dev server)', () => {
    it('falls back to the SDK download when nothing is provisioned', () => {
      expect(resolveTemporalCli(env())).toEqual({ type: 'cached-download' });
    });

    it('uses `temporal` on PATH when the cache is empty', () => {
      const onPath = file(join(tmp, 'bin', 'temporal'), 0o755);
      expect(
        resolveTemporalCli(env({ PATH: `${emptyPath}:relative/bin:${dirname(onPath)}` })),
      ).toEqual({
        type: 'existing-path',
        path: onPath,
      });
    });

    it('prefers the cached build to PATH', () => {
      file(join(tmp, 'bin', 'temporal'), 0o755);
      const cached = file(cachedTemporalCliPath(env()), 0o755);
      expect(resolveTemporalCli(env({ PATH: join(tmp, 'bin') }))).toEqual({
        type: 'existing-path',
        path: cached,
      });
    });

    it('ignores a cached file that is not executable', () => {
      file(cachedTemporalCliPath(env()), 0o644);
      expect(resolveTemporalCli(env())).toEqual({ type: 'cached-download' });
    });

    it('prefers TEMPORAL_CLI_PATH to everything', () => {
      file(cachedTemporalCliPath(env()), 0o755);
      const override = file(join(tmp, 'custom', 'temporal'), 0o755);
      expect(resolveTemporalCli(env({ TEMPORAL_CLI_PATH: override }))).toEqual({
        type: 'existing-path',
        path: override,
      });
    });

    it('refuses a TEMPORAL_CLI_PATH that is missing or not executable, naming the variable', () => {
      expect(() => resolveTemporalCli(env({ TEMPORAL_CLI_PATH: join(tmp, 'nope') }))).toThrow(
        /TEMPORAL_CLI_PATH=.*nope is not an executable file/,
      );
      const plain = file(join(tmp, 'plain'), 0o644);
      expect(() => resolveTemporalCli(env({ TEMPORAL_CLI_PATH: plain }))).toThrow(
        /TEMPORAL_CLI_PATH/,
      );
      expect(() => resolveTemporalCli(env({ TEMPORAL_CLI_PATH: tmp }))).toThrow(
        /TEMPORAL_CLI_PATH/,
      );
    });
  });

  describe('time-skipping test server', () => {
    it('falls back to the SDK download when nothing is provisioned', () => {
      expect(resolveTestServer(env())).toEqual({ type: 'cached-download' });
    });

    it('uses the provisioned wrapper', () => {
      const wrapper = file(cachedTestServerPath(env()), 0o755);
      expect(resolveTestServer(env())).toEqual({ type: 'existing-path', path: wrapper });
    });

    it('does not look on PATH', () => {
      const bin = join(tmp, 'bin');
      file(join(bin, 'temporal-test-server'), 0o755);
      expect(resolveTestServer(env({ PATH: bin }))).toEqual({ type: 'cached-download' });
    });

    it('prefers TEMPORAL_TEST_SERVER_PATH and refuses a broken one', () => {
      file(cachedTestServerPath(env()), 0o755);
      const override = file(join(tmp, 'custom', 'test-server'), 0o755);
      expect(resolveTestServer(env({ TEMPORAL_TEST_SERVER_PATH: override }))).toEqual({
        type: 'existing-path',
        path: override,
      });
      expect(() =>
        resolveTestServer(env({ TEMPORAL_TEST_SERVER_PATH: join(tmp, 'nope') })),
      ).toThrow(/TEMPORAL_TEST_SERVER_PATH/);
    });
  });
});
