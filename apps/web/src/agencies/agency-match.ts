import type { Agency } from '../api/client';

/**
 * A key to compare Vietnamese text typed without diacritics: marks dropped (NFD), đ → d, lower
 * case, spacing collapsed and none around "&" ("KH & ĐT" = "kh&dt").
 */
export function foldVi(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?& ?/g, '&')
    .trim();
}

/** What an agency option is found by: its name, code and aliases, folded. */
export interface AgencyOption {
  readonly value: string;
  readonly label: string;
  readonly search: string;
}

const collator = new Intl.Collator('vi');

/** The agencies as select options, in Vietnamese alphabetical order of their names. */
export function agencyOptions(agencies: readonly Agency[]): AgencyOption[] {
  return [...agencies]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((a) => ({
      value: a.code,
      label: a.name,
      search: [a.name, a.code, ...a.aliases].map(foldVi).join('\n'),
    }));
}

/**
 * Whether an option matches what was typed, regardless of diacritics and case: every word typed
 * is found in one of its name, code or aliases ("tai chinh", "STC", "KH&ĐT", "xay dung").
 */
export function agencyMatches(input: string, option: AgencyOption | undefined): boolean {
  if (!option) return false;
  const words = foldVi(input).split(' ').filter(Boolean);
  const fields = option.search.split('\n');
  return fields.some((f) => words.every((w) => f.includes(w)));
}
