import { cleanEnv, num } from 'envalid';
import { ConfigError } from '../../../../libs/config/src';

/**
 * Session settings beyond libs/config's AUTH_TOKEN_TTL_SECONDS (absolute lifetime): the idle
 * timeout. 30 minutes: NIST SP 800-63B asks re-authentication after 30 minutes of inactivity at
 * AAL2, and OWASP's session cheat sheet puts low-risk applications at 15–30 minutes; shorter would
 * log out an agency officer typing a long progress report (ADR 0020).
 */
export interface AuthSettings {
  readonly idleTimeoutSeconds: number;
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 30 * 60;

export function loadAuthSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const clean = cleanEnv(
    env,
    { AUTH_IDLE_TIMEOUT_SECONDS: num({ default: DEFAULT_IDLE_TIMEOUT_SECONDS }) },
    {
      reporter: ({ errors }) => {
        if (Object.keys(errors).length > 0) {
          throw new ConfigError('Invalid configuration: AUTH_IDLE_TIMEOUT_SECONDS is not a number');
        }
      },
    },
  );
  const seconds = clean.AUTH_IDLE_TIMEOUT_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 60) {
    throw new ConfigError(
      'Invalid configuration: AUTH_IDLE_TIMEOUT_SECONDS must be a whole number of seconds, at least 60',
    );
  }
  return { idleTimeoutSeconds: seconds };
}

/** As libs/config does for its variables: one line an operator reads, then exit 78. */
export function loadAuthSettingsOrExit(): AuthSettings {
  try {
    return loadAuthSettings();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
}
