import type { Page } from 'playwright-core';
import { SEED_PASSWORD } from '../../support/stack';

/** Fills the login form on the page as it is ("Thư điện tử", "Mật khẩu") and sends it. */
export async function logIn(page: Page, email: string, password = SEED_PASSWORD): Promise<void> {
  await page.getByLabel('Thư điện tử').fill(email);
  // Exact: the login page's "Quên mật khẩu?" link also names a password.
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * Opens `path` as this user: the app sends a visitor to the login page, logs them in and comes
 * back to `path`; resolves once a signed-in page's header (the banner) is drawn.
 */
export async function openAs(page: Page, path: string, email: string): Promise<void> {
  await page.goto(path);
  await logIn(page, email);
  await page.getByRole('banner').waitFor();
}
