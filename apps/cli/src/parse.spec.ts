import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../../libs/domain/src/notice';

const root = join(__dirname, '..', '..', '..');
const seed = join(root, 'libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt');

/** `npm run --silent parse -- …` without npm: the same command line as the package script. */
function cli(
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'apps/cli/src/parse.ts', ...args],
    { cwd: root, input, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parse CLI', () => {
  const expected = `${JSON.stringify(parseNotice(readFileSync(seed, 'utf8')), null, 2)}\n`;

  it('prints exactly the ParsedNotice JSON of a file on stdout', () => {
    const r = cli([seed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('reads stdin for "-"', () => {
    const r = cli(['-'], readFileSync(seed, 'utf8'));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('exits 1 with a Vietnamese message on stderr when the file cannot be read', () => {
    const r = cli(['/nonexistent/thong-bao.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Không đọc được tệp/u);
  });

  it('explains its usage without an argument', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Cách dùng/u);
  });
});
