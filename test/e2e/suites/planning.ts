/**
 * Planning in the browser (issue 13, docs/planning.md): the province admin
 * opens /planning, adds a deputy chair to the list of a higher post of their
 * commune through the form (addToPlanning), sees it confirmed and stored with
 * the person's own entry, then tries the same addition again and sees it
 * refused with the rule it breaks and that rule's basis (QĐ 377-QĐ/TW,
 * docs/legal-basis.md §15), shown by <ErrorView>.
 */
import { screenshot } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

const TERM = '2026-2031';
/** Higher posts a commune vice-chair (rank 4) may be planned for (rank 5). */
const POSTS = ['xa_chu_tich_ubnd', 'xa_chu_tich_hdnd', 'xa_bi_thu'];

interface Candidate {
  commune: string;
  cadreId: string;
  positionId: string;
}

/** A vice-chair in service, young enough, undisciplined, with no open movement, and a post whose list has room. */
async function candidate(e2e: E2E): Promise<Candidate> {
  for (const commune of e2e.communes) {
    const people = await e2e.db.collection('cadres').where('communeCode', '==', commune).get();
    for (const doc of people.docs) {
      const c = doc.data();
      const main = (c.posts as { positionId: string; concurrent: boolean }[]).find((p) => !p.concurrent);
      if (main?.positionId !== 'xa_pho_chu_tich_ubnd' || c.status !== 'active') continue;
      if (c.birthDate < '1975-01-01' || (c.openMovements ?? []).length > 0) continue;
      const profile = (await doc.ref.collection('private').doc('profile').get()).data();
      if ((profile?.discipline ?? []).length > 0) continue;
      for (const positionId of POSTS) {
        const list = (await e2e.db.doc(`planning/${TERM}_${commune}_${positionId}`).get()).data();
        const ids: string[] = list?.cadreIds ?? [];
        if (ids.length < 3 && !ids.includes(doc.id)) return { commune, cadreId: doc.id, positionId };
      }
    }
  }
  throw new Error('no vice-chair to plan in the monitor’s communes');
}

export function planningSuite(e2e: E2E): void {
  describe('planning (issue 13)', () => {
    test('the province admin adds a person to a planning list, then sees the same addition refused with its rule', async () => {
      const { commune, cadreId, positionId } = await candidate(e2e);
      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        const page = admin.page;
        await e2e.open(page, '/planning');
        await page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
        await e2e.sees(page, 'Quy hoạch cán bộ');
        const form = page.locator('[data-form="add-planning"]');
        await form.locator('select[name="unitCode"]').selectOption(commune);
        await form.locator('select[name="positionId"]').selectOption(positionId);
        await form.locator(`select[name="cadreId"] option[value="${cadreId}"]`).waitFor({
          state: 'attached',
          timeout: 30_000,
        });
        await form.locator('select[name="cadreId"]').selectOption(cadreId);
        await form
          .locator('input[name="reason"]')
          .fill('Nghị quyết 15-NQ/ĐU phê duyệt bổ sung quy hoạch (e2e)');
        await form.getByRole('button', { name: 'Ghi nhận' }).click();
        await form.locator('[data-result="added"]').waitFor({ timeout: 60_000 });
        await form.locator('tr[data-rule="per_post_cap"][data-outcome="pass"]').waitFor();
        await screenshot(page, 'planning-added');

        const list = (await e2e.db.doc(`planning/${TERM}_${commune}_${positionId}`).get()).data()!;
        expect(list.cadreIds).toContain(cadreId);
        const person = (await e2e.db.doc(`cadres/${cadreId}`).get()).data()!;
        expect(person.planning).toContainEqual(
          expect.objectContaining({ positionId, unitCode: commune, term: TERM }),
        );

        // The same addition again: refused, with the rule and its basis.
        await form.getByRole('button', { name: 'Ghi nhận' }).click();
        const refused = form.locator('[role="alert"] li[data-check="already_planned"]');
        await refused.waitFor({ timeout: 60_000 });
        expect(await refused.innerText()).toContain('Cán bộ đã có trong danh sách quy hoạch này.');
        expect(await refused.innerText()).toContain(
          'Danh sách quy hoạch: mỗi người một lần trong một danh sách',
        );
        await screenshot(page, 'planning-refused');
        const after = (await e2e.db.doc(`planning/${TERM}_${commune}_${positionId}`).get()).data()!;
        expect(after.cadreIds.filter((id: string) => id === cadreId)).toHaveLength(1);
      } finally {
        await admin.close();
      }
    });
  });
}
