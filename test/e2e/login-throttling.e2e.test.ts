import type { Application } from 'express';
import { SEED_PASSWORD, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  // As behind the province's reverse proxy (TRUST_PROXY): the client is X-Forwarded-For.
  (stack.app.getHttpAdapter().getInstance() as Application).set('trust proxy', true);
}, 120_000);

afterAll(() => stack?.close());

const login = (email: string, password: string, client: string) =>
  stack.http().post('/api/auth/login').set('X-Forwarded-For', client).send({ email, password });

describe('login throttling (5 failures within 15 minutes)', () => {
  it('locks an address after five failures, from any client, with 429, a code and Retry-After', async () => {
    const clients = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    for (const client of clients) {
      const res = await login('stc@dondoc.local', 'sai-mat-khau', client);
      expect(res.status).toBe(401);
    }
    const locked = await login('stc@dondoc.local', SEED_PASSWORD, '203.0.113.6');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect((locked.body as { message: string }).message).toBe(
      'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau 15 phút.',
    );
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Another address is not affected.
    expect((await login('sxd@dondoc.local', SEED_PASSWORD, '203.0.113.6')).status).toBe(200);
  });

  it('locks a client after five failures, whatever the addresses it tries', async () => {
    const client = '198.51.100.7';
    for (const agency of ['sct', 'skhcn', 'stp', 'syt', 'sgddt']) {
      expect((await login(`${agency}@dondoc.local`, 'sai-mat-khau', client)).status).toBe(401);
    }
    const locked = await login('head@dondoc.local', SEED_PASSWORD, client);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    // The same user from elsewhere logs in.
    expect((await login('head@dondoc.local', SEED_PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('never slows down a user who logs in right, and a success clears the address', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await login('snv@dondoc.local', 'sai', '192.0.2.1')).status).toBe(401);
    }
    expect((await login('snv@dondoc.local', SEED_PASSWORD, '192.0.2.2')).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await login('snv@dondoc.local', 'sai', '192.0.2.3')).status).toBe(401);
    }
    expect((await login('snv@dondoc.local', SEED_PASSWORD, '192.0.2.4')).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await login('secretariat@dondoc.local', SEED_PASSWORD, '192.0.2.5')).status).toBe(
        200,
      );
    }
  });
});
