/**
 * A table with sortable columns (click or Enter on a heading; aria-sort says
 * the order) and an "Export to Excel" button that loads the spreadsheet
 * library only when clicked (lib/xlsx.ts). Rows may be highlighted
 * (`rowClass`: `over`, `below`).
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { MessageKey } from '@canbo/model/messages';
import { useI18n } from '../lib/i18n';
import { compareCells, type CellValue } from '../lib/cells';
import { exportXlsx } from '../lib/xlsx';
import { ErrorView } from './ErrorView';

export interface Column<R> {
  key: string;
  label: MessageKey | { text: string };
  /** The value sorted on and exported. */
  value: (row: R) => CellValue;
  /** What the cell shows (default: the value, numbers formatted). */
  render?: (row: R) => ComponentChildren;
  num?: boolean;
}

export interface TableProps<R> {
  /** Accessible caption, also the sheet and file name of the export. */
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string | undefined;
  /** An attribute that carries each row's key (e.g. `data-unit`), for tests and links into the table. */
  rowAttr?: `data-${string}`;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  /** Rows shown before "show all" (long lists on slow devices). */
  pageSize?: number;
}

export function Table<R>({
  caption,
  columns,
  rows,
  rowKey,
  rowClass,
  rowAttr,
  initialSort,
  pageSize = 200,
}: TableProps<R>) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState(initialSort ?? null);
  const [all, setAll] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = (c: Column<R>) => (typeof c.label === 'string' ? t(c.label) : c.label.text);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return rows;
    const out = [...rows].sort((a, b) => compareCells(col.value(a), col.value(b)));
    return sort.dir === 'desc' ? out.reverse() : out;
  }, [rows, sort, columns]);
  const shown = all ? sorted : sorted.slice(0, pageSize);

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  const onExport = async () => {
    setExporting(true);
    setError(null);
    try {
      await exportXlsx(
        caption,
        columns.map(label),
        sorted.map((r) => columns.map((c) => c.value(r))),
      );
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
    }
  };

  const show = (c: Column<R>, r: R): ComponentChildren => {
    if (c.render) return c.render(r);
    const v = c.value(r);
    if (typeof v === 'number') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
    if (typeof v === 'boolean') return v ? t('ui.yes') : t('ui.no');
    return v ?? '—';
  };

  return (
    <div class="table-block">
      <div class="table-tools">
        <small>{t('ui.rows', { count: rows.length })}</small>
        <button type="button" onClick={() => void onExport()} disabled={exporting || rows.length === 0}>
          {exporting ? t('ui.exporting') : t('ui.export')}
        </button>
      </div>
      <ErrorView error={error} />
      <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption class="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  class={c.num ? 'num' : undefined}
                  aria-sort={
                    sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  <button
                    type="button"
                    onClick={() => toggle(c.key)}
                    aria-label={t('ui.sortBy', { column: label(c) })}
                  >
                    {label(c)}
                    {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{t('ui.empty')}</td>
              </tr>
            )}
            {shown.map((r) => (
              <tr key={rowKey(r)} class={rowClass?.(r)} {...(rowAttr ? { [rowAttr]: rowKey(r) } : {})}>
                {columns.map((c) => (
                  <td key={c.key} class={c.num ? 'num' : undefined} data-col={c.key}>
                    {show(c, r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && sorted.length > pageSize && (
        <button type="button" onClick={() => setAll(true)}>
          {t('ui.showAll')} ({sorted.length})
        </button>
      )}
    </div>
  );
}
