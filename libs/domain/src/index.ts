/** The pure domain library: no Nest, TypeORM, Temporal, Node built-ins, clock or randomness. */
export * from './errors';
export * from './text/capitalised';
export * from './time/civil-date';
export * from './calendar/working-calendar';
export * from './calendar/digest-days';
export * from './calendar/due-day';
export * from './reminders/duration';
export * from './reminders/schedule';
export * from './reminders/recurrence';
export * from './reminders/escalation';
export * from './status/item-status';
export * from './status/overdue';
export * from './status/pending-return';
export * from './notice';
export * from './risk/late-risk';
