export * from './accounts';
export * from './data-source-options';
export * from './entities';
export * from './items';
export * from './migrate';
export * from './persistence.module';
export * from './seed/dev-seed';
export * from './seed/dev-seed-guard';
