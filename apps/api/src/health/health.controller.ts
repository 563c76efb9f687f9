import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { MailHealthIndicator } from './mail.health';
import { TemporalHealthIndicator } from './temporal.health';

/**
 * 200 only when PostgreSQL and Temporal answer, a worker polls and mail goes out; 503 naming what
 * is down (`mail: down` while the SMTP server refuses us or mails wait for a retry, ADR 0018).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    private readonly mail: MailHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.temporal.temporal(),
      () => this.temporal.worker(),
      () => this.mail.mail(),
    ]);
  }
}
