/**
 * The board's reports in the browser (issue 13, docs/reports.md): the province
 * admin asks for the province's biên chế report, which runs as a job (Cloud
 * Tasks → runReportJob) while the page shows its progress; the table comes
 * with its total; the Excel export is a workbook in the board's layout (read
 * back with exceljs); the print view shows the national heading, the place
 * and date and the signature block, and prints to an A4 PDF.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { screenshot, screenshotDir } from '../helpers/browser';
import { DEMO_ACCOUNTS, type E2E } from './context';

export function reportsSuite(e2e: E2E): void {
  describe('reports (issue 13)', () => {
    test('the province admin generates the biên chế report, downloads it as XLSX and opens the print view', async () => {
      const { page, close } = await e2e.as(DEMO_ACCOUNTS.provinceAdmin);
      try {
        await e2e.open(page, '/reports');
        await page.getByLabel('Loại báo cáo').selectOption('staffing');
        await page.getByLabel('Phạm vi').selectOption('province');
        await page.getByRole('button', { name: 'Lập báo cáo' }).click();
        const result = page.locator('section[data-report][data-ready="true"]');
        await result.waitFor({ timeout: 180_000 });
        const id = await result.getAttribute('data-report');
        expect(id).toMatch(/^report-42-/);
        await e2e.sees(page, 'BÁO CÁO TÌNH HÌNH GIAO VÀ SỬ DỤNG BIÊN CHẾ CẤP XÃ');
        const total = page.locator('tr[data-row="total"] td[data-col="all.allocated"]');
        expect(Number((await total.innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
        const stored = (await e2e.db.doc(`reports/${id}`).get()).data();
        expect(stored).toMatchObject({ state: 'succeeded', scope: 'province', provinceCode: '42' });
        expect(stored?.progress.done).toBe(stored?.progress.total);
        await screenshot(page, 'reports-staffing');

        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.getByRole('button', { name: 'Xuất Excel' }).click(),
        ]);
        const file = path.join(screenshotDir(), 'report-staffing.xlsx');
        await download.saveAs(file);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0]!;
        expect(sheet.getCell('A1').value).toBe('UBND TỈNH HÀ TĨNH');
        expect(sheet.getCell('D1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(sheet.getCell('D2').value).toBe('Độc lập - Tự do - Hạnh phúc');
        expect(String(sheet.getCell('D3').value)).toMatch(/^Hà Tĩnh, ngày \d{2} tháng \d{2} năm \d{4}$/);
        expect(sheet.getCell('A4').value).toBe('BÁO CÁO TÌNH HÌNH GIAO VÀ SỬ DỤNG BIÊN CHẾ CẤP XÃ');
        const firstColumn = (sheet.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string');
        expect(firstColumn).toContain('Đơn vị hành chính cấp xã');
        expect(firstColumn).toContain('Tổng cộng');

        await e2e.open(page, `/reports/${id}/print`);
        await page.locator('.print-page[data-ready="true"]').waitFor({ timeout: 60_000 });
        for (const text of [
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'UBND TỈNH HÀ TĨNH',
          'BÁO CÁO TÌNH HÌNH GIAO VÀ SỬ DỤNG BIÊN CHẾ CẤP XÃ',
          'THỦ TRƯỞNG CƠ QUAN',
        ])
          await e2e.sees(page, text);
        await screenshot(page, 'reports-print');
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
        fs.writeFileSync(path.join(screenshotDir(), 'report-staffing.pdf'), pdf);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
      } finally {
        await close();
      }
    }, 300_000);
  });
}
