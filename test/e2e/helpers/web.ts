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
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất', exact: true }).waitFor({ timeout: 60_000 });
}
