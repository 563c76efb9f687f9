import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ReportsModule } from '../reports/reports.module';
import { ExportsController } from './exports.controller';
import { DocumentsService } from './documents.service';
import { SpreadsheetsService } from './spreadsheets.service';

@Module({
  imports: [ItemsModule, ReportsModule],
  controllers: [ExportsController],
  providers: [SpreadsheetsService, DocumentsService],
})
export class ExportsModule {}
