import { ConfigError, DEV_LINK_SIGNING_SECRET, loadConfig } from './app-config';
import { productionProblems } from './production-checks';

const ready = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://dondoc:Xk2-9qLm@db.internal:5432/dondoc',
  SMTP_URL: 'smtps://dondoc:mail-secret@smtp.tinh.gov.vn:465',
  MAIL_FROM: 'Đôn Đốc <dondoc@tinh.gov.vn>',
  SECRETARIAT_EMAIL: 'vanphong@tinh.gov.vn',
  COMMITTEE_HEAD_EMAIL: 'truongban@tinh.gov.vn',
  PUBLIC_BASE_URL: 'https://dondoc.tinh.gov.vn',
  LINK_SIGNING_SECRET: 'a'.repeat(16) + 'b'.repeat(16),
};

const problemsOf = (env: Record<string, string | undefined>) =>
  productionProblems(env, DEV_LINK_SIGNING_SECRET);

describe('productionProblems', () => {
  it('accepts an environment that sets every production variable', () => {
    expect(problemsOf(ready)).toEqual([]);
    expect(loadConfig(ready).nodeEnv).toBe('production');
  });

  it('names every development default that an empty environment would use', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    for (const name of [
      'DATABASE_URL',
      'LINK_SIGNING_SECRET',
      'PUBLIC_BASE_URL',
      'SMTP_URL',
      'MAIL_FROM',
      'SECRETARIAT_EMAIL',
      'COMMITTEE_HEAD_EMAIL',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it.each([
    ['DATABASE_URL', 'postgres://dondoc:dondoc@db:5432/dondoc', 'development credentials'],
    ['DATABASE_URL', 'postgres://app@db:5432/dondoc', 'no password'],
    ['LINK_SIGNING_SECRET', DEV_LINK_SIGNING_SECRET, 'public development secret'],
    ['LINK_SIGNING_SECRET', 'short', 'shorter than 32'],
    ['PUBLIC_BASE_URL', 'dondoc.tinh.gov.vn', 'not an http(s) URL'],
    ['SEED_PASSWORD', 'dondoc-dev', 'public development password'],
    ['MAIL_FROM', 'Đôn Đốc <dondoc@dondoc.local>', 'real address'],
    ['SECRETARIAT_EMAIL', 'secretariat@DONDOC.local', 'real address'],
  ])('refuses %s=%s', (name, value, why) => {
    const problems = problemsOf({ ...ready, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(why);
  });

  it('makes loadConfig throw a ConfigError naming the variables, in production only', () => {
    const env = { ...ready, LINK_SIGNING_SECRET: undefined, PUBLIC_BASE_URL: '' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /^Refusing to start with NODE_ENV=production: LINK_SIGNING_SECRET .*; PUBLIC_BASE_URL /,
    );
    expect(loadConfig({ ...env, NODE_ENV: 'development' }).nodeEnv).toBe('development');
  });

  it('never repeats a credential in its message', () => {
    const env = {
      ...ready,
      DATABASE_URL: 'postgres://dondoc:dondoc@db/x',
      SEED_PASSWORD: 'dondoc-dev',
    };
    const message = problemsOf(env).join(' ');
    expect(message).not.toContain('mail-secret');
    expect(message).not.toContain('Xk2-9qLm');
  });
});
