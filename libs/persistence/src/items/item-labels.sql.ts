/**
 * What mapping an item needs besides its row (`toItemRecord`'s context), read with the row in the
 * same statement: its lead agency's name, its co-ordinating agencies' names (the code when
 * unknown, in their order) and its notice's number and title. The read repository builds the
 * mapping's context from these columns (`label_*`), so a page costs one statement, not three.
 */
export const itemLabelsSql = (alias: string): string =>
  `la.name AS label_lead_name, ln.number AS label_notice_number, ln.title AS label_notice_title,
   ARRAY(SELECT COALESCE(sa.name, sc.code)
           FROM unnest(${alias}.support_codes) WITH ORDINALITY AS sc (code, k)
           LEFT JOIN agencies sa ON sa.code = sc.code
          ORDER BY sc.k) AS label_support_names`;

/** The joins `itemLabelsSql` reads (agency and notice by primary key). */
export const itemLabelsJoin = (alias: string): string =>
  `LEFT JOIN agencies la ON la.code = ${alias}.lead_code
   LEFT JOIN notices ln ON ln.id = ${alias}.notice_id`;

/** A row read with `itemLabelsSql`, as node-postgres returns it. */
export interface LabelColumns {
  readonly lead_code: string;
  readonly notice_id: string | null;
  readonly support_codes: string[];
  readonly label_lead_name: string | null;
  readonly label_notice_number: string | null;
  readonly label_notice_title: string | null;
  readonly label_support_names: string[];
}
