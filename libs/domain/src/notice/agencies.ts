import defaultDirectory from './default-agencies.json';
import { fold } from './normalize';

export interface AgencyEntry {
  readonly code: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** An agency named in a text: where, and its canonical name (or the text as written when unknown). */
export interface AgencyMention {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly known: boolean;
}

/**
 * Lower case with old/new tone placement folded, keeping every character's position, so that a
 * match in the folded text is a match at the same offsets in the original.
 */
export function foldInPlace(s: string): string {
  return s
    .toLowerCase()
    .replace(/o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ]/g, (pair) => fold(pair).padEnd(2).slice(0, 2));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spelling variants a directory name implies (Ủy ban nhân dân ↔ UBND, và ↔ &). */
function variants(name: string): string[] {
  const f = fold(name);
  const out = new Set([f]);
  for (const v of [...out]) {
    out.add(v.replace(/ủy ban nhân dân/g, 'ubnd'));
    out.add(v.replace(/\bubnd\b/g, 'ủy ban nhân dân'));
  }
  for (const v of [...out]) out.add(v.replace(/ và /g, '&'));
  return [...out];
}

/** A pattern over folded text: spaces and "&" tolerate PDF spacing, boundaries stop at letters. */
function pattern(folded: string): string {
  return escape(folded)
    .replace(/&/g, '\\s*&\\s*')
    .replace(/ - /g, '\\s*-\\s*')
    .replace(/ /g, '\\s+');
}

/** Lower-case words that start the predicate, never a name ("… tỉnh chủ trì", "… tuyên truyền"). */
const STOP =
  '(?:tỉnh|và|chủ|phối|thực|triển|khẩn|xây|rà|tham|báo|trình|hoàn|tổ|theo|có|được|là|phải|cần|tiếp|tập|đẩy|nâng|kiểm|hướng|đôn|giám|bảo|đề|chỉ|tăng|vận|làm|tuyên|nghiên|chịu|quản|phát|lập|ban|giải|xử|cung|đánh)';
const ORG =
  '(?:Sở|Hội|Liên đoàn|Ủy ban|Uỷ ban|Đài|Báo|Trung tâm|Bệnh viện|Trường|Cục|Chi cục|Quỹ|Ban Quản lý)';
/**
 * An organisation the directory does not know, returned as written: an organisation word, then
 * capitalised words (each may carry lower-case syllables: "Nông dân", "Cựu chiến binh"), then "tỉnh".
 */
const UNKNOWN_ORG = new RegExp(
  `(?<![\\p{L}\\d])${ORG}(?:\\s+(?:\\p{Lu}\\p{Ll}*(?:\\s+(?!${STOP}(?![\\p{L}]))\\p{Ll}+){0,2}|(?:và|&)(?!\\s+${ORG}(?![\\p{L}]))))+(?:\\s+tỉnh(?![\\p{L}]))?`,
  'gu',
);

/**
 * The letters that spell a name: each word's first letter, every letter of an abbreviation ("Sở
 * KH&ĐT" → skhđt), without "và", "tỉnh", "có liên quan" or diacritics (đ kept): "UBND" and "Ủy ban nhân dân" agree.
 */
function initials(name: string): string {
  let out = '';
  const own = name.normalize('NFC').replace(/\s+(?:có\s+)?liên\s+quan$/u, '');
  for (const [word] of own.matchAll(/[\p{L}]+/gu)) {
    if (/^(?:và|tỉnh)$/iu.test(word)) continue;
    const letters = /^\p{Lu}{2,}$/u.test(word) ? word : word.charAt(0);
    out += letters.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }
  return out;
}

/**
 * Whether `phrase` names `name` by another name, not by its own words or their abbreviation: a
 * merged or renamed agency ("Sở Kế hoạch và Đầu tư" → "Sở Tài chính", "UBND các huyện" → "UBND
 * các xã, phường"), which a clerk should check. "Sở TC", "UBND cấp xã", "các xã, phường" are not.
 */
export function isAnotherName(phrase: string, name: string): boolean {
  const a = initials(phrase);
  const b = initials(name);
  return a !== '' && b !== '' && !a.includes(b) && !b.includes(a);
}

/**
 * The agency directory: canonical names with aliases and abbreviations, per province, as data.
 * The default is contracts/agencies.json; the API builds one from its database rows.
 */
export class AgencyDirectory {
  private readonly regex: RegExp;
  private readonly byFolded = new Map<string, AgencyEntry>();
  private readonly byCode = new Map<string, AgencyEntry>();

  private constructor(private readonly entries: readonly AgencyEntry[]) {
    const alternatives: { src: string; len: number }[] = [];
    for (const e of entries) {
      this.byCode.set(e.code.toUpperCase(), e);
      for (const spelling of [e.name, ...(e.aliases ?? [])]) {
        for (const v of variants(spelling)) {
          this.byFolded.set(v.replace(/\s*&\s*/g, '&'), e);
          alternatives.push({ src: pattern(v), len: v.length });
        }
      }
    }
    alternatives.sort((a, b) => b.len - a.len);
    const body = alternatives.map((a) => a.src).join('|') || '(?!)';
    this.regex = new RegExp(`(?<![\\p{L}\\d])(?:${body})(?![\\p{L}\\d])`, 'gu');
  }

  static fromEntries(rows: readonly AgencyEntry[]): AgencyDirectory {
    return new AgencyDirectory(rows);
  }

  static default(): AgencyDirectory {
    return new AgencyDirectory(defaultDirectory.agencies);
  }

  /** The code of a canonical name, alias or code; null when unknown. */
  codeOf(nameOrCode: string): string | null {
    const byCode = this.byCode.get(nameOrCode.trim().toUpperCase());
    if (byCode) return byCode.code;
    return this.lookup(nameOrCode)?.code ?? null;
  }

  /** The canonical name of a spelling; null when unknown. */
  canonical(spelling: string): string | null {
    return this.lookup(spelling)?.name ?? null;
  }

  private lookup(spelling: string): AgencyEntry | undefined {
    const f = fold(spelling).replace(/\s*&\s*/g, '&');
    return this.byFolded.get(f) ?? this.byFolded.get(f.replace(/ tỉnh(?: [\p{L} ]+)?$/u, ''));
  }

  /** Every agency named in `text`, in order, longest spelling first, without overlaps. */
  mentions(text: string): AgencyMention[] {
    const folded = foldInPlace(text);
    const found: AgencyMention[] = [];
    for (const m of folded.matchAll(this.regex)) {
      const entry = this.lookup(m[0]);
      if (entry) {
        found.push({ start: m.index, end: m.index + m[0].length, name: entry.name, known: true });
      }
    }
    for (const m of text.matchAll(UNKNOWN_ORG)) {
      const start = m.index;
      const end = start + m[0].replace(/\s+(?:và|&)$/u, '').length;
      if (!found.some((f) => f.start < end && start < f.end)) {
        found.push({ start, end, name: text.slice(start, end), known: false });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  get size(): number {
    return this.entries.length;
  }
}
