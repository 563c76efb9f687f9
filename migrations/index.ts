import type { MixedList } from 'typeorm';
import { InitialSchema1795406071563 } from './1795406071563-InitialSchema';
import { ItemPosition1796195176022 } from './1796195176022-ItemPosition';
import { ItemDeadlineVersion1796198768831 } from './1796198768831-ItemDeadlineVersion';
import { AccountsAndAudit1796290000000 } from './1796290000000-AccountsAndAudit';
import { ReportPeriods1796400000000 } from './1796400000000-ReportPeriods';
import { ItemOrderInNotice1796500000000 } from './1796500000000-ItemOrderInNotice';

/** Every migration, in order. Generated with `npm run migration:generate`, then reviewed. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
export const MIGRATIONS: MixedList<Function> = [
  InitialSchema1795406071563,
  ItemPosition1796195176022,
  ItemDeadlineVersion1796198768831,
  AccountsAndAudit1796290000000,
  ReportPeriods1796400000000,
  ItemOrderInNotice1796500000000,
];
