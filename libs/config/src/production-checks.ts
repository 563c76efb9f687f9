/**
 * What `NODE_ENV=production` refuses: every development default that would otherwise be used
 * silently (issue 9). Each problem names its variable, so an operator knows what to set.
 */

/** The embedded PostgreSQL's user and password (`npm start`): public, so never in production. */
const DEV_DATABASE_CREDENTIALS = { user: 'dondoc', password: 'dondoc' } as const;
export const DEV_SEED_PASSWORD = 'dondoc-dev';
/** The development seed's mail domain: its accounts share the public seed password. */
export const DEV_SEED_DOMAIN = 'dondoc.local';
const MIN_LINK_SECRET_LENGTH = 32;

type Env = Readonly<Record<string, string | undefined>>;

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function databaseProblem(value: string | undefined): string | null {
  if (blank(value)) {
    return 'DATABASE_URL is not set (the embedded development database would be used)';
  }
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return null; // loadConfig's own validation names a malformed URL
  }
  const { user, password } = DEV_DATABASE_CREDENTIALS;
  if (decodeURIComponent(url.username) === user && decodeURIComponent(url.password) === password) {
    return 'DATABASE_URL uses the development credentials dondoc:dondoc';
  }
  if (url.password === '') return 'DATABASE_URL has no password';
  return null;
}

function linkSecretProblem(value: string | undefined, devSecret: string): string | null {
  if (blank(value)) {
    return 'LINK_SIGNING_SECRET is not set (mail links would be signed with a public key)';
  }
  if (value === devSecret) return 'LINK_SIGNING_SECRET is the public development secret';
  if ((value as string).length < MIN_LINK_SECRET_LENGTH) {
    return `LINK_SIGNING_SECRET is shorter than ${MIN_LINK_SECRET_LENGTH} characters`;
  }
  return null;
}

function publicUrlProblem(value: string | undefined): string | null {
  if (blank(value)) return 'PUBLIC_BASE_URL is not set (mails would link to http://localhost)';
  if (!/^https?:\/\/[^/]/.test(value as string)) return 'PUBLIC_BASE_URL is not an http(s) URL';
  return null;
}

const inSeedDomain = (address: string | undefined): boolean =>
  (address ?? '').toLowerCase().trim().endsWith(`@${DEV_SEED_DOMAIN}`);

/** Every reason this environment is not fit for production; empty when it is. */
export function productionProblems(env: Env, devLinkSecret: string): string[] {
  const problems = [
    databaseProblem(env.DATABASE_URL),
    linkSecretProblem(env.LINK_SIGNING_SECRET, devLinkSecret),
    publicUrlProblem(env.PUBLIC_BASE_URL),
    env.SEED_PASSWORD === DEV_SEED_PASSWORD
      ? 'SEED_PASSWORD is the public development password'
      : null,
    blank(env.SMTP_URL)
      ? 'SMTP_URL is not set (mail would go to the development catcher on 127.0.0.1:1025)'
      : null,
  ];
  for (const name of ['MAIL_FROM', 'SECRETARIAT_EMAIL', 'COMMITTEE_HEAD_EMAIL'] as const) {
    if (blank(env[name]) || inSeedDomain(env[name]?.replace(/^.*<|>.*$/g, ''))) {
      problems.push(`${name} is not set to a real address (the default is @${DEV_SEED_DOMAIN})`);
    }
  }
  return problems.filter((p): p is string => p !== null);
}
