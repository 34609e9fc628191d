/**
 * Citizen ratings end to end (issue 11): the one-stop system registers a
 * receipt (registerReceipts, as the province admin), a citizen rates it from
 * its link on a phone-sized screen (rate.html, no account), the province
 * admin's satisfaction page then counts one more rating for the commune, and
 * on the officer's page the citizen's comment is shown to the province admin
 * but not to a commune admin (firestore.rules: comments are the province's
 * and the commune leadership's).
 */
import { FUNCTIONS_URL } from '../helpers/stack';
import { idToken, newContext, screenshot, WEB_URL } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

/** Today in Vietnam, and n days before. */
const vietnamDay = (daysBefore = 0) =>
  new Date(Date.now() + 7 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);

/** A callable over HTTP as an account (the protocol the SDK speaks: `{ data }` in, `{ result }` out). */
async function callAs(email: string, name: string, data: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${FUNCTIONS_URL}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await idToken(email)}` },
    body: JSON.stringify({ data }),
  });
  const body = (await res.json()) as { result?: Record<string, unknown>; error?: unknown };
  if (!body.result) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.result;
}

export function satisfactionSuite(e2e: E2E): void {
  describe('citizen satisfaction (issue 11)', () => {
    const comment = `Cán bộ hướng dẫn tận tình (e2e ${Date.now()})`;
    const receiptNo = `E2E-${Date.now()}`;
    let commune = '';
    let cadreId = '';

    /** The commune's rating count on the province page (0 without a row), once the page is ready. */
    async function provinceCount(page: import('playwright-core').Page): Promise<number> {
      await e2e.open(page, '/satisfaction');
      await page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
      const cell = page.locator(`tr[data-unit="${commune}"] td[data-col="count"]`);
      return (await cell.count()) === 0 ? 0 : Number((await cell.innerText()).replace(/\D/g, ''));
    }

    test('a citizen rates a receipt on a phone; the province page counts it for the commune', async () => {
      commune = e2e.communes[0]!;
      const people = await e2e.db.collection('cadres').where('communeCode', '==', commune).limit(1).get();
      cadreId = people.docs[0]!.id;
      const registered = await callAs(DEMO_ACCOUNTS.provinceAdmin, 'registerReceipts', {
        receipts: [
          {
            receiptNo,
            procedureId: 'khai_sinh',
            unitCode: commune,
            cadreId,
            receivedOn: vietnamDay(5),
            dueOn: vietnamDay(1),
            returnedOn: vietnamDay(0),
          },
        ],
      });
      const row = (registered.rows as { status: string; code?: string }[])[0]!;
      expect(row.status).toBe('created');

      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        const before = await provinceCount(admin.page);

        const context = await newContext(e2e.browser, { width: 360, height: 740 });
        try {
          const phone = await context.newPage();
          await phone.goto(`${WEB_URL}/rate.html?r=${receiptNo}&c=${row.code}`);
          await phone.getByRole('button', { name: 'Gửi đánh giá' }).waitFor({ timeout: 60_000 });
          for (const criterion of ['overall', 'attitude', 'timeliness', 'guidance'])
            await phone.locator(`input[name="${criterion}"][value="5"]`).check({ force: true });
          await phone.locator('input[name="trips"][value="1"]').check({ force: true });
          await phone.locator('textarea').fill(comment);
          await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
          await phone.getByText('Cảm ơn bạn đã đánh giá!').waitFor({ timeout: 60_000 });
          await screenshot(phone, 'satisfaction-citizen-phone');
        } finally {
          await context.close();
        }

        await admin.page.reload();
        expect(await provinceCount(admin.page)).toBe(before + 1);
        await screenshot(admin.page, 'satisfaction-province');
      } finally {
        await admin.close();
      }
    }, 240_000);

    test("the officer's page shows the comment to the province admin, not to a commune admin", async () => {
      expect(cadreId).not.toBe('');
      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(admin.page, `/satisfaction/officers/${cadreId}`);
        await e2e.sees(admin.page, comment);
      } finally {
        await admin.close();
      }
      const communeAdmin = await e2e.as(`xa${commune}@xa.canbo.test`);
      try {
        await e2e.open(communeAdmin.page, `/satisfaction/officers/${cadreId}`);
        await e2e.sees(communeAdmin.page, 'Góp ý chỉ hiển thị cho cấp tỉnh và lãnh đạo xã');
        expect(await communeAdmin.page.getByText(comment).count()).toBe(0);
        expect(await communeAdmin.page.locator('[data-comments="false"]').count()).toBe(1);
      } finally {
        await communeAdmin.close();
      }
    }, 240_000);
  });
}
