/**
 * Pieces of the monitor pages (issue 13, docs/monitors.md): the work log
 * table (with the follow-up update for monitors), the new-entry form, the
 * periodic report and the assignments table. Every table exports to Excel.
 */
import type { Claims, FollowUpState, MonitorEntryKind, MonitorField, MonitorReport } from '@canbo/model';
import { useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { call, newRequestId } from '../../lib/api';
import { toAppError, type AppError } from '../../lib/errors';
import { formatDate, todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { FIELDS, FOLLOW_UPS, KINDS, monthOf, type AssignmentRow, type LogRow } from './data';

/** A commune's name, or its code when the name is not known. */
export type NameOf = (code: string) => string;

/** The work log, newest first; monitors may move a finding or recommendation along its follow-up. */
export function LogTable({
  rows,
  nameOf,
  canUpdate,
  onChanged,
  caption,
}: {
  rows: LogRow[];
  nameOf: NameOf;
  canUpdate: boolean;
  onChanged: () => void;
  caption: string;
}) {
  const { t } = useI18n();
  const columns: Column<LogRow>[] = [
    { key: 'date', label: 'mon.ui.date', value: (r) => r.date, render: (r) => formatDate(r.date) },
    { key: 'commune', label: 'mon.ui.commune', value: (r) => nameOf(r.communeCode) },
    { key: 'kind', label: 'mon.ui.kind', value: (r) => t(`monitorKind.${r.kind}`) },
    { key: 'field', label: 'mon.ui.field', value: (r) => t(`monitorField.${r.field}`) },
    { key: 'summary', label: 'mon.ui.summary', value: (r) => r.summary },
    {
      key: 'due',
      label: 'mon.ui.dueDate',
      value: (r) => r.dueDate ?? '',
      render: (r) => formatDate(r.dueDate),
    },
    {
      key: 'followUp',
      label: 'mon.ui.followUp',
      value: (r) => (r.followUp ? t(`followUp.${r.followUp}`) : ''),
      render: (r) =>
        r.followUp && canUpdate ? (
          <FollowUpControl row={r} onChanged={onChanged} />
        ) : r.followUp ? (
          <span class={`tag ${r.followUp === 'done' ? '' : 'below'}`}>{t(`followUp.${r.followUp}`)}</span>
        ) : (
          ''
        ),
    },
    { key: 'monitor', label: 'mon.ui.monitor', value: (r) => r.monitorUid },
  ];
  if (rows.length === 0) return <p>{t('mon.ui.logEmpty')}</p>;
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r._id}
      rowAttr="data-entry"
      initialSort={{ key: 'date', dir: 'desc' }}
    />
  );
}

function FollowUpControl({ row, onChanged }: { row: LogRow; onChanged: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<FollowUpState>(row.followUp ?? 'open');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('updateMonitorEntry', { id: row._id, followUp: state, requestId: newRequestId() });
      onChanged();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span>
      <label>
        <span class="sr-only">{t('mon.ui.followUp')}</span>
        <select value={state} onChange={(e) => setState(e.currentTarget.value as FollowUpState)}>
          {FOLLOW_UPS.map((s) => (
            <option key={s} value={s}>
              {t(`followUp.${s}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={busy || state === row.followUp} onClick={save}>
        {t('mon.ui.setState')}
      </button>
      {error && <ErrorView error={error} />}
    </span>
  );
}

/** recordMonitorEntry: a visit, finding or recommendation in one of the monitor's communes. */
export function NewEntryForm({
  communes,
  nameOf,
  onSaved,
}: {
  communes: readonly string[];
  nameOf: NameOf;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [communeCode, setCommune] = useState(communes[0] ?? '');
  const [kind, setKind] = useState<MonitorEntryKind>('visit');
  const [date, setDate] = useState(todayInVietnam());
  const [field, setField] = useState<MonitorField>('government');
  const [summary, setSummary] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  // One key per logical request: a retry of the same input reuses it.
  const requestId = useRef<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    requestId.current ??= newRequestId();
    try {
      await call('recordMonitorEntry', {
        communeCode,
        kind,
        date,
        field,
        summary,
        ...(kind === 'recommendation' && dueDate ? { dueDate } : {}),
        requestId: requestId.current,
      });
      requestId.current = null;
      setSummary('');
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setBusy(false);
    }
  };
  const edit = () => {
    requestId.current = null;
  };
  return (
    <form onSubmit={submit} onInput={edit} aria-labelledby="new-entry-title">
      <h3 id="new-entry-title">{t('mon.ui.newEntry')}</h3>
      <label>
        {t('mon.ui.commune')}
        <select value={communeCode} onChange={(e) => setCommune(e.currentTarget.value)}>
          {communes.map((c) => (
            <option key={c} value={c}>
              {nameOf(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.kind')}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as MonitorEntryKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`monitorKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.date')}
        <input
          type="date"
          value={date}
          max={todayInVietnam()}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('mon.ui.field')}
        <select value={field} onChange={(e) => setField(e.currentTarget.value as MonitorField)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`monitorField.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.summary')}
        <textarea value={summary} rows={3} required onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      {kind === 'recommendation' && (
        <label>
          {t('mon.ui.dueDate')}
          <input type="date" value={dueDate} min={date} onInput={(e) => setDueDate(e.currentTarget.value)} />
        </label>
      )}
      <button type="submit" disabled={busy || !communeCode}>
        {t('mon.ui.save')}
      </button>
      {saved && <p role="status">{t('mon.ui.saved')}</p>}
      {error && <ErrorView error={error} />}
    </form>
  );
}

interface ReportRow {
  communeCode: string;
  name: string;
  visits: number;
  findings: number;
  recommendations: number;
  open: number;
  done: number;
}

/** getMonitorReport for a month or quarter, as a table (with a total row) that exports to Excel. */
export function ReportPanel({ monitorUid, nameOf }: { monitorUid?: string; nameOf: NameOf }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(monthOf(todayInVietnam()));
  const report = useAsync<MonitorReport | null>(
    () =>
      /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period)
        ? call('getMonitorReport', { period, ...(monitorUid ? { monitorUid } : {}) })
        : Promise.resolve(null),
    [period, monitorUid],
  );
  const columns: Column<ReportRow>[] = [
    { key: 'name', label: 'mon.ui.commune', value: (r) => r.name },
    { key: 'visits', label: 'mon.ui.visits', value: (r) => r.visits, num: true },
    { key: 'findings', label: 'mon.ui.findings', value: (r) => r.findings, num: true },
    { key: 'recommendations', label: 'mon.ui.recommendations', value: (r) => r.recommendations, num: true },
    { key: 'open', label: 'mon.ui.open', value: (r) => r.open, num: true },
    { key: 'done', label: 'mon.ui.done', value: (r) => r.done, num: true },
  ];
  const data = report.data;
  const rows: ReportRow[] = data
    ? [
        ...data.rows.map((r) => ({ ...r, name: nameOf(r.communeCode) })),
        { communeCode: 'total', name: t('mon.ui.total'), ...data.totals },
      ]
    : [];
  return (
    <section class="panel" aria-labelledby="report-title">
      <h2 id="report-title">{t('mon.ui.report')}</h2>
      <label>
        {t('mon.ui.period')}{' '}
        <input
          value={period}
          size={8}
          placeholder="2026-11 / 2026-Q4"
          onChange={(e) => setPeriod(e.currentTarget.value.trim())}
        />
      </label>
      {report.loading ? (
        <Loading />
      ) : report.error ? (
        <ErrorView error={report.error} onRetry={report.reload} />
      ) : data ? (
        <Table
          caption={t('mon.ui.reportTitle', {
            period: data.period,
            from: formatDate(data.from),
            to: formatDate(data.to),
          })}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.communeCode}
          rowAttr="data-report-unit"
        />
      ) : null}
    </section>
  );
}

/** Assignments (current first, then the history): who, which communes and fields, from/to, decided by whom and why. */
export function AssignmentTable({
  rows,
  nameOf,
  caption,
}: {
  rows: AssignmentRow[];
  nameOf: NameOf;
  caption: string;
}) {
  const { t } = useI18n();
  const columns: Column<AssignmentRow>[] = [
    { key: 'monitor', label: 'mon.ui.monitor', value: (r) => r.monitorUid },
    { key: 'communes', label: 'mon.ui.communes', value: (r) => r.communes.map(nameOf).join(', ') },
    {
      key: 'fields',
      label: 'mon.ui.fields',
      value: (r) => r.fields.map((f) => t(`monitorField.${f}`)).join(', '),
    },
    { key: 'from', label: 'mon.ui.from', value: (r) => r.from, render: (r) => formatDate(r.from) },
    {
      key: 'to',
      label: 'mon.ui.to',
      value: (r) => r.to ?? '',
      render: (r) => (r.to ? formatDate(r.to) : <span class="tag">{t('mon.ui.current')}</span>),
    },
    { key: 'decision', label: 'mon.ui.decision', value: (r) => r.decision ?? '' },
    { key: 'decidedBy', label: 'mon.ui.decidedBy', value: (r) => r.decidedBy },
    { key: 'reason', label: 'mon.ui.reason', value: (r) => r.reason },
  ];
  return (
    <Table
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r._id}
      initialSort={{ key: 'from', dir: 'desc' }}
    />
  );
}

/** Names of the province's communes (public units), for labels. */
export function useCommuneNames(claims: Claims): NameOf {
  const names = useAsync(async () => {
    const { loadCommunes } = await import('../../data/load');
    return new Map((await loadCommunes(claims.province)).map((c) => [c.code, c.name]));
  }, [claims.province]);
  return (code) => names.data?.get(code) ?? code;
}
