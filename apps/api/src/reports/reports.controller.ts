import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('secretariat', 'committee_head')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Overdue items by lead agency (most overdue first). */
  @Get('overdue')
  overdue() {
    return this.reports.overdue();
  }

  /** Completion and on-time rates by lead agency, against the adjusted and the original deadline. */
  @Get('completion')
  completion() {
    return this.reports.completion();
  }
}
