/**
 * The web client in a real browser (Debian's Chromium through playwright-core)
 * against `npm start`'s stack, Hà Tĩnh (42) seeded at a small scale:
 *
 * - each demo account signs in and sees only its scope, and a page outside it
 *   answers with a clear message;
 * - a commune admin proposes a secondment through the form and sees every
 *   check with its legal basis; a refused proposal shows the failed check with
 *   its basis, and a missing field its error next to the field;
 * - a province admin approves and starts it through the movement page, after
 *   which the dashboard's quota figures of the home commune have changed
 *   (one person moves from filled to reserved for their return);
 * - the auditor finds those steps in the audit log, filtered by action;
 * - an export of a dashboard table is a valid XLSX workbook.
 *
 * Screenshots of each main page go to test-results/screenshots/ (printed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { Browser, Page } from 'playwright-core';
import {
  idToken,
  launchBrowser,
  newContext,
  pageProblems,
  screenshot,
  screenshotDir,
} from './helpers/browser';
import { FUNCTIONS_URL, startStack, WEB_URL, type Stack } from './helpers/stack';
import { signIn } from './helpers/web';
import { e2eContext } from './suites/context';
import { languageSuite } from './suites/language';
import { satisfactionSuite } from './suites/satisfaction';
import { dossiersSuite } from './suites/dossiers';
import { planningSuite } from './suites/planning';
import { reportsSuite } from './suites/reports';
import { evaluationSuite } from './suites/evaluation';
import { monitorsSuite } from './suites/monitors';

const PROVINCE = '42';
/** The texts the client shows for a page outside the account's role or scope (messages/ui.ts). */
const ROLE_NOT_ALLOWED = 'Vai trò của bạn không dùng được trang này.';
const OUT_OF_SCOPE = 'Trang này nằm ngoài phạm vi được phân quyền của bạn.';

let stack: Stack;
let browser: Browser;
let app: App;
let db: Firestore;
/** The area monitor's three communes; the first two have the two demo commune admins. */
let communes: string[] = [];
let cadreOfCadreAccount = '';
/** What the suites of test/e2e/suites/ share with this file (registry at the end). */
const { e2e, fill } = e2eContext();

/** Today in Vietnam (UTC+7), YYYY-MM-DD. */
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack({ province: PROVINCE, scale: 0.05 });
  process.env.METADATA_SERVER_DETECTION = 'none';
  process.env.FIRESTORE_EMULATOR_HOST = '127.0.0.1:8080';
  process.env.FIREBASE_AUTH_EMULATOR_HOST = '127.0.0.1:9099';
  app = initializeApp({ projectId: 'demo-canbo' }, `web-e2e-${Date.now()}`);
  db = getFirestore(app);
  const monitor = await getAuth(app).getUserByEmail('theodoi@tinh.canbo.test');
  communes = (monitor.customClaims as { communes: string[] }).communes;
  const cadre = await getAuth(app).getUserByEmail('canbo@xa.canbo.test');
  cadreOfCadreAccount = (cadre.customClaims as { cadreId: string }).cadreId;
  browser = await launchBrowser();
  fill({
    stack,
    browser,
    app,
    db,
    auth: getAuth(app),
    province: PROVINCE,
    communes,
    cadreOfCadreAccount,
    as,
    open,
    sees,
  });
  console.log(`Ảnh chụp màn hình / screenshots: ${screenshotDir()}`);
}, 660_000);

afterAll(async () => {
  await browser?.close();
  if (app) await deleteApp(app);
  if (stack) expect(await stack.stop()).toBe(0);
}, 60_000);

/** A fresh browser profile signed in as `email`, landed on its home page. */
async function as(
  email: string,
): Promise<{ page: Page; problems: () => string[]; close: () => Promise<void> }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = pageProblems(page);
  await signIn(page, email);
  return { page, problems, close: () => context.close() };
}

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${WEB_URL}${route}`);
}

/** Waits for text on the page (exact substring of some element's text). */
async function sees(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
}

describe('each demo account sees only its scope', () => {
  test('province admin: the province dashboard; the audit log is the auditor’s; another province is out of scope', async () => {
    const { page, close } = await as('admin@tinh.canbo.test');
    try {
      await page.waitForURL(`${WEB_URL}/dashboard`);
      await sees(page, 'Tổng quan toàn tỉnh');
      await page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
      await screenshot(page, 'province-dashboard');
      await open(page, '/audit');
      await sees(page, ROLE_NOT_ALLOWED);
      // A real commune of another province (Nghệ An): its units are public, its people and quotas are not.
      const foreign = await db
        .collection('units')
        .where('parentCode', '==', '40')
        .where('level', '==', 'commune')
        .limit(1)
        .get();
      await open(page, `/communes/${foreign.docs[0]!.id}`);
      await sees(page, OUT_OF_SCOPE);
    } finally {
      await close();
    }
  }, 120_000);

  test('area monitor: its three communes side by side; another commune is out of scope', async () => {
    const { page, close } = await as('theodoi@tinh.canbo.test');
    try {
      await page.waitForURL(`${WEB_URL}/monitor`);
      await sees(page, 'Các xã theo dõi');
      for (const code of communes) {
        const name = (await db.doc(`units/${code}`).get()).get('name') as string;
        await sees(page, name);
      }
      await screenshot(page, 'area-monitor');
      const outside = await otherCommune(communes);
      await open(page, `/communes/${outside}`);
      await sees(page, OUT_OF_SCOPE);
      await open(page, '/dashboard');
      await sees(page, ROLE_NOT_ALLOWED);
    } finally {
      await close();
    }
  }, 120_000);

  test('commune admin: its commune page; the next commune is out of scope', async () => {
    const [first, second] = communes;
    const { page, close } = await as(`xa${first}@xa.canbo.test`);
    try {
      await page.waitForURL(`${WEB_URL}/communes/${first}`);
      const name = (await db.doc(`units/${first}`).get()).get('name') as string;
      await sees(page, name);
      await screenshot(page, 'commune');
      await open(page, `/communes/${second}`);
      await sees(page, OUT_OF_SCOPE);
      await open(page, '/dashboard');
      await sees(page, ROLE_NOT_ALLOWED);
    } finally {
      await close();
    }
  }, 120_000);

  test('cadre: their own record only', async () => {
    const { page, close } = await as('canbo@xa.canbo.test');
    try {
      await page.waitForURL(`${WEB_URL}/me`);
      const name = (await db.doc(`cadres/${cadreOfCadreAccount}`).get()).get('fullName') as string;
      await sees(page, name);
      await screenshot(page, 'own-record');
      await open(page, '/dashboard');
      await sees(page, ROLE_NOT_ALLOWED);
      await open(page, '/movements');
      await sees(page, ROLE_NOT_ALLOWED);
    } finally {
      await close();
    }
  }, 120_000);
});

/** A commune of the province outside `mine`. */
async function otherCommune(mine: string[]): Promise<string> {
  const snap = await db
    .collection('units')
    .where('parentCode', '==', PROVINCE)
    .where('level', '==', 'commune')
    .limit(10)
    .get();
  return snap.docs.map((d) => d.id).find((c) => !mine.includes(c))!;
}

/**
 * A person of `commune` who can be seconded: in service at home, a man who is
 * not a public employee (so no pregnancy or young-child rule can apply), none
 * of the law's situations recorded, no open movement.
 */
async function secondable(commune: string): Promise<{ id: string; fullName: string; block: string }> {
  const snap = await db
    .collection('cadres')
    .where('communeCode', '==', commune)
    .where('status', '==', 'active')
    .get();
  for (const d of snap.docs) {
    const c = d.data();
    if (c.homeUnitCode !== commune || c.gender !== 'male' || c.category === 'public_employee') continue;
    if ((c.openMovements ?? []).length > 0) continue;
    const profile = (await d.ref.collection('private').doc('profile').get()).data();
    const r = profile?.restrictions ?? {};
    const restricted =
      r.underDisciplineReview ||
      r.underInvestigation ||
      r.seriousIllness ||
      r.longTermTraining ||
      r.specialHardship ||
      r.headRestriction ||
      r.youngestChildBirthDate;
    if (!restricted) return { id: d.id, fullName: c.fullName as string, block: c.block as string };
  }
  throw new Error(`no one to second in ${commune}`);
}

/** A commune admin of two communes (a move between them is within its scope), scoped by the province admin. */
async function twoCommuneAdmin(first: string, second: string): Promise<string> {
  const email = 'xa-hai@xa.canbo.test';
  // Created once per stack (a reused stack already has it).
  const existing = await getAuth(app)
    .getUserByEmail(email)
    .catch(() => null);
  const user =
    existing ??
    (await getAuth(app).createUser({
      email,
      password: 'canbo-demo',
      displayName: 'Văn phòng hai xã',
    }));
  const token = await idToken('admin@tinh.canbo.test');
  const res = await fetch(`${FUNCTIONS_URL}/setUserScope`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      data: { uid: user.uid, role: 'commune_admin', province: PROVINCE, communes: [first, second] },
    }),
  });
  expect(((await res.json()) as { result?: { claimsApplied: boolean } }).result?.claimsApplied).toBe(true);
  return email;
}

/**
 * The dashboard's figures of one commune in its table "Biên chế theo xã, phường" (quotas by commune),
 * whose columns are name, region, allocated, filled, reserved, incoming, free.
 */
async function quotaRow(page: Page, commune: string): Promise<{ filled: number; reserved: number }> {
  await open(page, '/dashboard');
  await page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
  const table = page.getByRole('region', { name: /^Biên chế theo xã, phường/ });
  const cells = table.locator('tr', { has: page.locator(`a[href="/communes/${commune}"]`) }).locator('td');
  const figure = async (i: number) => Number((await cells.nth(i).innerText()).replace(/\D/g, ''));
  return { filled: await figure(3), reserved: await figure(4) };
}

describe('movements through the browser', () => {
  let movementId = '';
  let proposerEmail = '';
  let person: { id: string; fullName: string; block: string };

  test('a refused proposal shows the failed check with its legal basis, and a missing reason its field error', async () => {
    const [first, second] = communes;
    proposerEmail = await twoCommuneAdmin(first!, second!);
    person = await secondable(first!);
    const { page, close } = await as(proposerEmail);
    try {
      await open(page, '/movements/new');
      await page.locator('#mv-from').selectOption(first!);
      await page.locator(`#mv-cadre option[value="${person.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#mv-cadre').selectOption(person.id);
      await page.locator('#mv-type').selectOption('secondment');
      // A secondment to the person's own commune: sent nowhere else, which the law forbids.
      await page.locator('#mv-to').selectOption(first!);
      await page.locator('#mv-end').fill(plusDays(today(), 365));

      // No reason: the callable names the field, and the form shows the error next to it.
      await page.getByRole('button', { name: 'Kiểm tra và gửi đề xuất' }).click();
      const reasonError = page.locator('[data-field="mv-reason"] .field-error');
      await reasonError.waitFor({ timeout: 30_000 });
      expect(await reasonError.innerText()).not.toContain(' / ');

      await page.locator('#mv-reason').fill('Hỗ trợ công tác văn phòng tại xã');
      await page.getByRole('button', { name: 'Kiểm tra và gửi đề xuất' }).click();
      const refused = page.locator('[role="alert"][data-code="failed-precondition"]');
      await refused.waitFor({ timeout: 30_000 });
      const check = refused.locator('li[data-check="secondment_target_unit"]');
      expect(await check.innerText()).toContain(
        'Nghị định 170/2025/NĐ-CP, Điều 26: biệt phái là cử đến làm việc ở cơ quan, đơn vị khác',
      );
      await screenshot(page, 'proposal-refused');
    } finally {
      await close();
    }
  }, 180_000);

  test('a commune admin proposes a secondment and sees every check with its legal basis', async () => {
    const [first, second] = communes;
    const { page, close } = await as(proposerEmail);
    try {
      await open(page, '/movements/new');
      await page.locator('#mv-from').selectOption(first!);
      await page.locator(`#mv-cadre option[value="${person.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#mv-cadre').selectOption(person.id);
      await page.locator('#mv-type').selectOption('secondment');
      await page.locator('#mv-to').selectOption(second!);
      await page.locator('#mv-start').fill(today());
      await page.locator('#mv-end').fill(plusDays(today(), 365));
      await page.locator('#mv-reason').fill('Biệt phái hỗ trợ công tác kế toán cho xã bạn');
      await page.getByRole('button', { name: 'Kiểm tra và gửi đề xuất' }).click();
      const result = page.locator('.proposal-result');
      await result.waitFor({ timeout: 60_000 });
      const duration = result.locator('tr[data-check="secondment_duration"]');
      expect(await duration.getAttribute('data-outcome')).toBe('pass');
      expect(await duration.locator('td.basis').innerText()).toBe(
        'Nghị định 170/2025/NĐ-CP, Điều 26: biệt phái không quá 3 năm, trừ khi luật chuyên ngành quy định khác',
      );
      expect(await result.locator('tr[data-check="prohibited_situations"] td.basis').innerText()).toBe(
        'Nghị định 170/2025/NĐ-CP, Điều 25–26: các trường hợp không được điều động, biệt phái',
      );
      const href = await result.locator('a[href^="/movements/"]').getAttribute('href');
      movementId = href!.replace('/movements/', '');
      expect((await db.doc(`movements/${movementId}`).get()).get('status')).toBe('proposed');
      await screenshot(page, 'proposal-checks');
    } finally {
      await close();
    }
  }, 180_000);

  test('a province admin approves and starts it; the dashboard moves one person from filled to reserved', async () => {
    const [first] = communes;
    const { page, problems, close } = await as('admin@tinh.canbo.test');
    try {
      const before = await quotaRow(page, first!);

      await open(page, '/movements');
      const row = page.locator(`[data-queue="proposed"] tr[data-movement="${movementId}"]`);
      await row.waitFor({ timeout: 30_000 });
      await screenshot(page, 'approval-queue');
      await row.getByRole('link').click();
      await page.waitForURL(`${WEB_URL}/movements/${movementId}`);
      const status = page.getByTestId('movement-status');
      expect(await status.innerText()).toBe('Đã đề xuất');

      // Approve: every failed check that may be overridden gets its own reason.
      await page.getByLabel('Phê duyệt', { exact: true }).check();
      for (const box of await page.locator('textarea[id^="mv-override-"]').all())
        await box.fill('Đã cân nhắc, bảo đảm hoạt động của xã');
      await page.locator('#mv-note').fill('Đồng ý biệt phái theo đề nghị của xã');
      await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      await page.getByTestId('movement-status').getByText('Đã phê duyệt').waitFor({ timeout: 60_000 });

      await page.getByLabel('Bắt đầu thực hiện', { exact: true }).check();
      await page.getByRole('button', { name: 'Bắt đầu thực hiện', exact: true }).click();
      await page.getByTestId('movement-status').getByText('Đang thực hiện').waitFor({ timeout: 60_000 });
      await screenshot(page, 'movement-started');
      expect((await db.doc(`movements/${movementId}`).get()).get('status')).toBe('active');

      const after = await quotaRow(page, first!);
      expect(after).toEqual({ filled: before.filled - 1, reserved: before.reserved + 1 });
      expect(problems().filter((p) => p.startsWith('pageerror'))).toEqual([]);
    } finally {
      await close();
    }
  }, 240_000);

  test('the auditor finds the proposal, approval and start in the audit log, filtered by action', async () => {
    const { page, close } = await as('thanhtra@tinh.canbo.test');
    try {
      await open(page, '/audit');
      for (const action of ['movement.propose', 'movement.approve', 'movement.start'])
        await page.locator(`tr[data-action="${action}"]`).first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'audit-log');
      await page.locator('#audit-what').fill('movement.start');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.locator(`a[href="/movements/${movementId}"]`).waitFor({ timeout: 30_000 });
      const actions = await page
        .locator('tr[data-action]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(new Set(actions)).toEqual(new Set(['movement.start']));
      await open(page, '/movements/new');
      await sees(page, ROLE_NOT_ALLOWED);
    } finally {
      await close();
    }
  }, 120_000);
});

test('an export of the dashboard table is a valid XLSX workbook', async () => {
  const { page, close } = await as('admin@tinh.canbo.test');
  try {
    await page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Xuất Excel' }).first().click(),
    ]);
    const file = path.join(screenshotDir(), 'export.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBeGreaterThan(1);
    const header = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(header.length).toBeGreaterThan(1);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  } finally {
    await close();
  }
}, 120_000);

// ---- Suite registry: the browser tests of each area, on this file's stack (test/e2e/suites/context.ts).
// One line per suite: `<area>Suite(e2e);` with its import at the top of the file.
languageSuite(e2e);
satisfactionSuite(e2e);
dossiersSuite(e2e);
reportsSuite(e2e);
evaluationSuite(e2e);
planningSuite(e2e);
monitorsSuite(e2e);
// ---- end of suite registry
