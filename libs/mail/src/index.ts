export * from './mailer';
export * from './mail.module';
export * from './templates/item-mail';
export * from './vn-format';
export * from './templates/account-mail';
export * from './templates/digest-mail';
export * from './calendar/item-invite';
export { itemPageUrl } from './templates/item-mail-labels';
