/**
 * Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven by
 * playwright-core: no browser is downloaded from anywhere else. Screenshots go
 * to test-results/screenshots/ (ignored by git through a .gitignore written
 * there), whose path the tests print for a reviewer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AUTH_URL, ROOT, WEB_URL } from './stack';

export const CHROMIUM = process.env.CANBO_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium, .ci/run)`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh profile (no session, no cache) at a desktop size, in Vietnamese. */
export function newContext(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** The screenshot folder, created with a .gitignore that keeps its pictures out of commits. */
export function screenshotDir(): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const ignore = path.join(ROOT, 'test-results', '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# screenshots and reports of the browser tests\n*\n');
  return SCREENSHOTS;
}

/** Saves a full-page screenshot as `<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const DEMO_PASSWORD = 'canbo-demo';

/** Collects what the page logs as errors and what it fails to load, for a failing test's message. */
export function pageProblems(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return () => problems;
}

/** An ID token of an account, from the Auth emulator (for calls a test makes outside the browser). */
export async function idToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(
    `${AUTH_URL}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`sign-in of ${email} failed: ${body.error?.message ?? res.status}`);
  return body.idToken;
}

export { WEB_URL };
