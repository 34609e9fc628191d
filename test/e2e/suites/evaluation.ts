/**
 * The quarterly evaluation pages end to end (issue 12): the province admin
 * opens a seeded quarter and sees the levels per unit (chart and table, the
 * table's figures equal to the results in Firestore, the reviewer's level
 * counting), and the inputs form previews a person's score live through
 * previewEvaluation (the same function the job scored them with), then shows
 * a general part over its maximum next to its field.
 */
import type { Evaluation, EvaluationInput } from '@canbo/model';
import { screenshot } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

/** 82.5 → "82,5" as the Vietnamese pages write numbers (hosting/src/lib/format.ts). */
const vi = (n: number) => String(n).replace('.', ',');

export function evaluationSuite(e2e: E2E): void {
  describe('quarterly evaluation pages (issue 12)', () => {
    test('the province admin sees the distribution of levels per unit for a seeded quarter', async () => {
      const any = await e2e.db
        .collection('evaluations')
        .where('provinceCode', '==', e2e.province)
        .limit(1)
        .get();
      const first = any.docs[0]!.data() as Evaluation;
      const { period, unitCode } = first;
      const unit = await e2e.db
        .collection('evaluations')
        .where('provinceCode', '==', e2e.province)
        .where('period', '==', period)
        .where('unitCode', '==', unitCode)
        .get();
      const counts = { HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRated: 0 };
      for (const d of unit.docs) {
        const e = d.data() as Evaluation;
        const level = e.review?.level ?? e.level;
        counts[level ?? 'notRated'] += 1;
      }

      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(admin.page, `/evaluation?period=${period}`);
        await admin.page
          .locator('[data-page="evaluation-quarter"][data-ready="true"]')
          .waitFor({ timeout: 60_000 });
        await e2e.sees(admin.page, `Đánh giá, xếp loại quý ${period}`);
        expect(
          await admin.page.locator(`[data-chart="levels"] .bar-row[data-unit="${unitCode}"]`).count(),
        ).toBe(1);
        const row = admin.page.locator(`tr[data-unit="${unitCode}"]`);
        const cell = async (col: string) =>
          Number((await row.locator(`td[data-col="${col}"]`).innerText()).replace(/\D/g, ''));
        expect({
          results: await cell('results'),
          HTXS: await cell('HTXS'),
          HTT: await cell('HTT'),
          HT: await cell('HT'),
          KHT: await cell('KHT'),
          notRated: await cell('notRated'),
        }).toEqual({ results: unit.size, ...counts });
        await screenshot(admin.page, 'evaluation-quarter');
        // Chunks of the home page that the navigation to this page aborted are not this page's problems.
        expect(admin.problems().filter((p) => !p.endsWith('net::ERR_ABORTED'))).toEqual([]);
      } finally {
        await admin.close();
      }
    });

    test('the inputs form previews the score of a seeded form, and shows an over-maximum part next to its field', async () => {
      const inputs = await e2e.db
        .collection('evaluationInputs')
        .where('provinceCode', '==', e2e.province)
        .limit(50)
        .get();
      const input = inputs.docs
        .map((d) => d.data() as EvaluationInput)
        .find((i) => i.scoring.leader === null)!;
      const result = (await e2e.db.collection('evaluations').doc(input.id).get()).data() as
        Evaluation | undefined;

      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(admin.page, `/evaluation/cadres/${input.cadreId}/inputs?period=${input.period}`);
        await admin.page
          .locator('[data-page="evaluation-inputs"][data-ready="true"]')
          .waitFor({ timeout: 60_000 });
        const total = admin.page.locator('[data-field="preview-total"]');
        await total.waitFor({ timeout: 30_000 });
        // The job scored the same input with the same function: the preview shows its total.
        if (result?.total != null) await e2e.sees(admin.page, `${vi(result.total)} điểm`);
        else expect(await total.innerText()).toContain('điểm');

        await admin.page.fill('#g-politics_ethics', '16');
        const error = admin.page.locator('[data-field="general.politics_ethics"] .field-error');
        await error.waitFor({ timeout: 30_000 });
        expect(await error.innerText()).toContain('vượt mức tối đa 15');
        await screenshot(admin.page, 'evaluation-inputs');
      } finally {
        await admin.close();
      }
    });
  });
}
