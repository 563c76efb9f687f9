import {
  ConfigError,
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  DEFAULT_RECONCILE_INTERVAL_SECONDS,
  DEV_LINK_SIGNING_SECRET,
  loadConfig,
} from './app-config';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://dondoc:dondoc@127.0.0.1:5433/dondoc');
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'dondoc-items',
      apiKey: undefined,
      tls: false,
    });
  });

  it('signs mail links with an obvious development secret unless LINK_SIGNING_SECRET is set', () => {
    expect(loadConfig({}).linkSigningSecret).toBe(DEV_LINK_SIGNING_SECRET);
    expect(DEV_LINK_SIGNING_SECRET).toMatch(/dev.*not-for-production/);
    expect(loadConfig({ LINK_SIGNING_SECRET: 's3cret' }).linkSigningSecret).toBe('s3cret');
  });

  it('turns TLS on when an API key is given (Temporal Cloud)', () => {
    expect(loadConfig({ TEMPORAL_API_KEY: 'k' }).temporal.tls).toBe(true);
  });

  it('names every invalid variable instead of crashing later', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' })).toThrow(
      /PORT.*DATABASE_URL|DATABASE_URL.*PORT/,
    );
  });

  it('defaults the idle timeout to 30 minutes and reads AUTH_IDLE_TIMEOUT_SECONDS', () => {
    expect(DEFAULT_IDLE_TIMEOUT_SECONDS).toBe(1800);
    expect(loadConfig({}).auth.idleTimeoutSeconds).toBe(1800);
    expect(loadConfig({ AUTH_IDLE_TIMEOUT_SECONDS: '900' }).auth.idleTimeoutSeconds).toBe(900);
    expect(loadConfig({ AUTH_IDLE_TIMEOUT_SECONDS: '60' }).auth.idleTimeoutSeconds).toBe(60);
  });

  it('defaults the audit retention to 365 days and reads AUDIT_RETENTION_DAYS', () => {
    expect(DEFAULT_AUDIT_RETENTION_DAYS).toBe(365);
    expect(loadConfig({}).auditRetentionDays).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '30' }).auditRetentionDays).toBe(30);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '1' }).auditRetentionDays).toBe(1);
  });

  it('sends the digests at 07:30 and 08:00 unless told another time, or off', () => {
    expect(loadConfig({}).digests).toEqual({
      dailyAt: { hour: 7, minute: 30 },
      weeklyAt: { hour: 8, minute: 0 },
    });
    expect(loadConfig({ DIGEST_DAILY_AT: '6:05', DIGEST_WEEKLY_AT: 'off' }).digests).toEqual({
      dailyAt: { hour: 6, minute: 5 },
      weeklyAt: null,
    });
    for (const bad of ['7h30', '24:00', '07:60', '']) {
      expect(() => loadConfig({ DIGEST_DAILY_AT: bad })).toThrow(/DIGEST_DAILY_AT/);
    }
  });

  it('reconciles every 5 minutes unless RECONCILE_INTERVAL_SECONDS says otherwise', () => {
    expect(DEFAULT_RECONCILE_INTERVAL_SECONDS).toBe(300);
    expect(loadConfig({}).reconcileIntervalSeconds).toBe(300);
    expect(loadConfig({ RECONCILE_INTERVAL_SECONDS: '60' }).reconcileIntervalSeconds).toBe(60);
  });

  it.each([
    ['AUTH_IDLE_TIMEOUT_SECONDS', ['abc', '59', '0', '-5', '90.5', '1e3', '']],
    ['AUDIT_RETENTION_DAYS', ['abc', '0', '-1', '7.5', '1e2', '']],
    ['RECONCILE_INTERVAL_SECONDS', ['abc', '9', '0', '-5', '60.5', '']],
  ])('refuses a %s that is not a whole number within bounds, naming it', (name, values) => {
    for (const value of values) {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be a whole`));
    }
  });
});
