import { ApplicationFailure } from '@temporalio/common';

/** The ApplicationFailure an activity run rejects with; fails the test when it resolves. */
export async function applicationFailureOf(p: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApplicationFailure);
    return err as ApplicationFailure;
  }
  throw new Error('expected a failure');
}
