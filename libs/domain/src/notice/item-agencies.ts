import type { AgencyDirectory } from './agencies';
import { LEAD_IN, INTRO, listAt, type Listed } from './agency-lists';
import { acknowledgementOf } from './item-kinds';
import { collapse } from './normalize';
import { reportToOf } from './report-to';
import type { AgencyPhrase } from './types';

export interface Agencies {
  lead: string[];
  support: string[];
  /** The words that named each agency of `lead` and `support` here (not the inherited ones). */
  phrases: AgencyPhrase[];
  reportTo: string | null;
  unknown: string[];
  /** No agency of its own: the lead came from the heading. */
  leadInherited: boolean;
  /** Named as co-ordinating too, but the lead: kept as lead only (the reader is told). */
  alsoLead: string[];
  /** A group opening the lead's list beside named agencies ("Các sở, ban, ngành"): not assigned. */
  leadGroup: string | null;
}

/** The agencies a text starts with ("Sở Tài chính:", "Giao Sở Y tế, Sở Nội vụ …"). */
export function addressedTo(
  text: string,
  directory: AgencyDirectory,
): { names: string[]; phrases: AgencyPhrase[] } {
  const mentions = directory.mentions(text);
  const leadIn = LEAD_IN.exec(text);
  const found = listAt(text, leadIn ? leadIn[0].length : 0, mentions, directory, true).found;
  const names = unique(found.map((m) => m.name));
  return { names, phrases: phrasesOf(found, names) };
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/** The phrases of the named agencies that are among `names`, each (name, phrase) once. */
export function phrasesOf(
  named: readonly AgencyPhrase[],
  names: readonly string[],
): AgencyPhrase[] {
  const out: AgencyPhrase[] = [];
  for (const { name, phrase } of named) {
    if (names.includes(name) && !out.some((p) => p.name === name && p.phrase === phrase)) {
      out.push({ name, phrase });
    }
  }
  return out;
}

/**
 * "Đánh giá cao Sở Y tế; đề nghị tiếp tục rà soát …": a directive that names no one addresses the
 * agency just acknowledged, when exactly one is named there.
 */
function acknowledgedLead(text: string, directory: AgencyDirectory): Listed[] {
  const ack = acknowledgementOf(text, directory);
  if (!ack || ack.addressed) return [];
  const named = directory.mentions(ack.clause).map((m) => ({
    name: m.name,
    known: m.known,
    phrase: collapse(ack.clause.slice(m.start, m.end)),
  }));
  return unique(named.map((m) => m.name)).length === 1 ? named : [];
}

/** The agencies of a table cell ("Sở Xây dựng; Sở Nông nghiệp và Môi trường"), generic groups skipped. */
export function agenciesIn(
  cell: string,
  directory: AgencyDirectory,
): { names: string[]; unknown: string[]; phrases: AgencyPhrase[] } {
  const found = listAt(cell, 0, directory.mentions(cell), directory, true).found;
  const names = unique(found.map((f) => f.name));
  return {
    names,
    unknown: unique(found.filter((f) => !f.known).map((f) => f.name)),
    phrases: phrasesOf(found, names),
  };
}

export function agenciesOf(
  text: string,
  directory: AgencyDirectory,
  inherited: readonly string[],
): Agencies {
  const mentions = directory.mentions(text);
  const listed: Listed[] = [];
  const namedElsewhere: Listed[] = [];
  let group: string | null = null;
  const list = (pos: number, allowUnknown: boolean): Listed[] => {
    const { found, leadingGroup } = listAt(text, pos, mentions, directory, allowUnknown);
    listed.push(...found);
    group = found.length > 0 ? leadingGroup : null;
    return found;
  };
  const names = (ls: readonly Listed[]): string[] => unique(ls.map((l) => l.name));

  const leadIn = LEAD_IN.exec(text);
  let lead = names(list(leadIn ? leadIn[0].length : 0, true));
  let leadGroup: string | null = group;
  let leadInherited = false;
  if (lead.length === 0 && inherited.length > 0) {
    lead = [...inherited];
    leadInherited = true;
  }
  const intro = lead.length === 0 ? INTRO.exec(text) : null;
  if (intro) {
    const after = text.slice(intro[0].length);
    const leadInAfter = LEAD_IN.exec(after);
    lead = names(list(intro[0].length + (leadInAfter?.[0].length ?? 0), true));
    leadGroup = group;
  }
  if (lead.length === 0) {
    for (const m of text.matchAll(
      /(?<![\p{L}])(?:giao(?:\s+(?:nhiệm\s+vụ|trách\s+nhiệm))?(?:\s+cho)?|yêu cầu|đề nghị|phân công)\s+/giu,
    )) {
      lead = names(list(m.index + m[0].length, true));
      leadGroup = group;
      if (lead.length > 0) break;
    }
  }
  if (lead.length === 0) {
    for (const m of text.matchAll(/\s*(?:làm\s+)?chủ\s+trì/giu)) {
      const before = mentions.filter(
        (x) =>
          x.end <= m.index &&
          /^\s*(?:tỉnh(?:\s+\p{Lu}\p{Ll}*){0,2})?\s*(?:\([^)]*\))?\s*,?\s*$/u.test(
            text.slice(x.end, m.index),
          ),
      );
      const chair = before.at(-1);
      if (chair) {
        // Only for its phrase: `unknown` stays what the lists found, as before.
        namedElsewhere.push({
          name: chair.name,
          known: chair.known,
          phrase: collapse(text.slice(chair.start, chair.end)),
        });
        lead = [chair.name];
        break;
      }
    }
  }

  if (lead.length === 0) {
    const acknowledged = acknowledgedLead(text, directory);
    namedElsewhere.push(...acknowledged);
    lead = names(acknowledged);
  }

  const support: string[] = [];
  const alsoLead: string[] = [];
  for (const m of text.matchAll(/phối\s+hợp(?:\s+(?:chặt\s+chẽ|tốt))?(?:\s+với)?\s*/giu)) {
    for (const name of names(list(m.index + m[0].length, true))) {
      if (lead.includes(name)) {
        if (!alsoLead.includes(name)) alsoLead.push(name);
      } else if (!support.includes(name)) support.push(name);
    }
  }
  const unknown = listed
    .filter((l) => !l.known && (lead.includes(l.name) || support.includes(l.name)))
    .map((l) => l.name);
  return {
    lead,
    support,
    phrases: phrasesOf([...listed, ...namedElsewhere], [...lead, ...support]),
    reportTo: reportToOf(text, mentions, directory),
    unknown: unique(unknown),
    leadInherited,
    alsoLead,
    leadGroup: leadInherited ? null : leadGroup,
  };
}
