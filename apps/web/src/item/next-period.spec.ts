import { describe, expect, it } from '@jest/globals';
import { isRecurring, nextPeriodOpened } from './next-period';

describe('nextPeriodOpened', () => {
  it('reads until the item is open again', async () => {
    const answers = ['completed', 'completed', 'open'] as const;
    let reads = 0;
    const read = () => Promise.resolve({ status: answers[reads++] ?? 'open' });
    await expect(nextPeriodOpened(read, 5_000, 10)).resolves.toBe(true);
    expect(reads).toBe(3);
  });

  it('gives up after its time when the item stays completed', async () => {
    let reads = 0;
    const read = () => Promise.resolve({ status: 'completed' as const, n: reads++ });
    await expect(nextPeriodOpened(read, 100, 20)).resolves.toBe(false);
    expect(reads).toBeGreaterThan(1);
    expect(reads).toBeLessThanOrEqual(6);
  });
});

describe('isRecurring', () => {
  it('is true only for a recurring deadline', () => {
    expect(isRecurring({ deadline: { kind: 'recurring', frequency: 'monthly' } })).toBe(true);
    expect(isRecurring({ deadline: { kind: 'date' } })).toBe(false);
    expect(isRecurring({ deadline: null })).toBe(false);
  });
});
