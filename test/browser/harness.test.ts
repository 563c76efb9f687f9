import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import type { PageGlobals } from './support/dom';
import { ON_FAILURE, type OnFailure } from './support/failure-hook';
import { capture, expectNoHorizontalScroll, FAILURES_DIR, screenPath } from './support/screens';

/** The harness itself, on pages of its own (no app): the flow tests rely on every part of it. */

const html = (body: string, title = 'Đôn Đốc'): string => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #1f1f1f; }
  form { display: grid; gap: 8px; max-width: 360px; }
  input { font: inherit; padding: 6px; }
  button { font: inherit; padding: 8px; background: #0b57d0; color: #fff; border: 0; }
  .late { color: #b3261e; }
</style></head>
<body><main>${body}</main></body></html>`;

const PAGES: Record<string, string> = {
  '/login': html(`
    <h1>Đăng nhập</h1>
    <p class="late">Nhiệm vụ đã quá hạn: 3 · Sở Tài chính, Ủy ban nhân dân tỉnh, hạn 31/12/2026.</p>
    <form id="login">
      <label for="email">Thư điện tử</label>
      <input id="email" name="email" type="email" autocomplete="username">
      <label for="password">Mật khẩu</label>
      <input id="password" name="password" type="password" autocomplete="current-password">
      <button type="submit">Đăng nhập</button>
    </form>
    <p id="status" role="status"></p>
    <script>
      document.getElementById('login').addEventListener('submit', (e) => {
        e.preventDefault();
        const email = document.getElementById('email').value;
        document.getElementById('status').textContent = 'Xin chào, ' + email + '. Thời gian: ' +
          new Date(Date.UTC(2026, 11, 31, 17, 0)).toLocaleString(navigator.language, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      });
    </script>`),
  '/unlabelled': html(`<h1>Nhập thông báo</h1><input type="text" name="text">`),
  '/too-wide': html(`<h1>Danh sách nhiệm vụ</h1><div style="width: 600px">Bảng rộng 600 px</div>`),
  '/throws': html(
    `<h1>Lỗi</h1><script>setTimeout(() => { throw new Error('lỗi trong trang'); });</script>`,
  ),
};

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const html = PAGES[req.url ?? ''];
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('browser harness', () => {
  const b = useBrowser({ baseURL: () => baseUrl });

  it('finds fields by accessible name, types and clicks, in vi-VN and UTC+7', async () => {
    const { page } = b;
    await page.goto('/login');
    await page.getByLabel('Thư điện tử').fill('stc@dondoc.local');
    await page.getByLabel('Mật khẩu').fill('dondoc-dev');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const status = page.getByRole('status');
    await status.getByText('Xin chào, stc@dondoc.local', { exact: false }).waitFor();
    // 2026-12-31T17:00Z is 1 January 2027, 00:00 in Hà Nội, written the Vietnamese way.
    expect(await status.textContent()).toMatch(/0?0:00(:00)? 1\/1\/2027/);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.language),
    ).toBe('vi-VN');
  });

  it('finds no serious accessibility violation on a well-formed page', async () => {
    await b.page.goto('/login');
    await expectNoSeriousA11yViolations(b.page);
  });

  it('captures full-page PNGs at 1280 and 390 px into test-artifacts/screens', async () => {
    const names = [screenPath('harness-login', 1280), screenPath('harness-login', 390)];
    await Promise.all(names.map((p) => rm(p, { force: true })));
    await b.page.goto('/login');
    const paths = await capture(b.page, 'harness-login');
    expect([paths.desktop, paths.phone]).toEqual(names);
    for (const [path, width] of [
      [paths.desktop, 1280],
      [paths.phone, 390],
    ] as const) {
      const png = await readFile(path);
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(png.readUInt32BE(16)).toBe(width); // IHDR width (device scale factor 1)
    }
    expect(b.page.viewportSize()).toEqual({ width: 1280, height: 800 });
  });

  it('reports an input without a label as a serious violation', async () => {
    await b.page.goto('/unlabelled');
    await expect(expectNoSeriousA11yViolations(b.page)).rejects.toThrow(
      /\[critical\] label: Form elements must have labels/,
    );
  });

  it('fails the capture of a page that scrolls horizontally at 390 px', async () => {
    await b.page.goto('/too-wide');
    await expect(capture(b.page, 'harness-too-wide')).rejects.toThrow(
      /scrolls horizontally at 390 px: scrollWidth 6\d\d > clientWidth 390; past the edge: div/,
    );
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await expectNoHorizontalScroll(b.page);
  });

  it('opens a second user in a context of its own (newPage)', async () => {
    await b.page.goto('/login');
    await b.page.evaluate(() =>
      (globalThis as unknown as PageGlobals).localStorage.setItem('token', 'secretariat'),
    );
    const agency = await b.newPage();
    await agency.goto('/login');
    expect(
      await agency.evaluate(() =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('token'),
      ),
    ).toBeNull();
  });

  it('saves the pages of a failing test (what the project environment calls on test_fn_failure)', async () => {
    const path = join(FAILURES_DIR, 'harness--browser-harness--dong-thu-nghiem.png');
    await rm(path, { force: true });
    await b.page.goto('/login');
    const onFailure = (globalThis as Record<string, unknown>)[ON_FAILURE] as OnFailure;
    await onFailure(['browser harness', 'dòng thử nghiệm']);
    expect((await readFile(path)).subarray(1, 4).toString()).toBe('PNG');
    await rm(path);
  });

  it('gives every test a fresh context: nothing stored by the previous test', async () => {
    await b.page.goto('/login');
    expect(
      await b.page.evaluate(() =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('token'),
      ),
    ).toBeNull();
  });
});

describe('browser harness, page errors', () => {
  const b = useBrowser({ baseURL: () => baseUrl, failOnPageError: false });

  it('records an uncaught error of the page', async () => {
    await b.page.goto('/throws');
    for (let i = 0; i < 50 && b.pageErrors.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(b.pageErrors.map((e) => e.message)).toEqual(['lỗi trong trang']);
  });
});
