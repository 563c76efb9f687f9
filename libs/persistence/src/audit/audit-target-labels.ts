import type { EntityManager } from 'typeorm';
import { DIGEST_LABELS, type DigestKind } from '../../../contracts/src';

/** What an audit entry acted on, as recorded (`target_type`, `target_id`). */
export interface AuditTarget {
  readonly targetType: string | null;
  readonly targetId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a target in the map `auditTargetLabels` returns. */
export const targetKey = (t: AuditTarget): string => `${t.targetType}:${t.targetId}`;

/** A notice title's first 40 characters, cut at a word, with an ellipsis when cut. */
const TITLE_START = `CASE WHEN length(n.title) <= 40 THEN n.title
       ELSE coalesce(nullif(regexp_replace(left(n.title, 41), '\\s*\\S*$', ''), ''), left(n.title, 40)) || '…'
     END`;

/**
 * Names people read for the targets of a page of audit entries, in one statement: an item by its
 * code and its notice's number or title's beginning ("2.a" of two notices look alike; its text's
 * beginning when it has no code), a notice by its number (its title), an account by
 * its display name, an agency by its name, a digest by its kind. A target deleted since has no
 * label.
 */
export async function auditTargetLabels(
  db: EntityManager,
  targets: readonly AuditTarget[],
): Promise<Map<string, string>> {
  const ids = (type: string, valid: (id: string) => boolean = (id) => UUID.test(id)): string[] => [
    ...new Set(
      targets
        .filter((t) => t.targetType === type && t.targetId !== null && valid(t.targetId))
        .map((t) => t.targetId as string),
    ),
  ];
  const items = ids('item');
  const notices = ids('notice');
  const users = ids('user');
  const agencies = ids('agency', () => true);
  const digests = new Map(
    targets
      .filter(
        (t) => t.targetType === 'digest' && t.targetId !== null && t.targetId in DIGEST_LABELS,
      )
      .map((t) => [targetKey(t), DIGEST_LABELS[t.targetId as DigestKind]]),
  );
  if (items.length + notices.length + users.length + agencies.length === 0) return digests;
  const rows: { type: string; id: string; label: string | null }[] = await db.query(
    `SELECT 'item' AS type, i.id::text AS id,
            CASE WHEN i.code IS NULL THEN left(regexp_replace(i.text, '\\s+', ' ', 'g'), 60)
                 ELSE i.code || coalesce(', TB số ' || n.number,
                                         ', TB “' || ${TITLE_START} || '”', '')
            END AS label
       FROM items i LEFT JOIN notices n ON n.id = i.notice_id
      WHERE i.id = ANY($1::uuid[])
     UNION ALL
     SELECT 'notice', id::text, coalesce(number, title) FROM notices WHERE id = ANY($2::uuid[])
     UNION ALL
     SELECT 'user', id::text, display_name FROM users WHERE id = ANY($3::uuid[])
     UNION ALL
     SELECT 'agency', code, name FROM agencies WHERE code = ANY($4::text[])`,
    [items, notices, users, agencies],
  );
  return new Map([
    ...digests,
    ...rows
      .filter((r) => r.label !== null && r.label.trim() !== '')
      .map((r): [string, string] => [
        targetKey({ targetType: r.type, targetId: r.id }),
        r.label as string,
      ]),
  ]);
}
