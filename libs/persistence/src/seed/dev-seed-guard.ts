import type { DataSource } from 'typeorm';
import { DEV_SEED_DOMAIN } from '../../../config/src/production-checks';
import { UserEntity } from '../entities/user.entity';

/**
 * The development seed's accounts (`…@dondoc.local`) all share the public seed password, so a
 * production database that holds any of them is open to anyone who has read the README.
 * Returns how many there are.
 */
export async function countDevSeedAccounts(dataSource: DataSource): Promise<number> {
  return dataSource
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('lower(u.email) LIKE :domain', { domain: `%@${DEV_SEED_DOMAIN}` })
    .getCount();
}
