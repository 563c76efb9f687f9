import type { Page } from 'playwright-core';

/**
 * On an item page: opens the action's dialog (the button and the dialog share the action's name),
 * fills its fields by label, sends it ("Gửi") and waits for the dialog to close.
 */
export async function act(
  page: Page,
  action: string,
  fields: Record<string, string>,
): Promise<void> {
  await page.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: 'Gửi' }).waitFor();
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByLabel(label).fill(value);
  }
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
