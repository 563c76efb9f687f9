import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, In, Repository } from 'typeorm';
import { AgencyEntity, toAgencyRef } from '../../../../libs/persistence/src';
import { ApiError } from '../common/api-error';
import { agencyInMessage } from '../common/agency-in-message';
import { cleanAliases, spellingClash } from './agency-rules';
import type { AgencyResponse, CreateAgencyDto, UpdateAgencyDto } from './agencies.dto';

export { toAgencyRef };

export const toAgencyResponse = (a: AgencyEntity): AgencyResponse => ({
  code: a.code,
  name: a.name,
  aliases: a.aliases,
  contactEmail: a.contactEmail,
  headEmail: a.headEmail,
  active: a.active,
});

const agencyNotFound = (): ApiError =>
  ApiError.notFound('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.');

/** The agency directory as stored (per province, editable by the secretariat), by code. */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
  ) {}

  all(): Promise<AgencyEntity[]> {
    return this.agencies.find({ order: { code: 'ASC' } });
  }

  /**
   * Every code resolved for a new assignment, in the order given: 400 UNKNOWN_AGENCY naming the
   * codes that are not in the directory, 400 AGENCY_INACTIVE for a deactivated agency.
   */
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
    const stopped = found.filter((a) => !a.active);
    if (stopped.length > 0) {
      const named = stopped.map(agencyInMessage).join(', ');
      throw ApiError.badRequest(
        'AGENCY_INACTIVE',
        `${named} đã ngừng hoạt động; không giao được nhiệm vụ mới.`,
        { inactive: stopped.map((a) => a.code) },
      );
    }
    return codes.map((c) => byCode.get(c) as AgencyEntity);
  }

  async namesByCode(): Promise<Map<string, string>> {
    const rows = await this.agencies.find({ select: { code: true, name: true } });
    return new Map(rows.map((a) => [a.code, a.name]));
  }

  async create(dto: CreateAgencyDto): Promise<AgencyResponse> {
    const agency = this.agencies.create({
      code: dto.code,
      name: dto.name,
      aliases: cleanAliases(dto.name, dto.aliases ?? []),
      contactEmail: dto.contactEmail.toLowerCase(),
      headEmail: dto.headEmail?.toLowerCase() ?? null,
      active: true,
    });
    return this.db.transaction(async (em) => {
      // One directory change at a time: two new agencies cannot take the same spelling.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['dondoc:agencies']);
      if (await em.existsBy(AgencyEntity, { code: dto.code })) {
        throw ApiError.conflict('AGENCY_CODE_TAKEN', `Đã có cơ quan mã ${dto.code}.`);
      }
      this.refuseClash(agency, await em.find(AgencyEntity));
      await em.insert(AgencyEntity, agency);
      return toAgencyResponse(await em.findOneByOrFail(AgencyEntity, { code: dto.code }));
    });
  }

  /** Renames, changes aliases or addresses, deactivates or reactivates; items are untouched. */
  async update(code: string, dto: UpdateAgencyDto): Promise<AgencyResponse> {
    return this.db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['dondoc:agencies']);
      const agency = await em.findOneBy(AgencyEntity, { code });
      if (!agency) throw agencyNotFound();
      const name = dto.name ?? agency.name;
      const next: AgencyEntity = {
        ...agency,
        name,
        aliases: cleanAliases(name, dto.aliases ?? agency.aliases),
        contactEmail: dto.contactEmail?.toLowerCase() ?? agency.contactEmail,
        headEmail:
          dto.headEmail === undefined ? agency.headEmail : (dto.headEmail?.toLowerCase() ?? null),
        active: dto.active ?? agency.active,
      };
      this.refuseClash(next, await em.find(AgencyEntity));
      await em.update(
        AgencyEntity,
        { code },
        {
          name: next.name,
          aliases: next.aliases,
          contactEmail: next.contactEmail,
          headEmail: next.headEmail,
          active: next.active,
        },
      );
      return toAgencyResponse(await em.findOneByOrFail(AgencyEntity, { code }));
    });
  }

  /** Clashes count against every agency, deactivated ones too: they may come back. */
  private refuseClash(agency: AgencyEntity, all: readonly AgencyEntity[]): void {
    const clash = spellingClash(agency, all);
    if (clash) {
      throw ApiError.conflict(
        'AGENCY_NAME_TAKEN',
        `"${clash.spelling}" đã là tên hoặc tên gọi khác của cơ quan mã ${clash.otherCode}.`,
        clash,
      );
    }
  }
}
