import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ReportsModule } from '../reports/reports.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [ItemsModule, ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
