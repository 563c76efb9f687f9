import { AgencyDirectory, type AgencyEntry } from '../../../../libs/domain/src';

/** A spelling of an agency that the notice parser would read as another agency. */
export interface SpellingClash {
  readonly spelling: string;
  readonly otherCode: string;
}

/**
 * The name and aliases of `agency` must not name another agency of the directory as the parser
 * reads them (case, diacritic placement, "UBND" ↔ "Ủy ban nhân dân", a trailing "tỉnh"): else a
 * notice's phrase would be given to either agency by chance.
 */
export function spellingClash(
  agency: AgencyEntry,
  others: readonly AgencyEntry[],
): SpellingClash | null {
  const directory = AgencyDirectory.fromEntries(others.filter((o) => o.code !== agency.code));
  for (const spelling of [agency.name, ...(agency.aliases ?? [])]) {
    const otherCode = directory.codeOf(spelling);
    if (otherCode !== null) return { spelling, otherCode };
  }
  return null;
}

/** Trimmed, blank ones dropped, each once (case aside), the name itself not repeated. */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim().replace(/\s+/g, ' ');
    const key = alias.toLowerCase();
    if (alias === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}
