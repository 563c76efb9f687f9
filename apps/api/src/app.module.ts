import { Module } from '@nestjs/common';
import { ConfigModule } from '../../../libs/config/src';
import { PersistenceModule } from '../../../libs/persistence/src';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { DigestsModule } from './digests/digests.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { ItemsModule } from './items/items.module';
import { LinksModule } from './links/links.module';
import { NoticesModule } from './notices/notices.module';
import { ReportsModule } from './reports/reports.module';
import { TemporalModule } from './temporal/temporal.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    TemporalModule,
    AuditModule,
    AuthModule,
    UsersModule,
    AgenciesModule,
    CalendarModule,
    // Before ItemsModule: its routes (items/export.xlsx) must come before items/:id.
    ExportsModule,
    ItemsModule,
    LinksModule,
    NoticesModule,
    ReportsModule,
    DigestsModule,
    HealthModule,
  ],
})
export class AppModule {}
