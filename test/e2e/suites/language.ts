/**
 * The language switch: Vietnamese first, English on request, and the choice
 * remembered across a reload (hosting/src/lib/lang.ts keeps it in
 * localStorage), with the page's `lang` attribute following it so screen
 * readers pronounce the text in the right language.
 */
import { WEB_URL } from '../helpers/stack';
import { DEMO_ACCOUNTS, type E2E } from './context';

export function languageSuite(e2e: E2E): void {
  describe('the language switch', () => {
    test('English is chosen, kept over a reload, and given back to Vietnamese', async () => {
      const { page, close } = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await page.waitForURL(`${WEB_URL}/dashboard`);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
        await page.getByRole('link', { name: 'Toàn tỉnh', exact: true }).waitFor();
        await page.getByRole('button', { name: 'Ngôn ngữ: English', exact: true }).click();
        await page.getByRole('link', { name: 'Province', exact: true }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await page.reload();
        await page.getByRole('link', { name: 'Province', exact: true }).waitFor({ timeout: 30_000 });
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        await page.getByRole('button', { name: 'Language: Tiếng Việt', exact: true }).click();
        await page.getByRole('link', { name: 'Toàn tỉnh', exact: true }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
      } finally {
        await close();
      }
    }, 120_000);
  });
}
