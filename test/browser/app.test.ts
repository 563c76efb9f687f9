import { startBrowserStack, type BrowserStack } from './support/app';
import { useBrowser } from './support/browser';
import { SEED_PASSWORD } from '../support/stack';

/** The real stack behind the flow tests, listening on a port a browser reaches (no web app needed). */

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('startBrowserStack', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('serves the API on a loopback port the browser opens', async () => {
    expect(stack.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await b.page.goto('/api/health');
    expect(health?.status()).toBe(200);
  });

  it('logs a seeded user in from the browser context (same origin as the app)', async () => {
    const res = await b.page.request.post('/api/auth/login', {
      data: { email: 'stc@dondoc.local', password: SEED_PASSWORD },
    });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { accessToken?: unknown }).accessToken).toEqual(
      expect.any(String),
    );
  });

  it('writes the listening origin into the links of the mails (config.publicBaseUrl)', () => {
    expect(stack.config.publicBaseUrl).toBe(stack.baseUrl);
  });
});
