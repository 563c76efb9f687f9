export * from './item-list.query';
export * from './item-read.repository';
export * from './item-reports';
export * from './item-start.repository';
export * from './item-workflow-input';
export * from './item.mapper';
export * from './overdue.sql';
export * from './item-scorecard';
