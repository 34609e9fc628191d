/**
 * The citizen rating page in Chromium at a phone's size (360 × 740): the page
 * is the client build's second entry (hosting/dist/rate.html: `npm run build`,
 * which `npm test` runs first) served from that folder; its calls to the Functions emulator's address are
 * answered by the real callables (firebase-functions-test) against this
 * project's Firestore emulator. A citizen opens the QR link, reads the
 * receipt, switches to English and back, rates, and sees the thanks; the
 * rating is stored once; opening the link again says it is rated; a forged
 * link says the link is not valid.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { ratingCollections } from '../../functions/src/data/ratings';
import { ratingCode } from '../../functions/src/domain/rating-code';
import { LOCAL_RATING_SECRET } from '../../functions/src/services/ratings/settings';
import { launchBrowser } from '../e2e/helpers/browser';
import { callableHarness } from '../helpers/callable';
import { citizenCaller } from '../helpers/ratings';
import { person, writeProvince } from '../helpers/province';

const { projectId, firestore, cleanup } = callableHarness('citizen-page');
const citizen = citizenCaller(projectId);
const ROOT = path.resolve(__dirname, '../..');
const integration = { uid: 'svc-motcua-42', token: { role: 'integration', province: '42' } };

let server: http.Server;
let base = '';
let browser: Browser;
let outDir = '';

beforeAll(async () => {
  const db = firestore();
  await writeProvince(
    db,
    [],
    [{ cadre: person('c-desk', '18073', 'xa_van_thu', { fullName: 'Trần Văn Minh' }) }],
  );
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  await citizen.call(
    'registerReceipts',
    {
      receipts: [
        {
          receiptNo: 'H42-PAGE-0001',
          procedureId: 'khai_sinh',
          unitCode: '18073',
          cadreId: 'c-desk',
          receivedOn: today,
          dueOn: today,
          returnedOn: today,
        },
      ],
    },
    { ip: '192.0.2.1' },
    integration,
  );
  outDir = path.join(ROOT, 'hosting/dist');
  if (!fs.existsSync(path.join(outDir, 'rate.html')))
    throw new Error('hosting/dist/rate.html is missing: run npm run build first');
  server = http.createServer((req, res) => {
    const file = path.join(outDir, (req.url ?? '/').split('?')[0]!);
    if (!file.startsWith(outDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'text/css';
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  citizen.cleanup();
  cleanup();
});

/** A phone-sized page whose callable requests reach the real callables. */
async function phone() {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.route(
    /:5001\/demo-canbo\/asia-southeast1\/(getReceiptForRating|submitRating)$/,
    async (route) => {
      const name = /(getReceiptForRating|submitRating)$/.exec(route.request().url())![1] as 'submitRating';
      const { data } = route.request().postDataJSON() as { data: unknown };
      try {
        const result: unknown = await citizen.call(name, data, { ip: '198.51.100.200' });
        await route.fulfill({ json: { result }, headers: { 'Access-Control-Allow-Origin': '*' } });
      } catch (e) {
        const err = e as { code: string; message: string; details?: unknown };
        await route.fulfill({
          status: 400,
          json: {
            error: {
              status: err.code.toUpperCase().replace(/-/g, '_'),
              message: err.message,
              details: err.details,
            },
          },
          headers: { 'Access-Control-Allow-Origin': '*' },
        });
      }
    },
  );
  return { page, context };
}

test('a citizen rates a dossier from its link on a phone, once', async () => {
  const { page, context } = await phone();
  const code = ratingCode(LOCAL_RATING_SECRET, 'H42-PAGE-0001');
  await page.goto(`${base}/rate.html?r=H42-PAGE-0001&c=${code}`);
  await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
  await page.getByText('Đăng ký khai sinh').waitFor();
  expect(await page.getByText('Trần Văn Minh').count()).toBe(1);
  expect(await page.getByText('Phường Thành Sen').count()).toBe(1);
  // English and back.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Rate the service you received' }).waitFor();
  expect(await page.getByText('Birth registration').count()).toBe(1);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  // Sending before rating everything asks for every criterion.
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText('Vui lòng chấm tất cả tiêu chí').waitFor();
  for (const group of [
    'Mức độ hài lòng chung',
    'Thái độ phục vụ của cán bộ',
    'Thời gian giải quyết (đúng hẹn)',
  ])
    await page.getByRole('group', { name: group }).getByText('Rất hài lòng').click();
  await page
    .getByRole('group', { name: 'Hướng dẫn rõ ràng, đầy đủ' })
    .getByText('Hài lòng', { exact: true })
    .click();
  await page.getByText('1 lần').click();
  await page.getByRole('textbox').fill('Cán bộ hướng dẫn tận tình');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText('Cảm ơn bạn đã đánh giá!').waitFor();
  const stored = (await ratingCollections(firestore()).ratings.doc('H42-PAGE-0001').get()).data();
  expect(stored).toMatchObject({
    criteria: { overall: 5, attitude: 5, timeliness: 5, guidance: 4 },
    trips: 1,
    hasComment: true,
    cadreId: 'c-desk',
  });
  // The page fits the phone: nothing wider than the screen.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  // Opening the link again says it is rated.
  await page.goto(`${base}/rate.html?r=H42-PAGE-0001&c=${code}`);
  await page.getByText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần').waitFor();
  await context.close();
});

test('a forged link says the link is not valid', async () => {
  const { page, context } = await phone();
  await page.goto(`${base}/rate.html?r=H42-PAGE-0001&c=${ratingCode(LOCAL_RATING_SECRET, 'H42-PAGE-0002')}`);
  await page.getByText('Đường dẫn đánh giá không hợp lệ: kiểm tra lại mã trên giấy biên nhận').waitFor();
  await context.close();
});
