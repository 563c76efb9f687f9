import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;
const auth = () => ({ Authorization: `Bearer ${secretariat}` });

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

/** The seed notice repeated to exactly `chars` characters. */
function noticeOf(chars: number): string {
  const seed = readFileSync(
    join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
    'utf8',
  );
  return seed.repeat(Math.ceil(chars / seed.length)).slice(0, chars);
}

describe('HTTP hardening', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const res = await stack.http().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows no cross-origin caller by default', async () => {
    const res = await stack
      .http()
      .options('/api/items')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a large body on an ordinary route with 413 and a code', async () => {
    const res = await stack
      .http()
      .post('/api/auth/login')
      .send({ email: 'secretariat@dondoc.local', password: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((res.body as { message: string }).message).toMatch(/quá lớn/);
  });

  it('answers malformed JSON with 400 and a code, not a 500', async () => {
    const res = await stack
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
  });

  it('accepts a notice of 500,000 characters (NFD, the largest byte size) and refuses a body over 4 MB', async () => {
    const text = noticeOf(500_000).normalize('NFD');
    const ok = await stack
      .http()
      .post('/api/notices/preview')
      .set(auth())
      .send({ text: text.slice(0, 500_000) });
    expect(ok.status).toBe(200);
    expect((ok.body as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const tooBig = await stack
      .http()
      .post('/api/notices/preview')
      .set(auth())
      .send({ text: 'đ'.repeat(2_200_000) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  }, 60_000);
});
