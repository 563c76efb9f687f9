import type { Item } from '../api/client';

/** Whether an item's deadline recurs: once a period is accepted, the next one opens. */
export const isRecurring = (item: Pick<Item, 'deadline'>): boolean =>
  item.deadline?.kind === 'recurring';

/**
 * A recurring item's next period opens a moment after the acceptance (its workflow starts a new
 * run): reads the item every `stepMs` until it is no longer completed, for up to `ms`, so that
 * the page then shows it open again rather than closed. True once it opened.
 */
export async function nextPeriodOpened(
  read: () => Promise<Pick<Item, 'status'> | undefined>,
  ms = 10_000,
  stepMs = 500,
): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    const item = await read();
    if (item && item.status !== 'completed') return true;
  }
  return false;
}
