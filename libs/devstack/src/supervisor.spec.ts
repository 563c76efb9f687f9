import { startProcess } from './child-process';
import { supervise } from './supervisor';

/** Real child processes (node -e …): what the supervisor of `npm start` does when they die. */
describe('supervise', () => {
  const policy = { initialDelayMs: 50, maxDelayMs: 200, crashLoopCrashes: 3, windowMs: 60_000 };

  it('restarts a process killed with SIGKILL, and stops it when asked', async () => {
    const lines: string[] = [];
    const s = supervise(
      'sleeper',
      () =>
        startProcess('sleeper', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {}, (l) =>
          lines.push(l),
        ),
      (l) => lines.push(l),
      policy,
    );
    const first = s.current();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (s.current() === first && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const second = s.current();
    expect(second).not.toBe(first);
    expect(second.child.exitCode).toBeNull();
    expect(lines).toContain('sleeper exited (SIGKILL); restarting it in 0.1 s.');

    await s.stop(1000);
    expect(await second.exited).toBe('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(s.current()).toBe(second);
  });

  it('gives up on a crash loop and says so', async () => {
    const lines: string[] = [];
    let starts = 0;
    const s = supervise(
      'crasher',
      () => {
        starts += 1;
        return startProcess(
          'crasher',
          process.execPath,
          ['-e', 'process.exit(3)'],
          {},
          () => undefined,
        );
      },
      (l) => lines.push(l),
      policy,
    );
    expect(await s.gaveUp).toBe('3 crashes within 60 s (a crash loop)');
    expect(starts).toBe(3);
    expect(lines).toEqual([
      'crasher exited (3); restarting it in 0.1 s.',
      'crasher exited (3); restarting it in 0.1 s.',
      'crasher exited (3); 3 crashes within 60 s (a crash loop): not restarting it.',
    ]);
    await s.stop();
  });
});
