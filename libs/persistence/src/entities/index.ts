import { AgencyEntity } from './agency.entity';
import { AuditLogEntity } from './audit-log.entity';
import { ItemEventEntity } from './item-event.entity';
import { ItemEntity } from './item.entity';
import { MailLogEntity } from './mail-log.entity';
import { NoticeEntity } from './notice.entity';
import { PasswordLinkEntity } from './password-link.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export * from './agency.entity';
export * from './audit-log.entity';
export * from './item-event.entity';
export * from './item.entity';
export * from './mail-log.entity';
export * from './notice.entity';
export * from './password-link.entity';
export * from './session.entity';
export * from './user.entity';

export const ENTITIES = [
  AgencyEntity,
  UserEntity,
  SessionEntity,
  NoticeEntity,
  ItemEntity,
  ItemEventEntity,
  MailLogEntity,
  PasswordLinkEntity,
  AuditLogEntity,
];
