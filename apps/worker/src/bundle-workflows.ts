import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `npm run build` step: bundles workflows/ once into dist/workflow-bundle.js, which the worker
 * loads instead of running webpack at every start (see workflow-source.ts).
 */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows'),
  });
  const target = join(__dirname, '..', '..', '..', 'workflow-bundle.js');
  await writeFile(target, code);
  process.stderr.write(
    `Workflow bundle written to ${target} (${(code.length / 1024).toFixed(0)} KiB)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Bundling workflows failed: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
