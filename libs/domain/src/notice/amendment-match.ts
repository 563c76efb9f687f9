import type { AmendmentKind, AmendmentReference } from './amendments';
import { fold } from './normalize';

/** An item already followed, as the proposal needs it. */
export interface EarlierItem {
  readonly id: string;
  /** Its position in its notice, "2.g.1"; null for an item entered alone. */
  readonly code: string | null;
  readonly text: string;
  /** Its lead agency's name, as the parser names agencies. */
  readonly lead: string;
}

/** A new notice's item proposed as an amendment of an earlier item: the secretariat confirms or unlinks it. */
export interface AmendmentProposal {
  readonly itemId: string;
  readonly kind: AmendmentKind;
  /** `reference`: the text names the earlier item; `similar`: same lead, nearly the same words. */
  readonly by: 'reference' | 'similar';
  /** How alike the two texts are, 0..1 (for `similar`). */
  readonly similarity: number;
}

/** Texts at least this alike (Dice over their words) are proposed as the same directive again. */
export const SIMILAR_TEXT = 0.8;

const words = (text: string): Set<string> =>
  new Set(
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

/** Dice's coefficient over the two texts' words (case, spacing and tone placement folded). */
export function textSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size + y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * The earlier item a new item amends, if any:
 * - it names one (`reference`): the item of `referenced` (that notice's items) with exactly that
 *   position; none when the position is missing or names a group ("2.g" of 2.g.1…), for the
 *   reviewer to pick;
 * - otherwise, among `open` (the items still followed), one led by the same agency whose text is
 *   nearly the same: the notice repeats it, so it continues; the most alike when several are.
 */
export function proposeAmendment(
  item: { readonly text: string; readonly lead: string | null },
  reference: AmendmentReference | null,
  referenced: readonly EarlierItem[],
  open: readonly EarlierItem[],
): AmendmentProposal | null {
  if (reference) {
    const code = reference.itemCode;
    const target = code === null ? undefined : referenced.find((e) => e.code === code);
    return target
      ? { itemId: target.id, kind: reference.kind, by: 'reference', similarity: 1 }
      : null;
  }
  if (item.lead === null) return null;
  let best: AmendmentProposal | null = null;
  for (const e of open) {
    if (e.lead !== item.lead) continue;
    const similarity = textSimilarity(item.text, e.text);
    if (similarity >= SIMILAR_TEXT && similarity > (best?.similarity ?? 0)) {
      best = { itemId: e.id, kind: 'continue', by: 'similar', similarity };
    }
  }
  return best;
}
