export * from './password';
export * from './item-link';
export * from './failed-attempts';
