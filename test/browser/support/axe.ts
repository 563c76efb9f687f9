import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { PageGlobals } from './dom';

/** axe-core's own bundle from node_modules, injected into the page: no network, no CDN. */
let axeSource: string | undefined;
const source = (): string =>
  (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** The part of an axe result the check reports (axe-core's AxeResults, narrowed). */
export interface A11yViolation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: unknown[]; readonly failureSummary?: string }[];
}

export interface A11yOptions {
  /** CSS selectors of regions to leave out (e.g. a third-party chart's canvas). Prefer none. */
  readonly exclude?: readonly string[];
  /** axe rule ids to switch off, each with a reason in the calling test. Prefer none. */
  readonly disableRules?: readonly string[];
}

/** Runs axe-core on the page as it is now (main frame) and returns every violation. */
export async function axeViolations(
  page: Page,
  options: A11yOptions = {},
): Promise<A11yViolation[]> {
  // evaluate() (not an inline <script>): a Content-Security-Policy of the app cannot block it.
  const loaded = await page.evaluate(
    () => typeof (globalThis as unknown as PageGlobals).axe === 'object',
  );
  if (!loaded) await page.evaluate(source());
  return page.evaluate(
    async ({ exclude, disableRules }) => {
      const { axe, document } = globalThis as unknown as PageGlobals;
      if (!axe) throw new Error('axe-core did not load in the page');
      const context = exclude.length
        ? { include: [['html']], exclude: exclude.map((s) => [s]) }
        : document;
      const result = await axe.run(context, {
        resultTypes: ['violations'],
        rules: Object.fromEntries(disableRules.map((id) => [id, { enabled: false }])),
      });
      // Plain data only across the page boundary (axe's results hold no functions, but be sure).
      return JSON.parse(JSON.stringify(result.violations)) as A11yViolation[];
    },
    { exclude: [...(options.exclude ?? [])], disableRules: [...(options.disableRules ?? [])] },
  );
}

/** Throws listing every violation whose impact is serious or critical (WCAG 2.x and best practice). */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: A11yOptions = {},
): Promise<void> {
  const serious = (await axeViolations(page, options)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length === 0) return;
  const lines = serious.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `      ${JSON.stringify(n.target)}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      )
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
  });
  throw new Error(
    `${serious.length} serious or critical accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`,
  );
}
