/**
 * Area monitors in the browser (issue 13, docs/monitors.md): the demo monitor
 * records a visit in one of its communes from /monitor; the province admin
 * moves the monitor's third commune to the second demo monitor from
 * /monitors; the monitor's page, opened again, no longer shows that commune
 * — its communes come from its scope document, not from its token, whose
 * claims still name all three (scripts/start sets them). The scope is put
 * back afterwards, so later suites see the monitor's three communes.
 */
import { screenshot } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

const MONITOR_UID = 'demo-area-monitor';
const SECOND_MONITOR_UID = 'demo-area-monitor-2';

export function monitorsSuite(e2e: E2E): void {
  describe('area monitors (issue 13)', () => {
    let before: { mine: string[]; second: string[] } | null = null;

    afterAll(async () => {
      if (!before) return;
      await e2e.db.doc(`userScopes/${MONITOR_UID}`).update({ communes: before.mine });
      await e2e.db.doc(`userScopes/${SECOND_MONITOR_UID}`).update({ communes: before.second });
    });

    test('the monitor records a visit; a commune the province reassigns disappears from the monitor’s page', async () => {
      const [first, second, third] = e2e.communes;
      const scopes = await Promise.all(
        [MONITOR_UID, SECOND_MONITOR_UID].map((uid) => e2e.db.doc(`userScopes/${uid}`).get()),
      );
      before = {
        mine: scopes[0]!.get('communes') as string[],
        second: scopes[1]!.get('communes') as string[],
      };
      expect(before.mine).toEqual([first, second, third]);

      const summary = `Làm việc với xã (e2e ${Date.now()})`;
      const monitor = await e2e.as(DEMO_ACCOUNTS.areaMonitor);
      try {
        await e2e.open(monitor.page, '/monitor');
        await monitor.page.locator('[data-monitor-ready="true"]').waitFor({ timeout: 60_000 });
        expect(await monitor.page.locator(`[data-my-communes] [data-commune="${third}"]`).count()).toBe(1);
        const form = monitor.page.locator('form[aria-labelledby="new-entry-title"]');
        await form.locator('select').first().selectOption(first!);
        await form.locator('textarea').fill(summary);
        await form.getByRole('button', { name: 'Ghi lại' }).click();
        await form.getByText('Đã ghi.').waitFor({ timeout: 60_000 });
        await e2e.sees(monitor.page, summary);
        await screenshot(monitor.page, 'monitor-work-log');
      } finally {
        await monitor.close();
      }
      const stored = await e2e.db.collection('monitorLog').where('summary', '==', summary).get();
      expect(stored.docs.map((d) => [d.get('communeCode'), d.get('kind'), d.get('monitorUid')])).toEqual([
        [first, 'visit', MONITOR_UID],
      ]);

      const admin = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(admin.page, '/monitors');
        await admin.page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
        const form = admin.page.locator('form[aria-labelledby="reassign-title"]');
        await form.locator('select[name="fromUid"]').selectOption(MONITOR_UID);
        await form.locator('select[name="communeCode"]').selectOption(third!);
        await form.locator('select[name="toUid"]').selectOption(SECOND_MONITOR_UID);
        await form.locator('input[name="reason"]').fill('Điều chỉnh địa bàn (e2e)');
        await form.locator('button[type="submit"]').click();
        await form.getByText('Đã ghi.').waitFor({ timeout: 60_000 });
        await screenshot(admin.page, 'monitors-province');
      } finally {
        await admin.close();
      }
      expect((await e2e.db.doc(`userScopes/${MONITOR_UID}`).get()).get('communes')).toEqual([first, second]);

      const again = await e2e.as(DEMO_ACCOUNTS.areaMonitor);
      try {
        await e2e.open(again.page, '/monitor');
        await again.page.locator('[data-monitor-ready="true"]').waitFor({ timeout: 60_000 });
        // The communes' figures (overview.tsx) load on their own: wait for them too.
        await again.page.locator('[data-ready="true"]').first().waitFor({ timeout: 60_000 });
        await again.page.locator(`tr[data-unit="${first}"]`).first().waitFor({ timeout: 60_000 });
        expect(await again.page.locator(`[data-my-communes] [data-commune="${first}"]`).count()).toBe(1);
        expect(await again.page.locator(`[data-my-communes] [data-commune="${third}"]`).count()).toBe(0);
        expect(await again.page.locator(`tr[data-unit="${third}"]`).count()).toBe(0);
        expect(await again.page.locator(`tr[data-unit="${first}"]`).count()).toBeGreaterThan(0);
      } finally {
        await again.close();
      }
    }, 300_000);
  });
}
