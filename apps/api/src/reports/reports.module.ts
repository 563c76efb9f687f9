import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}

// What other features may use: through this module, not the feature's files.
export { ReportsService } from './reports.service';
export { ReportQuery } from './report.query';
