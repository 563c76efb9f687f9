import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-error.response';
import { AgencyResponse, CreateAgencyDto, UpdateAgencyDto } from './agencies.dto';
import { AgenciesService, toAgencyResponse } from './agencies.service';

export { AgencyResponse } from './agencies.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({ summary: 'The agency directory, deactivated agencies included (by code)' })
  @ApiOkResponse({ type: [AgencyResponse] })
  @ApiErrors(401)
  async list(): Promise<AgencyResponse[]> {
    return (await this.agencies.all()).map(toAgencyResponse);
  }

  @Post()
  @Roles('secretariat')
  @ApiOperation({ summary: 'Adds an agency; its name and aliases feed the notice parser' })
  @ApiCreatedResponse({ type: AgencyResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.create(dto);
  }

  @Patch(':code')
  @Roles('secretariat')
  @ApiOperation({
    summary:
      'Renames, sets aliases or addresses, deactivates (no new items; its items and history stay) or reactivates',
  })
  @ApiOkResponse({ type: AgencyResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@Param('code') code: string, @Body() dto: UpdateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.update(code, dto);
  }
}
