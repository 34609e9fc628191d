/**
 * Personal dossiers end to end (issue 13, docs/personal-data.md): the
 * province admin opens a person's dossier from the cadre page's route, states
 * a purpose first and reads it; the read is logged once; that person, signed
 * in with the cadre account, opens "my dossier" and sees the read by the
 * province admin, with its purpose and fields.
 */
import { screenshot } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

export function dossiersSuite(e2e: E2E): void {
  describe('personal dossiers (issue 13)', () => {
    test('the province admin reads a dossier for a stated purpose; the person sees that read on "my dossier"', async () => {
      const cadreId = e2e.cadreOfCadreAccount;
      const detail = `Rà soát quy hoạch nhiệm kỳ 2026-2031 (e2e ${Date.now()})`;
      const logged = async () =>
        (
          await e2e.db
            .collection('dossierReads')
            .where('cadreId', '==', cadreId)
            .where('reader.uid', '==', 'demo-province-admin')
            .get()
        ).size;
      const before = await logged();

      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(admin.page, `/cadres/${cadreId}/dossier`);
        await admin.page.locator('[data-purpose-dialog]').waitFor({ timeout: 60_000 });
        await e2e.sees(admin.page, 'Mỗi lần xem hồ sơ được ghi lại');
        await admin.page.locator('#dossier-purpose').selectOption('planning');
        await admin.page.locator('#dossier-detail').fill(detail);
        await admin.page.getByRole('button', { name: 'Xem', exact: true }).click();
        await admin.page.locator('[data-dossier-content]').waitFor({ timeout: 60_000 });
        // The planning purpose returns the family and discipline only.
        expect(await admin.page.locator('[data-dossier-content] [data-field]').count()).toBe(2);
        await screenshot(admin.page, 'dossier-read-by-province-admin');
      } finally {
        await admin.close();
      }
      expect(await logged()).toBe(before + 1);

      const cadre = await e2e.as(DEMO_ACCOUNTS.cadre);
      try {
        await e2e.open(cadre.page, '/dossier');
        await cadre.page.locator('[data-page="my-dossier"][data-ready="true"]').waitFor({ timeout: 60_000 });
        const row = cadre.page.locator('tr[data-read]', { hasText: detail });
        await row.waitFor({ timeout: 30_000 });
        const text = await row.innerText();
        expect(text).toContain('demo-province-admin');
        expect(text).toContain('Quản trị cấp tỉnh (Ban Tổ chức)');
        expect(text).toContain('Quy hoạch');
        expect(text).toContain('Quan hệ gia đình, Kỷ luật');
        await screenshot(cadre.page, 'dossier-my-reads');
        expect(cadre.problems().filter((p) => p.startsWith('pageerror'))).toEqual([]);
      } finally {
        await cadre.close();
      }
    }, 180_000);
  });
}
