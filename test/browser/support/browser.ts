import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { ON_FAILURE, type OnFailure } from './failure-hook';
import { FAILURES_DIR, safeName } from './screens';

/** Debian's Chromium (scripts/provision-browser.sh), or CHROMIUM_PATH. Playwright downloads nothing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: run scripts/provision-browser.sh (as root: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** Headless Chromium; one per test file (useBrowser launches it in beforeAll). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in CI: Chromium's sandbox needs user namespaces it does not get there.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** What every test's context gets: Vietnamese locale, the committee's time zone, an office screen. */
export const CONTEXT_DEFAULTS: BrowserContextOptions = {
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
  viewport: { width: 1280, height: 800 },
};

export interface UseBrowserOptions {
  /** Relative page.goto('/items') resolves against it; a function when known only in beforeAll. */
  readonly baseURL?: string | (() => string | undefined);
  /** Fail the test when the page throws an uncaught error (default true). */
  readonly failOnPageError?: boolean;
}

export interface BrowserFixture {
  /** This file's browser. */
  readonly browser: Browser;
  /** This test's context (fresh per test: no cookies or storage from another test). */
  readonly context: BrowserContext;
  /** This test's first page. */
  readonly page: Page;
  /** Another fresh context and page in this test (a second user), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Uncaught errors of this test's pages so far. */
  readonly pageErrors: readonly Error[];
}

/**
 * Registers jest hooks: one Chromium per test file (beforeAll/afterAll), a new context and page per
 * test (beforeEach/afterEach). Call it at the top of a describe block or file; read `page` in tests.
 */
export function useBrowser(options: UseBrowserOptions = {}): BrowserFixture {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let page: Page | undefined;
  let errors: Error[] = [];

  const open = async (extra: BrowserContextOptions = {}): Promise<Page> => {
    if (!browser) {
      throw new Error('useBrowser(): the browser is not launched (used outside a test?)');
    }
    const baseURL = typeof options.baseURL === 'function' ? options.baseURL() : options.baseURL;
    const context = await browser.newContext({
      ...CONTEXT_DEFAULTS,
      ...(baseURL ? { baseURL } : {}),
      ...extra,
    });
    contexts.push(context);
    const p = await context.newPage();
    p.on('pageerror', (err) => errors.push(err));
    return p;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  // Called by the project's environment when a test fails, before afterEach closes the pages.
  const onFailure: OnFailure = async (titles) => {
    const pages = contexts.flatMap((c) => c.pages());
    if (pages.length === 0) return;
    await mkdir(FAILURES_DIR, { recursive: true });
    const file = basename(expect.getState().testPath ?? 'test', '.test.ts');
    const stem = safeName([file, ...titles].join('--')).slice(0, 180);
    for (const [i, p] of pages.entries()) {
      const path = join(FAILURES_DIR, `${stem}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
      await p.screenshot({ path, fullPage: true, timeout: 5000 });
      process.stderr.write(`[browser] failed at ${p.url()}: ${path}\n`);
    }
  };
  const global = globalThis as Record<string, unknown>;

  beforeEach(async () => {
    errors = [];
    page = await open();
    global[ON_FAILURE] = onFailure;
  });
  afterEach(async () => {
    if (global[ON_FAILURE] === onFailure) delete global[ON_FAILURE];
    const open = contexts;
    contexts = [];
    page = undefined;
    await Promise.all(open.map((c) => c.close()));
    if (options.failOnPageError !== false && errors.length > 0) {
      throw new Error(
        `Uncaught error(s) in the page:\n${errors.map((e) => e.stack ?? e.message).join('\n')}`,
      );
    }
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowser(): no ${what} outside a test`);
    return value;
  };
  return {
    get browser() {
      return need(browser, 'browser');
    },
    get context() {
      return need(contexts[0], 'context');
    },
    get page() {
      return need(page, 'page');
    },
    newPage: (extra) => open(extra),
    get pageErrors() {
      return errors;
    },
  };
}

/**
 * Slows the page's processor `rate` times (Chromium's CPU throttling) until the returned function
 * is called: what a busy office PC or a cheap phone does to the timing between two user actions
 * and the renders they cause (a test of a race then fails reliably, not once in a while).
 */
export async function slowProcessor(page: Page, rate: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  };
}
