import type { DataSource } from 'typeorm';

/**
 * Projection rows for the reports and list benches, written in SQL (generate_series), no workflows:
 * items numbered `from`..`to` (append more later with a higher `from`), 12 to a notice, a mix a
 * province would have after five years: deadlines from five years ago to one year ahead (5 % exact
 * instants, 2 % none), 25 lead agencies (some lead more), most past work completed (a quarter
 * late), overdue work concentrated in the last year, a few open items just past due whose
 * workflow has not marked them yet, 8 % extended, 4 % recurring with up to 11 completed earlier
 * periods in their history, and 'created'/'submitted'/'overdue'/'completed' events.
 *
 * Deterministic: every attribute is a hash of the item's number, so two runs seed the same rows.
 */
export async function seedReportItems(db: DataSource, from: number, to: number): Promise<void> {
  await db.query(
    `INSERT INTO notices (id, source_hash, number, title, text, parsed, created_at)
     SELECT md5('bench-notice-' || g)::uuid, md5('bench-notice-' || g) || md5('bench-notice-' || g),
            g || '/TB-BCĐ', 'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp số ' || g,
            'Thông báo kết luận số ' || g, '{}'::jsonb, now() - interval '5 years'
       FROM generate_series(($1::int - 1) / 12, ($2::int - 1) / 12) g
     ON CONFLICT DO NOTHING`,
    [from, to],
  );
  await db.query(ITEMS_SQL, [from, to]);
  await db.query(EVENTS_SQL, [from, to]);
}

/** h(k): a number in 0..999 drawn from the item's number n and the attribute k. */
const h = (k: number): string => `(abs(hashint4(n * 37 + ${k})) % 1000)`;

const TEXTS = [
  'Tổng hợp tình hình giải ngân vốn đầu tư công, báo cáo UBND tỉnh',
  'Rà soát các dự án chậm tiến độ, đề xuất giải pháp tháo gỡ',
  'Hoàn thiện hồ sơ dự án, trình thẩm định theo quy định',
  'Báo cáo kết quả thực hiện cải cách hành chính',
  'Xây dựng kế hoạch chuyển đổi số của ngành',
  'Kiểm tra, xử lý dứt điểm các kiến nghị của cử tri',
  'Tham mưu văn bản chỉ đạo về phòng, chống thiên tai',
  'Đôn đốc thu ngân sách, báo cáo tình hình thu nộp',
]
  .map((t) => `'${t}'`)
  .join(', ');

/** One row per n with its drawn attributes, then the items derived from them. */
const ITEMS_SQL = `
WITH codes AS (SELECT array_agg(code ORDER BY code) AS c FROM agencies),
drawn AS (
  SELECT n,
         (current_date - 1825 + (abs(hashint4(n * 37 + 1)) % 2190))::date AS d,
         ${h(2)} AS kind, ${h(3)} AS st, ${h(4)} AS late, ${h(5)} AS ext, ${h(6)} AS lead,
         ${h(7)} AS sup, ${h(8)} AS rec, ${h(9)} AS misc
    FROM generate_series($1::int, $2::int) n
),
due AS (
  SELECT *,
         CASE WHEN kind < 50 OR kind >= 980 THEN NULL ELSE d END AS due_date,
         CASE WHEN kind >= 980 THEN NULL
              WHEN kind < 50 THEN (d + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
              ELSE (d + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END AS due_at,
         CASE WHEN ext < 80 THEN 7 + ext % 40 ELSE 0 END AS extended_days,
         current_date - d AS age
    FROM drawn
),
state AS (
  SELECT *,
         CASE
           WHEN due_at IS NULL OR age < 0 THEN
             CASE WHEN st < 880 THEN 'open' WHEN st < 950 THEN 'submitted'
                  WHEN st < 980 THEN 'completed' ELSE 'cancelled' END
           WHEN age <= 365 THEN
             CASE WHEN st < 700 THEN 'completed' WHEN st < 880 THEN 'overdue'
                  WHEN st < 940 THEN 'submitted' WHEN st < 998 THEN 'cancelled' ELSE 'open' END
           ELSE
             CASE WHEN st < 940 THEN 'completed' WHEN st < 960 THEN 'overdue'
                  WHEN st < 998 THEN 'cancelled' ELSE 'submitted' END
         END AS status
    FROM due
),
closed AS (
  SELECT *,
         CASE
           WHEN status = 'completed' AND due_at IS NOT NULL AND late < 250
             THEN least(now() - interval '1 hour', due_at + (1 + late % 20) * interval '1 day')
           WHEN status IN ('completed', 'cancelled')
             THEN least(now() - interval '1 hour',
                        coalesce(due_at, now()) - (1 + late % 10) * interval '1 day')
         END AS closed_at
    FROM state
)
INSERT INTO items (id, workflow_id, notice_id, position, code, text, lead_code, support_codes,
                   due_date, due_at, original_due_date, original_due_at, deadline, policy, status,
                   completed_late, escalation_level, progress_percent, version, workflow_state,
                   closed_at, created_at, updated_at)
SELECT md5('bench-item-' || n)::uuid, 'bench-' || n, md5('bench-notice-' || ((n - 1) / 12))::uuid,
       (n - 1) % 12 + 1, '2.' || chr(97 + (n - 1) % 12),
       (ARRAY[${TEXTS}])[1 + misc % 8] || ' (nhiệm vụ số ' || n || ')',
       codes.c[1 + floor(25 * power(lead / 1000.0, 1.4))::int],
       CASE WHEN sup < 300 THEN ARRAY[codes.c[1 + (lead + 1 + sup % 24) % 25]] ELSE '{}' END,
       due_date, due_at,
       due_date - extended_days, due_at - extended_days * interval '1 day',
       CASE WHEN rec < 40 THEN '{"kind":"recurring","every":"P1M"}'::jsonb
            ELSE '{"kind":"date"}'::jsonb END,
       '{"remindBefore":["P3D"],"escalateAfter":["P1D","P5D"]}'::jsonb,
       status,
       CASE WHEN status = 'completed' THEN due_at IS NOT NULL AND closed_at > due_at END,
       CASE WHEN status = 'overdue' THEN misc % 3 ELSE 0 END,
       CASE WHEN status IN ('open', 'overdue') AND misc < 500 THEN (misc % 10) * 10 END,
       3, 'started', closed_at,
       coalesce(due_at, now()) - (30 + misc % 150) * interval '1 day',
       coalesce(closed_at, now() - interval '1 day')
  FROM closed, codes`;

/**
 * The history the reports read: 'created' for every item, 'submitted' and 'completed' as the status
 * says, 'overdue' for overdue and late work, and for a recurring item (deadline kind recurring)
 * up to 11 earlier monthly periods completed before the current one.
 */
const EVENTS_SQL = `
WITH it AS (
  SELECT i.id, i.workflow_id, i.status, i.due_date, i.due_at, i.original_due_at, i.closed_at,
         i.completed_late, i.created_at,
         CASE WHEN i.deadline->>'kind' = 'recurring'
              THEN abs(hashint4(substr(i.workflow_id, 7)::int * 37 + 8)) % 12 ELSE 0 END AS periods
    FROM items i
   WHERE i.workflow_id LIKE 'bench-%' AND substr(i.workflow_id, 7)::int BETWEEN $1 AND $2
),
ev AS (
  SELECT id, workflow_id, 1 AS seq, 'created' AS type, created_at AS at, NULL::jsonb AS detail
    FROM it
  UNION ALL
  SELECT id, workflow_id, 1 + k, 'completed', due_at - (periods - k + 1) * interval '1 month',
         jsonb_build_object(
           'due', jsonb_build_object(
             'date', to_char(coalesce(due_date, (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
                             - (periods - k + 1) * interval '1 month', 'YYYY-MM-DD'),
             'at', floor(extract(epoch FROM due_at - (periods - k + 1) * interval '1 month') * 1000)),
           'late', k % 5 = 0, 'lateVsOriginal', k % 5 = 0)
    FROM it, generate_series(1, it.periods) k
   WHERE due_at IS NOT NULL
  UNION ALL
  SELECT id, workflow_id, periods + 2, 'overdue', due_at, NULL
    FROM it WHERE status = 'overdue' OR completed_late
  UNION ALL
  SELECT id, workflow_id, periods + 3, 'submitted', coalesce(closed_at, now()) - interval '2 days',
         '{"note":"Đã hoàn thành."}'::jsonb
    FROM it WHERE status IN ('submitted', 'completed')
  UNION ALL
  SELECT id, workflow_id, periods + 4, 'completed', closed_at,
         jsonb_build_object(
           'due', CASE WHEN due_at IS NOT NULL THEN jsonb_build_object(
                    'date', due_date, 'at', floor(extract(epoch FROM due_at) * 1000)) END,
           'late', completed_late,
           'lateVsOriginal', original_due_at IS NOT NULL AND closed_at > original_due_at)
    FROM it WHERE status = 'completed'
)
INSERT INTO item_events (item_id, workflow_id, seq, type, at, actor, detail)
SELECT id, workflow_id, seq, type, at, NULL, detail FROM ev`;
