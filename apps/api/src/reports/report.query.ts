import { OVERDUE_ITEMS_PER_AGENCY } from '../../../../libs/persistence/src';
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

/** The overdue report's filter, and how many of each agency's items it lists. */
export class OverdueReportQuery extends ReportQuery {
  @QueryParam.int({
    min: 0,
    max: OVERDUE_ITEMS_PER_AGENCY.max,
    description:
      `Most overdue items listed per agency, earliest due first (default ${OVERDUE_ITEMS_PER_AGENCY.default}); ` +
      'all of them are GET /api/items?overdue=true&lead=<code> with the same filter',
  })
  itemsPerAgency?: number;
}

/** The late-risk forecast's query. */
export class RiskReportQuery {
  @QueryParam.bool({
    description:
      'false: leave out the overdue items (their risk is 1; GET /api/reports/overdue lists them); ' +
      'true: only them',
  })
  overdue?: boolean;

  @QueryParam.int({
    min: 1,
    max: 10000,
    description: 'At most this many items, the most at risk (default: every open item)',
  })
  limit?: number;
}
