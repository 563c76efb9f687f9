export * from './app-config';
export * from './config.module';
export { DEV_SEED_DOMAIN, DEV_SEED_PASSWORD, productionProblems } from './production-checks';
