/**
 * How the browser project's jest environment (support/environment.ts) reaches the pages of a
 * failing test: useBrowser() (support/browser.ts) puts a function under this name on the test
 * file's global; the environment calls it with the failing test's titles.
 */
export const ON_FAILURE = '__dondocBrowserOnFailure';
export type OnFailure = (titles: readonly string[]) => Promise<void>;
