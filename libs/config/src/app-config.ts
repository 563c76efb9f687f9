import { bool, cleanEnv, EnvError, makeExactValidator, num, port, str, url } from 'envalid';
import { DEV_SEED_PASSWORD, productionProblems } from './production-checks';

/** Defaults of the embedded development stack (`npm start`); production sets every URL. */
export const DEV_DEFAULTS = {
  port: 3000,
  postgresPort: 5433,
  temporalPort: 7233,
  temporalUiPort: 8233,
  smtpPort: 1025,
  mailUiPort: 1080,
} as const;

export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly temporal: {
    readonly address: string;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly apiKey: string | undefined;
    readonly tls: boolean;
  };
  readonly auth: {
    /** A session's absolute lifetime. */
    readonly tokenTtlSeconds: number;
    /**
     * A session unused this long is ended (401 SESSION_IDLE). 30 minutes by default: NIST SP
     * 800-63B asks re-authentication after 30 minutes of inactivity at AAL2, and OWASP's session
     * cheat sheet puts low-risk applications at 15–30 minutes; shorter would log out an agency
     * officer typing a long progress report (ADR 0020).
     */
    readonly idleTimeoutSeconds: number;
  };
  /** Audit log entries older than this many days are deleted (ADR 0020, "Retention"). */
  readonly auditRetentionDays: number;
  /**
   * How often the worker's Temporal Schedule restores the items whose workflow is missing
   * (ADR 0022), in seconds; it also runs once at every worker start.
   */
  readonly reconcileIntervalSeconds: number;
  readonly seedPassword: string;
  /** Addresses that receive escalations beyond the lead agency. */
  readonly secretariatEmail: string;
  /** The secretariat as mails and pages name it ("Văn phòng Ban Chỉ đạo"); OFFICE_NAME. */
  readonly officeName: string;
  readonly committeeHeadEmail: string;
  /**
   * The digests' hours (UTC+7; issue 11): the secretariat's on every working day, the head's and
   * the agencies' on Mondays that are working days. Their recipients: the two addresses above and
   * each agency's contact address. null ("off"): no Schedule for those digests.
   */
  readonly digests: { readonly dailyAt: TimeOfDay | null; readonly weeklyAt: TimeOfDay | null };
  readonly publicBaseUrl: string;
  /** HMAC key of the login-free links in the lead agency's mails (ADR 0011). */
  readonly linkSigningSecret: string;
  /** Origins allowed to call the API from a browser page of theirs; none by default (same origin). */
  readonly corsOrigins: readonly string[];
  /**
   * Express's `trust proxy` (e.g. "loopback", "10.0.0.0/8", "1"): behind a reverse proxy, so that
   * the client's address (login throttling, audit) is read from X-Forwarded-For. Empty: none.
   */
  readonly trustProxy: string;
}

/**
 * The development and test default of LINK_SIGNING_SECRET: public, so links signed with it
 * prove nothing; production refuses it (production-checks.ts).
 */
export const DEV_LINK_SIGNING_SECRET = 'dondoc-dev-link-secret-not-for-production';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The default idle timeout of a session (AUTH_IDLE_TIMEOUT_SECONDS), 30 minutes. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 30 * 60;
/** The default retention of the audit log (AUDIT_RETENTION_DAYS), one year. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
/** The default interval of the reconciler's Schedule (RECONCILE_INTERVAL_SECONDS), 5 minutes. */
export const DEFAULT_RECONCILE_INTERVAL_SECONDS = 5 * 60;

export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** "07:30" (a time of day, 00:00 to 23:59) or "off", checked; read by `timeOfDay`. */
const timeOfDayOrOff = makeExactValidator<string>((input) => {
  const value = input.trim();
  if (value !== 'off' && !/^([01]?[0-9]|2[0-3]):[0-5][0-9]$/.test(value)) {
    throw new EnvError('must be a time of day HH:MM, e.g. 07:30, or off');
  }
  return value;
});

const timeOfDay = (value: string): TimeOfDay | null => {
  if (value === 'off') return null;
  const [hour, minute] = value.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
};

/** A whole number, at least `min` (envalid's num() takes 1.5 and 1e3). */
const wholeAtLeast = (min: number) =>
  makeExactValidator<number>((input) => {
    const n = Number(input.trim());
    if (!/^[0-9]+$/.test(input.trim()) || n < min) {
      throw new EnvError(`must be a whole number, at least ${min}`);
    }
    return n;
  });

/**
 * Reads and validates the environment once; throws ConfigError naming every bad variable, and,
 * with NODE_ENV=production, every development default that would be used.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env.NODE_ENV === 'production') {
    const problems = productionProblems(env, DEV_LINK_SIGNING_SECRET);
    if (problems.length > 0) {
      throw new ConfigError(`Refusing to start with NODE_ENV=production: ${problems.join('; ')}.`);
    }
  }
  const clean = cleanEnv(
    env,
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      PORT: port({ default: DEV_DEFAULTS.port }),
      DATA_DIR: str({ default: './.data' }),
      DATABASE_URL: url({
        default: `postgres://dondoc:dondoc@127.0.0.1:${DEV_DEFAULTS.postgresPort}/dondoc`,
      }),
      SMTP_URL: url({ default: `smtp://127.0.0.1:${DEV_DEFAULTS.smtpPort}` }),
      MAIL_FROM: str({ default: 'Đôn Đốc <dondoc@dondoc.local>' }),
      TEMPORAL_ADDRESS: str({ default: `127.0.0.1:${DEV_DEFAULTS.temporalPort}` }),
      TEMPORAL_NAMESPACE: str({ default: 'default' }),
      TEMPORAL_TASK_QUEUE: str({ default: 'dondoc-items' }),
      TEMPORAL_API_KEY: str({ default: '' }),
      TEMPORAL_TLS: bool({ default: false }),
      AUTH_TOKEN_TTL_SECONDS: num({ default: 8 * 3600 }),
      AUTH_IDLE_TIMEOUT_SECONDS: wholeAtLeast(60)({ default: DEFAULT_IDLE_TIMEOUT_SECONDS }),
      AUDIT_RETENTION_DAYS: wholeAtLeast(1)({ default: DEFAULT_AUDIT_RETENTION_DAYS }),
      RECONCILE_INTERVAL_SECONDS: wholeAtLeast(10)({
        default: DEFAULT_RECONCILE_INTERVAL_SECONDS,
      }),
      SEED_PASSWORD: str({ default: DEV_SEED_PASSWORD }),
      SECRETARIAT_EMAIL: str({ default: 'secretariat@dondoc.local' }),
      OFFICE_NAME: str({ default: 'Văn phòng UBND tỉnh' }),
      COMMITTEE_HEAD_EMAIL: str({ default: 'head@dondoc.local' }),
      DIGEST_DAILY_AT: timeOfDayOrOff({ default: '07:30' }),
      DIGEST_WEEKLY_AT: timeOfDayOrOff({ default: '08:00' }),
      PUBLIC_BASE_URL: str({ default: '' }),
      LINK_SIGNING_SECRET: str({ default: DEV_LINK_SIGNING_SECRET }),
      CORS_ORIGINS: str({ default: '' }),
      TRUST_PROXY: str({ default: '' }),
    },
    {
      reporter: ({ errors }) => {
        const entries = Object.entries(errors) as [string, Error | undefined][];
        if (entries.length > 0) {
          const detail = entries.map(([n, e]) => `${n}: ${e?.message ?? 'invalid'}`);
          throw new ConfigError(`Invalid configuration: ${detail.join('; ')}`);
        }
      },
    },
  );
  const nodeEnv = clean.NODE_ENV;
  return {
    nodeEnv,
    port: clean.PORT,
    dataDir: clean.DATA_DIR,
    databaseUrl: clean.DATABASE_URL,
    smtpUrl: clean.SMTP_URL,
    mailFrom: clean.MAIL_FROM,
    temporal: {
      address: clean.TEMPORAL_ADDRESS,
      namespace: clean.TEMPORAL_NAMESPACE,
      taskQueue: clean.TEMPORAL_TASK_QUEUE,
      apiKey: clean.TEMPORAL_API_KEY === '' ? undefined : clean.TEMPORAL_API_KEY,
      tls: clean.TEMPORAL_TLS || clean.TEMPORAL_API_KEY !== '',
    },
    auth: {
      tokenTtlSeconds: clean.AUTH_TOKEN_TTL_SECONDS,
      idleTimeoutSeconds: clean.AUTH_IDLE_TIMEOUT_SECONDS,
    },
    auditRetentionDays: clean.AUDIT_RETENTION_DAYS,
    reconcileIntervalSeconds: clean.RECONCILE_INTERVAL_SECONDS,
    seedPassword: clean.SEED_PASSWORD,
    secretariatEmail: clean.SECRETARIAT_EMAIL,
    officeName: clean.OFFICE_NAME.trim() || 'Văn phòng UBND tỉnh',
    committeeHeadEmail: clean.COMMITTEE_HEAD_EMAIL,
    digests: {
      dailyAt: timeOfDay(clean.DIGEST_DAILY_AT),
      weeklyAt: timeOfDay(clean.DIGEST_WEEKLY_AT),
    },
    publicBaseUrl: clean.PUBLIC_BASE_URL || `http://localhost:${clean.PORT}`,
    linkSigningSecret: clean.LINK_SIGNING_SECRET,
    corsOrigins: clean.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
    trustProxy: clean.TRUST_PROXY.trim(),
  };
}
