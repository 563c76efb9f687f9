import { CivilDate, QueryParam, Uuid } from '../common/fields';

const PERIOD =
  'The period selects by the current (adjusted) due date: its literal date, or the UTC+7 date of ' +
  'an exact instant (as `dueFrom`/`dueTo` of GET /api/items); items without a deadline fall ' +
  'outside any period. Bounds included.';

/** What a report covers; empty parameters (as a form sends them) mean no filter. */
export class ReportQuery {
  @QueryParam.of(Uuid({ optional: true, description: "Only this notice's items" }))
  noticeId?: string;

  @QueryParam.of(
    CivilDate({
      optional: true,
      example: '2026-10-01',
      description: `First day of the period (UTC+7). ${PERIOD}`,
    }),
  )
  from?: string;

  @QueryParam.of(
    CivilDate({
      optional: true,
      example: '2026-12-31',
      description: `Last day of the period (UTC+7), not before \`from\` (else 400 REPORT_PERIOD_INVALID). ${PERIOD}`,
    }),
  )
  to?: string;
}
