import { ConfigError, DEV_LINK_SIGNING_SECRET, loadConfig } from './app-config';

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
});
