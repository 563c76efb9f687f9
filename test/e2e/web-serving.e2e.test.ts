import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '../support/stack';
import { ensureWebBuild, WEB_DIST } from '../support/web-build';

let stack: TestStack;

beforeAll(async () => {
  ensureWebBuild();
  stack = await startTestStack({ worker: false });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const html = 'text/html,application/xhtml+xml,application/xhtml+xml;q=0.9,*/*;q=0.8';

describe('the web app on the API origin', () => {
  it('GET / (a browser) is the app: Vietnamese HTML with the root element, not cached', async () => {
    const res = await stack.http().get('/').set('Accept', html).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/items/123', '/dang-nhap', '/items/0f6f7c1e-0000-4000-8000-000000000000?t=abc'])(
    'GET %s (a browser) is the same page (client-side route)',
    async (path) => {
      const index = await stack.http().get('/').set('Accept', html);
      const res = await stack.http().get(path).set('Accept', html).expect(200);
      expect(res.text).toBe(index.text);
    },
  );

  it('/api stays the API: an unknown route is a JSON 404, even for a browser', async () => {
    for (const accept of [html, 'application/json']) {
      const res = await stack.http().get('/api/nope').set('Accept', accept).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
    await stack.http().get('/api/items').set('Accept', html).expect(401);
  });

  it("the API's JSON carries no ETag; the app's page keeps its own and revalidates to 304", async () => {
    for (const path of ['/api/nope', '/api/items']) {
      const res = await stack.http().get(path);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.etag).toBeUndefined();
    }
    const page = await stack.http().get('/items/123').set('Accept', html).expect(200);
    expect(page.headers.etag).toBeTruthy();
    expect(page.headers['cache-control']).toBe('no-cache');
    await stack
      .http()
      .get('/dang-nhap')
      .set('Accept', html)
      .set('If-None-Match', String(page.headers.etag))
      .expect(304);
  });

  it('serves the built assets with their content type, cached for a year', async () => {
    const assets = readdirSync(join(WEB_DIST, 'assets'));
    const js = assets.find((f) => f.endsWith('.js'));
    const css = assets.find((f) => f.endsWith('.css'));
    expect(js && css).toBeTruthy();
    const script = await stack.http().get(`/assets/${js}`).expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await stack.http().get(`/assets/${css}`).expect(200);
    expect(style.headers['content-type']).toMatch(/^text\/css/);
  });

  it('has an icon: the page links /favicon.svg, and /favicon.ico (asked for by default) leads to it', async () => {
    const index = await stack.http().get('/').set('Accept', html).expect(200);
    expect(index.text).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
    const icon = await stack.http().get('/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const ico = await stack.http().get('/favicon.ico').set('Accept', 'image/*').expect(301);
    expect(ico.headers.location).toBe('/favicon.svg');
  });

  it('a path that is not a page nor a file, asked for by a script, is a 404', async () => {
    await stack.http().get('/assets/missing.js').set('Accept', '*/*').expect(404);
  });
});
