import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailModule } from '../../../../libs/mail/src';
import { AuthModule } from '../auth/auth.module';
import { HealthController } from './health.controller';
import { HealthViewers } from './health-viewers';
import { MailHealthIndicator } from './mail.health';
import { TemporalHealthIndicator } from './temporal.health';

@Module({
  // MailModule: the SMTP transport the mail probe logs in with (SMTP_URL, as the worker's).
  // AuthModule: a valid token unlocks the details.
  imports: [TerminusModule.forRoot({ logger: false }), MailModule, AuthModule],
  controllers: [HealthController],
  providers: [TemporalHealthIndicator, MailHealthIndicator, HealthViewers],
})
export class HealthModule {}
