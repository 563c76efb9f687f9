export * from './password';
export * from './item-link';
