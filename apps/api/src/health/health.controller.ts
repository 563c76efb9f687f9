import { Controller, Get, Req, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { bearerToken } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { HealthViewers } from './health-viewers';
import { MailHealthIndicator } from './mail.health';
import { TemporalHealthIndicator } from './temporal.health';

/**
 * 200 only when PostgreSQL and Temporal answer, a worker polls and mail goes out; 503 when one of
 * them is down (`mail: down` while the SMTP server refuses us or mails wait for a retry, ADR 0018).
 * Without a valid token it says up or down and nothing else: what is down, and why, helps an
 * attacker as much as an operator (issue 9); while the database is down, a token found valid
 * shortly before still counts (HealthViewers).
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
    private readonly viewers: HealthViewers,
  ) {}

  @Get()
  @HealthCheck()
  // Bearer or none (OpenAPI `security: [{bearer: []}, {}]`): without a token it says up or down.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOkResponse({ description: '`{status: "ok"}`; with a valid bearer token, each check too' })
  @ApiResponse({ status: 503, description: 'Something is down; named only with a valid token' })
  async check(@Req() req: Request) {
    const detailed = await this.viewers.mayReadDetails(bearerToken(req.headers.authorization));
    try {
      const report = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 3000 }),
        () => this.temporal.temporal(),
        () => this.temporal.worker(),
        () => this.mail.mail(),
      ]);
      return detailed ? report : { status: report.status };
    } catch (err) {
      if (detailed || !(err instanceof ServiceUnavailableException)) throw err;
      throw new ApiError(503, 'UNHEALTHY', 'Hệ thống chưa sẵn sàng.');
    }
  }
}
