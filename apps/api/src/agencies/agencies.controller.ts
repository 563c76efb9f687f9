import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-error.response';
import { AgenciesService } from './agencies.service';

export class AgencyResponse {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
}

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOkResponse({ type: [AgencyResponse] })
  @ApiErrors(401)
  async list(): Promise<AgencyResponse[]> {
    return (await this.agencies.all()).map((a) => ({ code: a.code, name: a.name }));
  }
}
