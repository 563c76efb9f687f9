export * from './mailer';
export * from './mail.module';
export * from './templates/item-mail';
export * from './vn-format';
