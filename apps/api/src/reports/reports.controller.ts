import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CompletionReport, OverdueReport } from '../../../../libs/persistence/src';
import { ApiErrors } from '../common/api-error.response';
import { Roles } from '../auth/auth.decorators';
import { CompletionReportResponse, OverdueReportResponse } from './report.responses';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('secretariat', 'committee_head')
@ApiErrors(401, 403)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Overdue items by lead agency (most overdue first). */
  @Get('overdue')
  @ApiOkResponse({ type: OverdueReportResponse })
  overdue(): Promise<OverdueReport> {
    return this.reports.overdue();
  }

  /** Completion and on-time rates by lead agency, against the adjusted and the original deadline. */
  @Get('completion')
  @ApiOkResponse({ type: CompletionReportResponse })
  completion(): Promise<CompletionReport> {
    return this.reports.completion();
  }
}
