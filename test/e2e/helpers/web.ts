/**
 * Steps in the web client that every browser test and bench:web take: signing
 * in through the sign-in form, as a person does.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './browser';
import { WEB_URL } from './stack';

/** Signs in through the form and waits until the signed-in shell shows (its sign-out button). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${WEB_URL}/`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/mật khẩu/i).fill(password);
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.getByRole('button', { name: /đăng xuất/i }).waitFor({ timeout: 30_000 });
}
