import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MailModule } from '../../../../libs/mail/src';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordLinksService } from './password-links.service';

@Module({
  // MailModule: the invitation and reset mails. AuditModule: the guard's refusals.
  imports: [MailModule, AuditModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordLinksService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordLinksService],
})
export class AuthModule {}
