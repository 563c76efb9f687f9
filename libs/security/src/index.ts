export * from './password';
export * from './password-policy';
export * from './password-token';
export * from './session-policy';
export * from './account-rules';
export * from './item-link';
export * from './failed-attempts';
