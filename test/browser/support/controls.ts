import type { Locator, Page } from 'playwright-core';

/**
 * In an AntD select (a combobox with search): types `typed`, waits until the list's active option
 * is `option` (the first match; the list for screen readers is visually hidden) and takes it with
 * Enter. A multiple select stays open after it (Escape closes it; `popupsClosed` waits for that).
 */
export async function choose(
  page: Page,
  select: Locator,
  typed: string,
  option = typed,
): Promise<void> {
  await select.click();
  await select.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).first().waitFor({
    state: 'attached',
  });
  await page.keyboard.press('Enter');
}

/** Types a date (dd/mm/yyyy) into an AntD date picker and commits it with Enter, as a clerk does. */
export async function typeDate(page: Page, field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await page.keyboard.press('Enter');
}

interface PopupGlobals {
  readonly document: {
    readonly body: { querySelectorAll(s: string): Iterable<{ checkVisibility(): boolean }> };
  };
}

/**
 * Waits until no select's option list and no date picker's calendar shows: they close after an
 * animation, and until then axe sees an unnamed listbox (or a fading calendar as low contrast) and
 * the screenshots show them.
 */
export async function popupsClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as PopupGlobals;
    const open = document.body.querySelectorAll(
      '[role="listbox"], .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
    );
    return [...open].every((el) => !el.checkVisibility());
  });
}

/** Whether this element has the keyboard focus. */
export const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => {
    const { document } = globalThis as unknown as { document: { activeElement: unknown } };
    return el === document.activeElement;
  });

/**
 * A form field by its label exactly, a required field's star aside: the label's text ends in " *"
 * (hidden from screen readers, whose name for the field is the label alone).
 */
export const fieldLabelled = (scope: Locator | Page, label: string): Locator =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\*)?$`));
