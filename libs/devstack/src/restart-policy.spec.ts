import { decideRestart, type RestartPolicy } from './restart-policy';

const policy: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 5000,
  crashLoopCrashes: 5,
  windowMs: 60_000,
};

describe('decideRestart', () => {
  it('restarts after the initial delay, doubling for each crash inside the window, up to the cap', () => {
    expect(decideRestart([0], policy)).toEqual({ restartInMs: 1000 });
    expect(decideRestart([0, 2000], policy)).toEqual({ restartInMs: 2000 });
    expect(decideRestart([0, 2000, 5000], policy)).toEqual({ restartInMs: 4000 });
    expect(decideRestart([0, 2000, 5000, 10_000], policy)).toEqual({ restartInMs: 5000 });
  });

  it('gives up on the fifth crash within the window, naming the crash loop', () => {
    const decision = decideRestart([0, 2000, 5000, 10_000, 20_000], policy);
    expect(decision).toEqual({ giveUp: '5 crashes within 60 s (a crash loop)' });
  });

  it('forgets crashes older than the window: a process that ran a while starts afresh', () => {
    expect(decideRestart([0, 2000, 5000, 10_000, 200_000], policy)).toEqual({
      restartInMs: 1000,
    });
    expect(decideRestart([0, 1000, 2000, 3000, 70_000, 71_000], policy)).toEqual({
      restartInMs: 2000,
    });
  });
});
