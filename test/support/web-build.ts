import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
export const WEB_DIST = join(ROOT, 'dist', 'web');

/** The newest modification time under the web app's sources (ms). */
function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestSource(join(path, name))), 0);
}

/** Whether dist/web is missing or older than a file of apps/web (what the API serves at /). */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['index.html', 'vite.config.mts', 'src', 'public']
    .map((p) => join(WEB, p))
    .filter((p) => existsSync(p))
    .map(newestSource);
  return Math.max(...sources) > statSync(index).mtimeMs;
}

/**
 * Builds the web app into dist/web when it is missing or stale, as `npm run build` does: the tests
 * run the API from its TypeScript sources, and it serves whatever dist/web holds. The build goes to
 * a temporary folder first, so a reader never sees half a build.
 */
export function ensureWebBuild(log: (line: string) => void = () => undefined): void {
  if (!webBuildIsStale()) return;
  const t0 = Date.now();
  const tmp = `${WEB_DIST}.tmp-${process.pid}`;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(WEB, 'vite.config.mts'),
      '--outDir',
      tmp,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // The bundle users get: jest's NODE_ENV=test would otherwise make Vite inline React's and
    // AntD's development builds (their warnings, "test-id" for every AntD useId, slower pages).
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  rmSync(WEB_DIST, { recursive: true, force: true });
  renameSync(tmp, WEB_DIST);
  log(`web app built into ${WEB_DIST} in ${Date.now() - t0} ms`);
}
