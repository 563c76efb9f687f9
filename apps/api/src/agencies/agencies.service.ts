import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AgencyRef } from '../../../../libs/contracts/src';
import { AgencyEntity } from '../../../../libs/persistence/src';
import { ApiError } from '../common/api-error';

export const toAgencyRef = (a: AgencyEntity): AgencyRef => ({
  code: a.code,
  name: a.name,
  contactEmail: a.contactEmail,
  headEmail: a.headEmail,
});

/** The agency directory as stored (per province, editable), looked up by code. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
  ) {}

  all(): Promise<AgencyEntity[]> {
    return this.agencies.find({ order: { code: 'ASC' } });
  }

  /** Every code resolved, in the order given; 400 UNKNOWN_AGENCY naming the codes that are not. */
  async require(codes: readonly string[]): Promise<AgencyEntity[]> {
    const wanted = [...new Set(codes)];
    const found = wanted.length === 0 ? [] : await this.agencies.findBy({ code: In(wanted) });
    const byCode = new Map(found.map((a) => [a.code, a]));
    const missing = wanted.filter((c) => !byCode.has(c));
    if (missing.length > 0) {
      throw ApiError.badRequest(
        'UNKNOWN_AGENCY',
        `Không có cơ quan mã ${missing.join(', ')} trong danh mục.`,
        { missing },
      );
    }
    return codes.map((c) => byCode.get(c) as AgencyEntity);
  }

  async namesByCode(): Promise<Map<string, string>> {
    const rows = await this.agencies.find({ select: { code: true, name: true } });
    return new Map(rows.map((a) => [a.code, a.name]));
  }
}
