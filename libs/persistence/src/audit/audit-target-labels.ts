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

/**
 * Names people read for the targets of a page of audit entries, in one statement: an item by its
 * code (its text's beginning when it has none), a notice by its number (its title), an account by
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
    `SELECT 'item' AS type, id::text AS id,
            coalesce(code, left(regexp_replace(text, '\\s+', ' ', 'g'), 60)) AS label
       FROM items WHERE id = ANY($1::uuid[])
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
