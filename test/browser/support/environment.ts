import NodeEnvironment from 'jest-environment-node';
import { ON_FAILURE, type OnFailure } from './failure-hook';

/** The part of jest-circus's events this environment reads. */
interface TestEvent {
  readonly name: string;
  readonly test?: TestEntry;
}
interface TestEntry {
  readonly name: string;
  readonly parent?: TestEntry;
}

const titles = (test: TestEntry): string[] => {
  const path: string[] = [];
  for (let t: TestEntry | undefined = test; t && t.name !== 'ROOT_DESCRIBE_BLOCK'; t = t.parent) {
    path.unshift(t.name);
  }
  return path;
};

/**
 * The node environment of the `browser` jest project: when a test function fails, it asks the
 * file's useBrowser() to save the page as it is at that moment (test-artifacts/failures/), before
 * afterEach closes it. Jest awaits handleTestEvent.
 */
export default class BrowserTestEnvironment extends NodeEnvironment {
  async handleTestEvent(event: TestEvent): Promise<void> {
    if (event.name !== 'test_fn_failure' || !event.test) return;
    const onFailure = (this.global as Record<string, unknown>)[ON_FAILURE] as OnFailure | undefined;
    try {
      await onFailure?.(titles(event.test));
    } catch (err) {
      process.stderr.write(`[browser] no failure screenshot: ${String(err)}\n`);
    }
  }
}
