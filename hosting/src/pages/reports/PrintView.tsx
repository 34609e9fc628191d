/**
 * The printable report (docs/reports.md): the layout of an administrative
 * document — the issuing body on the left and the national heading on the
 * right ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"),
 * the place and date ("Nghệ An, ngày 01 tháng 12 năm 2026"), the title, the
 * table, the notes and the signature block — on A4 landscape. The browser
 * prints it or saves it as PDF (window.print): its own fonts render every
 * Vietnamese diacritic, and no font is shipped.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { message } from '@canbo/model/messages';
import { useI18n } from '../../lib/i18n';
import { loadReport, type ReportView } from './data';
import { ReportTableView } from './ReportTableView';
import { placeDate } from './sheet';

const PRINT_CSS = `
@page { size: A4 landscape; margin: 15mm 12mm 15mm 20mm; }
.print-page { font-family: "Times New Roman", Times, serif; color: #000; background: #fff; padding: 8mm; }
.print-head { display: flex; justify-content: space-between; text-align: center; gap: 2rem; }
.print-head p { margin: 0; }
.print-head .rule { display: inline-block; width: 40%; border-top: 1px solid #000; margin-top: 2px; }
.print-head .date { font-style: italic; margin-top: 0.6rem; }
.print-page h1 { text-align: center; font-size: 14pt; margin: 1.2rem 0 0.2rem; }
.print-page .subtitle { text-align: center; font-style: italic; margin: 0 0 0.8rem; }
.print-page table { border-collapse: collapse; width: 100%; font-size: 9pt; }
.print-page th, .print-page td { border: 1px solid #000; padding: 2px 4px; }
.print-page .num { text-align: right; }
.print-page tr.report-subtotal, .print-page tr.report-total, .print-page tr.report-group { font-weight: bold; }
.print-page thead { display: table-header-group; }
.print-page tr { break-inside: avoid; }
.print-signatures { display: flex; justify-content: space-around; text-align: center; margin-top: 1.5rem; break-inside: avoid; }
.print-signatures p { margin: 0; }
.print-signatures .space { height: 5rem; }
@media print {
  body * { visibility: hidden; }
  .print-page, .print-page * { visibility: visible; }
  .print-page { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
  .no-print { display: none !important; }
}
`;

export default function PrintView({ id }: { id: string }) {
  const { lang } = useI18n();
  const [report, setReport] = useState<ReportView | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadReport(id).then(setReport, setError);
  }, [id]);
  if (error !== null) return <ErrorView error={error} />;
  if (report === undefined) return <Loading />;
  if (report === null || !report.table)
    return <Notice>{message('report.failed', { error: id })[lang]}</Notice>;
  const table = report.table;
  const m = (key: Parameters<typeof message>[0], params = {}) => message(key, params)[lang];
  return (
    <div class="print-page" data-ready="true">
      <style>{PRINT_CSS}</style>
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          {m('report.print.button')}
        </button>
      </p>
      <header class="print-head">
        <div class="issuer">
          <p>
            <strong>{m('report.print.issuer', { unit: table.unitName }).toUpperCase()}</strong>
          </p>
          <span class="rule" />
        </div>
        <div class="nation">
          <p>
            <strong>{m('report.print.nation')}</strong>
          </p>
          <p>
            <strong>{m('report.print.motto')}</strong>
          </p>
          <span class="rule" />
          <p class="date">{placeDate(table, lang)}</p>
        </div>
      </header>
      <h1>{table.title[lang]}</h1>
      <p class="subtitle">{table.subtitle[lang]}</p>
      <ReportTableView table={table} />
      {table.notes.map((n, i) => (
        <p key={i}>
          <em>{n[lang]}</em>
        </p>
      ))}
      <div class="print-signatures">
        <div>
          <p>
            <strong>{m('report.print.preparer')}</strong>
          </p>
          <p>
            <em>{m('report.print.signHint')}</em>
          </p>
          <div class="space" />
        </div>
        <div>
          <p>
            <strong>{m('report.print.signer')}</strong>
          </p>
          <p>
            <em>{m('report.print.signSealHint')}</em>
          </p>
          <div class="space" />
        </div>
      </div>
    </div>
  );
}
