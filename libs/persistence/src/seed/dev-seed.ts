import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import directory from '../../../domain/src/notice/default-agencies.json';
import { hashPassword } from '../../../security/src/password';
import { AgencyEntity } from '../entities/agency.entity';
import { UserEntity, type UserRole } from '../entities/user.entity';

export interface SeedSummary {
  readonly agencies: number;
  readonly users: { email: string; role: UserRole; agencyCode: string | null }[];
}

export const agencyContactEmail = (code: string): string => `${code.toLowerCase()}@dondoc.local`;
export const agencyHeadEmail = (code: string): string => `${code.toLowerCase()}-head@dondoc.local`;

/**
 * The development seed of contracts/http-api.md: every agency of the directory with its contact
 * and head addresses, the secretariat, the committee head and one user per agency. Idempotent:
 * existing rows are left as they are (a changed password survives a restart).
 */
export async function seedDevData(dataSource: DataSource, password: string): Promise<SeedSummary> {
  const passwordHash = await hashPassword(password);
  const agencies = directory.agencies.map((a) => ({
    code: a.code,
    name: a.name,
    aliases: a.aliases,
    contactEmail: agencyContactEmail(a.code),
    headEmail: agencyHeadEmail(a.code),
  }));
  const users: { email: string; displayName: string; role: UserRole; agencyCode: string | null }[] =
    [
      {
        email: 'secretariat@dondoc.local',
        displayName: 'Văn phòng UBND tỉnh (Thư ký)',
        role: 'secretariat',
        agencyCode: null,
      },
      {
        email: 'head@dondoc.local',
        displayName: 'Trưởng Ban Chỉ đạo',
        role: 'committee_head',
        agencyCode: null,
      },
      ...agencies.map((a) => ({
        email: a.contactEmail,
        displayName: a.name,
        role: 'agency' as const,
        agencyCode: a.code,
      })),
    ];
  await dataSource.transaction(async (em) => {
    await em.createQueryBuilder().insert().into(AgencyEntity).values(agencies).orIgnore().execute();
    await em
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(users.map((u) => ({ ...u, id: randomUUID(), passwordHash })))
      .orIgnore()
      .execute();
  });
  return {
    agencies: agencies.length,
    users: users.map(({ email, role, agencyCode }) => ({ email, role, agencyCode })),
  };
}
