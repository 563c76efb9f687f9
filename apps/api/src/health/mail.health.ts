import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { MAILER, toMailDeliveryError, type Mailer } from '../../../../libs/mail/src';
import { withTimeout } from './with-timeout';

/** A probe's answer is reused this long: health may be polled every second, the SMTP server need not be. */
const PROBE_TTL_MS = 5000;
/** Rows older than this no longer count as waiting (a workflow terminated by hand leaves its row). */
const WAITING_WINDOW = '7 days';

interface MailState {
  readonly down: boolean;
  readonly details: Record<string, unknown>;
}

/** The SMTP server without its credentials: `smtp://mail.example:587`. */
export function smtpServerLabel(smtpUrl: string): string {
  try {
    const u = new URL(smtpUrl);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'SMTP_URL';
  }
}

/**
 * Mail is down while the SMTP server cannot take mail from us (a probe connects, greets and logs
 * in as a send would: unreachable, 535) or while mails wait for a retry after a fault of ours
 * (mail_log rows the worker left `sending` with an error: also a relay refusal or a 4xx). Each
 * change is logged with its reason (ADR 0018).
 */
@Injectable()
export class MailHealthIndicator {
  private readonly logger = new Logger('MailHealth');
  private probed: { at: number; result: Promise<string | null> } | null = null;
  private last: string | null = null;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mail() {
    const check = this.health.check('mail');
    const state = await this.state();
    const reason = state.down ? String(state.details.message) : null;
    if (reason !== this.last) {
      if (reason) this.logger.warn(`mail down: ${reason}`);
      else this.logger.log('mail up again');
      this.last = reason;
    }
    return state.down ? check.down(state.details) : check.up(state.details);
  }

  private async state(): Promise<MailState> {
    const server = smtpServerLabel(this.config.smtpUrl);
    const [refused, waiting] = await Promise.all([this.probe(), this.waiting()]);
    if (refused) return { down: true, details: { server, message: refused } };
    if (waiting.count > 0) {
      return {
        down: true,
        details: {
          server,
          waiting: waiting.count,
          message: `${waiting.count} mail(s) waiting for a retry; last error: ${waiting.lastError ?? 'unknown'}`,
        },
      };
    }
    return { down: false, details: { server } };
  }

  /** Why the SMTP server refuses us now (`<fault>: <reply>`), or null when it would take mail. */
  private probe(): Promise<string | null> {
    const now = Date.now();
    if (this.probed && now - this.probed.at < PROBE_TTL_MS) return this.probed.result;
    const verify = this.mailer.verify?.() ?? Promise.resolve();
    const result = withTimeout(verify).then(
      () => null,
      (err: unknown) => {
        const e = toMailDeliveryError(err);
        return `${e.fault}: ${e.message}`;
      },
    );
    this.probed = { at: now, result };
    return result;
  }

  /** Mails waiting for a retry; none counted when the database does not answer (its own check). */
  private async waiting(): Promise<{ count: number; lastError: string | null }> {
    const rows = await withTimeout(
      this.db.query<{ count: number; last_error: string | null }[]>(
        `SELECT count(*)::int AS count,
                (array_agg(last_error ORDER BY created_at DESC))[1] AS last_error
           FROM mail_log
          WHERE status = 'sending' AND last_error IS NOT NULL
            AND created_at > now() - interval '${WAITING_WINDOW}'`,
      ),
    ).catch(() => []);
    const row = rows[0];
    return { count: row?.count ?? 0, lastError: row?.last_error ?? null };
  }
}
