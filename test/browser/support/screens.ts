import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageElement, PageGlobals } from './dom';

/** test-artifacts at the repository root (gitignored). */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', '..', 'test-artifacts');
/** capture()'s screenshots. */
export const SCREENS_DIR = join(ARTIFACTS_DIR, 'screens');
/** The pages of failing tests, as they were when the test failed (support/environment.ts). */
export const FAILURES_DIR = join(ARTIFACTS_DIR, 'failures');

/** The widths every page is captured at: an office screen and a phone. */
export const WIDTHS = { desktop: 1280, phone: 390 } as const;
const PHONE_HEIGHT = 844;

/** Where capture(page, name) writes the screenshot of that width. */
export function screenPath(name: string, width: number): string {
  return join(SCREENS_DIR, `${safeName(name)}-${width}.png`);
}

/** A file name from any title: ASCII letters, digits, '.', '_' and '-' (Vietnamese marks dropped). */
export function safeName(name: string): string {
  const safe = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!safe) throw new Error(`capture(): the name "${name}" gives no file name`);
  return safe;
}

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The elements reaching furthest past the right edge (tag#id.class and their right edge). */
  readonly widest: readonly string[];
}

/** Measures horizontal overflow of the page's scrolling element at its current viewport. */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    const describe = (el: PageElement): string =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      [...el.classList]
        .slice(0, 3)
        .map((c) => `.${c}`)
        .join('');
    const widest = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((e) => e.right > clientWidth + 0.5)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map((e) => `${describe(e.el)} (right edge ${Math.round(e.right)} px)`);
    return { scrollWidth: root.scrollWidth, clientWidth, widest };
  });
}

/** Throws when the page scrolls horizontally at its current viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const o = await horizontalOverflow(page);
  if (o.scrollWidth > o.clientWidth) {
    const width = page.viewportSize()?.width ?? '?';
    throw new Error(
      `The page scrolls horizontally at ${width} px: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}` +
        (o.widest.length ? `; past the edge: ${o.widest.join(', ')}` : ''),
    );
  }
}

/** Lets layout settle after a viewport change (two animation frames, then fonts). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return new Promise<void>((resolve) => {
      g.requestAnimationFrame(() =>
        g.requestAnimationFrame(() => void g.document.fonts.ready.then(() => resolve())),
      );
    });
  });
}

/**
 * Full-page PNGs of the page as it is now, at 1280 and 390 px wide, into
 * test-artifacts/screens/<name>-1280.png and <name>-390.png; then throws if the page scrolls
 * horizontally at 390 px (the screenshot is written first, to show why). The viewport is restored.
 * Returns the two paths.
 */
export async function capture(
  page: Page,
  name: string,
): Promise<{ desktop: string; phone: string }> {
  await mkdir(SCREENS_DIR, { recursive: true });
  const before = page.viewportSize();
  const paths = {
    desktop: screenPath(name, WIDTHS.desktop),
    phone: screenPath(name, WIDTHS.phone),
  };
  try {
    await page.setViewportSize({ width: WIDTHS.desktop, height: before?.height ?? 800 });
    await settle(page);
    await page.screenshot({ path: paths.desktop, fullPage: true, animations: 'disabled' });
    await page.setViewportSize({ width: WIDTHS.phone, height: PHONE_HEIGHT });
    await settle(page);
    await page.screenshot({ path: paths.phone, fullPage: true, animations: 'disabled' });
    await expectNoHorizontalScroll(page);
  } finally {
    if (before) await page.setViewportSize(before);
  }
  return paths;
}
