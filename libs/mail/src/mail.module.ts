import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/src';
import { createMailer, type Mailer } from './mailer';

/** DI token of the Mailer port. */
export const MAILER = Symbol('MAILER');

@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  onApplicationShutdown(): void {
    this.mailer.close?.();
  }
}

/** Provides the nodemailer-backed Mailer from the validated configuration (SMTP_URL, MAIL_FROM). */
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer => createMailer(config.smtpUrl, config.mailFrom),
    },
    MailerCloser,
  ],
  exports: [MAILER],
})
export class MailModule {}
