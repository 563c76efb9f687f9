import { bannerLogins, withoutCredentials } from './banner';

describe('the start banner', () => {
  it('never prints the credentials in a URL', () => {
    const printed = withoutCredentials('smtps://dondoc:mail-secret@smtp.tinh.gov.vn:465');
    expect(printed).not.toContain('mail-secret');
    expect(printed).not.toContain('dondoc:');
    expect(printed).toBe('smtps://***@smtp.tinh.gov.vn:465');
    expect(withoutCredentials('smtp://127.0.0.1:1025')).toBe('smtp://127.0.0.1:1025');
    expect(withoutCredentials('127.0.0.1:7233')).toBe('127.0.0.1:7233');
  });

  it('prints the public development password only, never a chosen one, and no logins in production', () => {
    expect(bannerLogins({}).join('\n')).toContain('"dondoc-dev"');
    const chosen = bannerLogins({ SEED_PASSWORD: 'Tinh-2026!' }).join('\n');
    expect(chosen).not.toContain('Tinh-2026!');
    expect(chosen).toContain('SEED_PASSWORD');
    expect(bannerLogins({ NODE_ENV: 'production' })).toEqual([]);
  });
});
