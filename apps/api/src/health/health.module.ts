import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailModule } from '../../../../libs/mail/src';
import { HealthController } from './health.controller';
import { MailHealthIndicator } from './mail.health';
import { TemporalHealthIndicator } from './temporal.health';

@Module({
  // MailModule: the SMTP transport the mail probe logs in with (SMTP_URL, as the worker's).
  imports: [TerminusModule.forRoot({ logger: false }), MailModule],
  controllers: [HealthController],
  providers: [TemporalHealthIndicator, MailHealthIndicator],
})
export class HealthModule {}
