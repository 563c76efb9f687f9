/**
 * Replays every recorded history in workflows/test/histories against the current workflow code.
 * A failure here means a change is not deterministic for items already running: guard it with
 * `patched()` instead of re-recording. To record the histories of new scenarios (or, naming
 * them, refresh some after a compatible change):
 *   TZ=UTC node -r ts-node/register/transpile-only workflows/test/record-histories.ts [NAME …]
 * Runs offline (no server).
 */
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromFileJSON } from './test/history-files';

const dir = join(__dirname, 'test', 'histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('replay of recorded histories', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  });

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it('replays every history without a determinism error', async () => {
    const histories = files.map((f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromFileJSON(readFileSync(join(dir, f), 'utf8')),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: require.resolve('./index') },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
