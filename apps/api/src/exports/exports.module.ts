import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { ItemsModule } from '../items/items.module';
import { ReportsModule } from '../reports/reports.module';
import { ExportsController } from './exports.controller';
import { DocumentsService } from './documents.service';
import { SpreadsheetsService } from './spreadsheets.service';

@Module({
  imports: [AgenciesModule, ItemsModule, ReportsModule],
  controllers: [ExportsController],
  providers: [SpreadsheetsService, DocumentsService],
})
export class ExportsModule {}
