import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-error.response';
import { AuditEntryResponse, ListAuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

const TOTAL_COUNT_HEADER = 'X-Total-Count';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('secretariat')
  @ApiOkResponse({
    type: [AuditEntryResponse],
    description: 'Newest first, one page (limit/offset)',
    headers: {
      [TOTAL_COUNT_HEADER]: {
        description: 'Entries matching the filter',
        schema: { type: 'integer' },
      },
    },
  })
  @ApiErrors(400, 401, 403)
  async list(
    @Query() q: ListAuditQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEntryResponse[]> {
    const { total, entries } = await this.audit.list({
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    res.setHeader(TOTAL_COUNT_HEADER, String(total));
    return entries;
  }
}
