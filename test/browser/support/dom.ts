/**
 * The few browser globals the functions passed to page.evaluate() use. The project's TypeScript lib
 * has no DOM (the server code must not see `window`), so an in-page function starts with
 * `const { document } = globalThis as unknown as PageGlobals;`: the cast is erased, the function
 * still runs on the page's real globals.
 */
export interface PageElement {
  readonly tagName: string;
  readonly id: string;
  readonly classList: Iterable<string>;
  getBoundingClientRect(): { readonly right: number };
}

export interface PageGlobals {
  readonly document: {
    readonly scrollingElement: PageScroller | null;
    readonly documentElement: PageScroller;
    readonly body: { querySelectorAll(selector: string): Iterable<PageElement> };
    readonly fonts: { readonly ready: Promise<unknown> };
  };
  readonly navigator: { readonly language: string };
  readonly localStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  requestAnimationFrame(callback: () => void): number;
  /** axe-core, once injected (support/axe.ts). */
  readonly axe?: {
    run(context: unknown, options: unknown): Promise<{ readonly violations: unknown[] }>;
  };
}

interface PageScroller {
  readonly scrollWidth: number;
  readonly clientWidth: number;
}
