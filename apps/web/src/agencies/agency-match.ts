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

/**
 * The agencies as select options, in Vietnamese alphabetical order of their names, each shown as
 * `label` tells (its name unless told).
 */
export function agencyOptions(
  agencies: readonly Agency[],
  label: (a: Agency) => string = (a) => a.name,
): AgencyOption[] {
  return [...agencies]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((a) => ({
      value: a.code,
      label: label(a),
      search: [a.name, a.code, ...a.aliases].map(foldVi).join('\n'),
    }));
}

/**
 * Whether an option matches what was typed, regardless of diacritics and case: every word typed
 * begins a word of one of its name, code or aliases ("tai chinh", "STC", "KH&ĐT", "xay dung").
 * Word beginnings, not anywhere: "so y te" is Sở Y tế, not "Lạng Sơn" with "Quản lý" and "kinh tế".
 */
export function agencyMatches(input: string, option: AgencyOption | undefined): boolean {
  if (!option) return false;
  const typed = foldVi(input).split(' ').filter(Boolean);
  const fields = option.search.split('\n').map((f) => f.split(' '));
  return fields.some((words) => typed.every((t) => words.some((w) => w.startsWith(t))));
}

/** `showSearch` for every agency picker: found by name, code or alias, with or without diacritics. */
export const agencySearch = { filterOption: agencyMatches };
