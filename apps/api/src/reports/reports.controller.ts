import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-error.response';
import { Roles } from '../auth/auth.decorators';
import { OverdueReportQuery, ReportQuery, RiskReportQuery } from './report.query';
import {
  CompletionReportResponse,
  OverdueReportResponse,
  RiskReportResponse,
} from './report.responses';
import { ReportsService } from './reports.service';

const ERRORS =
  ' 400 VALIDATION_FAILED for a bad `noticeId` or date, 400 REPORT_PERIOD_INVALID when `from` is ' +
  'after `to`, 404 NOTICE_NOT_FOUND for a notice that does not exist.';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('secretariat', 'committee_head')
@ApiErrors(400, 401, 403, 404)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Overdue items by lead agency (most overdue first)',
    description:
      'The items overdue now (the domain rule), of the notice `noticeId`, whose current due date ' +
      'falls in `from`..`to`: per agency their number, exactly the total of GET ' +
      '/api/items?overdue=true with `noticeId`, `dueFrom`, `dueTo` and `lead` = the agency, and ' +
      'the first `itemsPerAgency` items of that list (the most overdue).' +
      ERRORS,
  })
  @ApiOkResponse({ type: OverdueReportResponse })
  overdue(@Query() q: OverdueReportQuery): Promise<OverdueReportResponse> {
    return this.reports.overdue(q);
  }

  @Get('completion')
  @ApiOperation({
    summary:
      'Completion and on-time rates by lead agency, against the adjusted and the original deadline',
    description:
      'Counts periods: every item by its current status, and every period a recurring item ' +
      'completed before its current one. With `noticeId`, that notice only; with `from`/`to`, ' +
      'the periods whose due date falls in the period, whatever their status (completed ones by ' +
      'the due they were completed against), so `overdue` per agency is the overdue report with ' +
      'the same filter and the rates say how the work due in the period was done.' +
      ERRORS,
  })
  @ApiOkResponse({ type: CompletionReportResponse })
  completion(@Query() q: ReportQuery): Promise<CompletionReportResponse> {
    return this.reports.completion(q);
  }

  @Get('risk')
  @ApiOperation({
    summary: 'Late-risk forecast: every open item with a deadline, most at risk first',
    description:
      'Each open, overdue or submitted item with a deadline (see `overdue`), with a risk 0..1 of being finished ' +
      'after its deadline and the reasons in Vietnamese: working days left, the last progress ' +
      "reported against the time elapsed, the lead agency's on-time rate and mean lateness on " +
      'its completed periods due in the last 365 days or later, extensions asked and not ' +
      'granted. Overdue items are 1. 400 VALIDATION_FAILED for a bad `limit` or `overdue`.',
  })
  @ApiOkResponse({ type: RiskReportResponse })
  risk(@Query() q: RiskReportQuery): Promise<RiskReportResponse> {
    return this.reports.risk(q);
  }
}
