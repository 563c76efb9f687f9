import { DEV_SEED_PASSWORD } from '../../config/src/production-checks';

/** A URL as the banner may print it: any user name and password replaced by "***". */
export function withoutCredentials(address: string): string {
  try {
    const url = new URL(address);
    if (url.username === '' && url.password === '') return address;
    url.username = '***';
    url.password = '';
    return url.toString();
  } catch {
    return address; // host:port, not a URL
  }
}

/**
 * The seed's logins for the banner. The password is printed only when it is the public
 * development default (it is in the README); a SEED_PASSWORD someone chose is never printed,
 * and production has no seed.
 */
export function bannerLogins(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV === 'production') return [];
  const password =
    env.SEED_PASSWORD === undefined
      ? `password "${DEV_SEED_PASSWORD}"`
      : 'password: the value of SEED_PASSWORD';
  return [
    `   Logins (${password}):`,
    '   secretariat@dondoc.local   secretariat',
    '   head@dondoc.local          committee head',
    '   stc@dondoc.local           agency Sở Tài chính (one per agency: <code>@dondoc.local)',
    '',
  ];
}
