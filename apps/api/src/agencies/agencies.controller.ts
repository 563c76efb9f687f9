import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgenciesService } from './agencies.service';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  async list(): Promise<{ code: string; name: string }[]> {
    return (await this.agencies.all()).map((a) => ({ code: a.code, name: a.name }));
  }
}
