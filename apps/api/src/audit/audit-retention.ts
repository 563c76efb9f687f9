import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';

/** Retention is counted in days: an hourly pass keeps the table within an hour of its bound. */
export const AUDIT_PURGE_EVERY_MS = 60 * 60_000;
/** Rows deleted per statement: short transactions, no long lock on a table the API writes. */
export const AUDIT_PURGE_BATCH = 5_000;

/**
 * Deletes audit log entries older than AUDIT_RETENTION_DAYS (ADR 0020, "Retention"): once the API
 * has started, then every hour. The cut-off is the database's clock, not this host's, and each
 * batch skips the rows another process has locked, so several API processes may purge at once
 * without waiting on each other or deleting anything twice.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditRetention');
  private timers: NodeJS.Timeout[] = [];
  private pass: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => void this.purge().catch((err: unknown) => this.failed(err));
    this.timers = [setTimeout(run, 0), setInterval(run, AUDIT_PURGE_EVERY_MS)];
    for (const t of this.timers) t.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.pass?.catch(() => undefined);
  }

  /** One pass (joins the one under way); how many entries it deleted. */
  purge(): Promise<number> {
    this.pass ??= this.deleteExpired().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async deleteExpired(): Promise<number> {
    const days = this.config.auditRetentionDays;
    let deleted = 0;
    for (;;) {
      // [rows, affected] for a DELETE through TypeORM's PostgreSQL driver.
      const [, affected] = await this.db.query<[unknown, number]>(
        `DELETE FROM audit_log WHERE id IN (
           SELECT id FROM audit_log WHERE at < now() - make_interval(days => $1)
           ORDER BY at, id LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [days, AUDIT_PURGE_BATCH],
      );
      deleted += affected;
      if (affected < AUDIT_PURGE_BATCH) break;
    }
    if (deleted > 0) {
      this.logger.log(`Deleted ${deleted} audit log entries older than ${days} days`);
    }
    return deleted;
  }

  private failed(err: unknown): void {
    // The database is down, probably: the next pass tries again.
    this.logger.warn(
      `Audit log retention pass failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
