import { Global, Module } from '@nestjs/common';
import { ConfigError, loadConfig, type AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * A process cannot run on a bad configuration: say which variables, in one line an operator
 * reads, and exit (Nest would print the error inside a stack trace of its injector).
 */
function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: loadConfigOrExit }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
