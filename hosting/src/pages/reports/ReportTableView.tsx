/**
 * A report's table on screen, from the same rows the XLSX and the print view
 * use (sheet.ts): band and column headings, group headings, rows, subtotals
 * and the total; figures formatted in the reader's language. Rows carry
 * `data-row` (unit code, person's movement, type) and cells `data-col`.
 */
import type { ReportTable } from '@canbo/model';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { bands, sheetRows } from './sheet';

export function ReportTableView({ table }: { table: ReportTable }) {
  const { lang } = useI18n();
  const rows = sheetRows(table, lang);
  const hasBands = table.columns.some((c) => c.band);
  const body = rows.filter((r) => r.kind !== 'band' && r.kind !== 'heading');
  return (
    <div class="table-wrap report-table">
      <table aria-label={table.title[lang]}>
        <thead>
          {hasBands && (
            <tr>
              <th rowSpan={2} scope="col">
                {table.rowHeading[lang]}
              </th>
              {bands(table, lang).map(([label, span], i) =>
                label ? (
                  <th key={i} colSpan={span} scope="colgroup">
                    {label}
                  </th>
                ) : (
                  <th key={i} rowSpan={2} scope="col">
                    {
                      table.columns[
                        bands(table, lang)
                          .slice(0, i)
                          .reduce((n, [, s]) => n + s, 0)
                      ]!.label[lang]
                    }
                  </th>
                ),
              )}
            </tr>
          )}
          <tr>
            {!hasBands && <th scope="col">{table.rowHeading[lang]}</th>}
            {table.columns
              .filter((c) => !hasBands || c.band)
              .map((c) => (
                <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.label[lang]}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {body.map((r) => (
            <tr
              key={`${r.kind}-${r.key}`}
              data-row={r.key}
              class={r.kind === 'row' ? undefined : `report-${r.kind}`}
            >
              {r.kind === 'group' ? (
                <th colSpan={table.columns.length + 1} scope="rowgroup">
                  {r.cells[0]}
                </th>
              ) : (
                <>
                  <th scope="row">{r.cells[0]}</th>
                  {r.cells.slice(1).map((v, i) => (
                    <td
                      key={i}
                      data-col={table.columns[i]!.key}
                      class={typeof v === 'number' ? 'num' : undefined}
                    >
                      {typeof v === 'number' ? formatNumber(v, lang) : (v ?? '')}
                    </td>
                  ))}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
