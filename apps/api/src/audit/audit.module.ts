import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRetention } from './audit-retention';
import { AuditService } from './audit.service';

/**
 * The audit log: written by a global interceptor and the auth guard, read by the secretariat,
 * purged of entries older than AUDIT_RETENTION_DAYS.
 */
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditRetention,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}

export { AuditService } from './audit.service';
