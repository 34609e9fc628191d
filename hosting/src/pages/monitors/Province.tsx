/**
 * The province's page of area monitors (issue 13, docs/monitors.md): each
 * monitor and the communes it follows now, the assignment and reassignment
 * forms (province admins), the history of assignments, the communes' work log
 * and a monitor's periodic report. Auditors read everything, change nothing.
 */
import type { MonitorField } from '@canbo/model';
import { useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { call, newRequestId } from '../../lib/api';
import { toAppError, type AppError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useClaims, useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { FIELDS, loadAssignments, loadLog, loadMonitors } from './data';
import { AssignmentTable, LogTable, ReportPanel, useCommuneNames, type NameOf } from './parts';

interface MonitorRow {
  uid: string;
  communes: string[];
  fields: MonitorField[];
}

export default function Province() {
  const { t } = useI18n();
  const claims = useClaims();
  const uid = useSession().user?.uid ?? '';
  const nameOf = useCommuneNames(claims);
  const [reportOf, setReportOf] = useState('');
  const data = useAsync(async () => {
    const [assignments, log, scoped] = await Promise.all([
      loadAssignments(claims, uid),
      loadLog(claims),
      loadMonitors(claims),
    ]);
    // Current communes: the scope documents (province admins), else the current assignments (auditors).
    const current = assignments.filter((a) => a.to === null);
    const byUid = new Map<string, MonitorRow>(
      current.map((a) => [a.monitorUid, { uid: a.monitorUid, communes: a.communes, fields: a.fields }]),
    );
    for (const s of scoped)
      byUid.set(s.uid, { uid: s.uid, communes: s.communes, fields: byUid.get(s.uid)?.fields ?? [] });
    const monitors = [...byUid.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1));
    return { assignments, log, monitors };
  }, [claims, uid]);

  if (data.loading && !data.data) return <Loading />;
  if (data.error || !data.data) return <ErrorView error={data.error} onRetry={data.reload} />;
  const { assignments, log, monitors } = data.data;
  const admin = claims.role === 'province_admin';
  const columns: Column<MonitorRow>[] = [
    { key: 'uid', label: 'mon.ui.monitor', value: (r) => r.uid },
    {
      key: 'communes',
      label: 'mon.ui.communes',
      value: (r) => r.communes.map(nameOf).join(', '),
      render: (r) => (
        <span data-communes={r.communes.join(',')}>
          {r.communes.map((c, i) => (
            <span key={c}>
              {i > 0 && ', '}
              <a href={`/communes/${c}`}>{nameOf(c)}</a>
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'fields',
      label: 'mon.ui.fields',
      value: (r) => r.fields.map((f) => t(`monitorField.${f}`)).join(', '),
    },
  ];
  return (
    <div data-ready="true">
      <h1>{t('mon.ui.province')}</h1>
      <section class="panel" aria-labelledby="monitors-title">
        <h2 id="monitors-title">{t('mon.ui.province')}</h2>
        {monitors.length === 0 ? (
          <p>{t('mon.ui.none')}</p>
        ) : (
          <Table
            caption={t('mon.ui.province')}
            columns={columns}
            rows={monitors}
            rowKey={(r) => r.uid}
            rowAttr="data-monitor"
          />
        )}
      </section>
      {admin && monitors.length > 0 && (
        <section class="panel" aria-labelledby="reassign-title">
          <ReassignForm monitors={monitors} nameOf={nameOf} onDone={data.reload} />
          {/* Remounted when the monitors' communes change, so its fields start from the current ones. */}
          <AssignForm
            key={monitors.map((m) => `${m.uid}:${m.communes.join(',')}`).join('|')}
            monitors={monitors}
            onDone={data.reload}
          />
        </section>
      )}
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('mon.ui.history')}</h2>
        <AssignmentTable rows={assignments} nameOf={nameOf} caption={t('mon.ui.history')} />
      </section>
      <section class="panel" aria-labelledby="plog-title">
        <h2 id="plog-title">{t('mon.ui.provinceLog')}</h2>
        <LogTable
          rows={log}
          nameOf={nameOf}
          canUpdate={false}
          onChanged={data.reload}
          caption={t('mon.ui.provinceLog')}
        />
      </section>
      {monitors.length > 0 && (
        <>
          <label>
            {t('mon.ui.monitor')}{' '}
            <select value={reportOf} onChange={(e) => setReportOf(e.currentTarget.value)}>
              <option value="">—</option>
              {monitors.map((m) => (
                <option key={m.uid} value={m.uid}>
                  {m.uid}
                </option>
              ))}
            </select>
          </label>
          {reportOf && <ReportPanel monitorUid={reportOf} nameOf={nameOf} />}
        </>
      )}
    </div>
  );
}

function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      onDone();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

/** reassignMonitorCommune: one commune from one monitor to another, at once. */
function ReassignForm({
  monitors,
  nameOf,
  onDone,
}: {
  monitors: MonitorRow[];
  nameOf: NameOf;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [fromUid, setFrom] = useState(monitors[0]?.uid ?? '');
  const from = monitors.find((m) => m.uid === fromUid);
  const [communeCode, setCommune] = useState('');
  const [toUid, setTo] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(onDone);
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(() =>
      call('reassignMonitorCommune', { communeCode, fromUid, toUid, reason, requestId: newRequestId() }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="reassign-title">
      <h2 id="reassign-title">{t('mon.ui.reassign')}</h2>
      <label>
        {t('mon.ui.monitor')}
        <select
          name="fromUid"
          value={fromUid}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            setCommune('');
          }}
        >
          {monitors.map((m) => (
            <option key={m.uid} value={m.uid}>
              {m.uid}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.commune')}
        <select name="communeCode" value={communeCode} onChange={(e) => setCommune(e.currentTarget.value)}>
          <option value="">—</option>
          {(from?.communes ?? []).map((c) => (
            <option key={c} value={c}>
              {nameOf(c)} ({c})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.toMonitor')}
        <select name="toUid" value={toUid} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">—</option>
          {monitors
            .filter((m) => m.uid !== fromUid)
            .map((m) => (
              <option key={m.uid} value={m.uid}>
                {m.uid}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('mon.ui.reason')}
        <input name="reason" value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={action.busy || !communeCode || !toUid}>
        {t('mon.ui.reassign')}
      </button>
      {action.done && <p role="status">{t('mon.ui.saved')}</p>}
      {action.error && <ErrorView error={action.error} />}
    </form>
  );
}

/** assignMonitor: a monitor's communes and fields from today, replacing its current assignment. */
function AssignForm({ monitors, onDone }: { monitors: MonitorRow[]; onDone: () => void }) {
  const { t } = useI18n();
  const [monitorUid, setMonitor] = useState(monitors[0]?.uid ?? '');
  const [communes, setCommunes] = useState(monitors[0]?.communes.join(', ') ?? '');
  const [fields, setFields] = useState<MonitorField[]>(monitors[0]?.fields ?? []);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(onDone);
  const pick = (uid: string) => {
    setMonitor(uid);
    const m = monitors.find((x) => x.uid === uid);
    setCommunes(m?.communes.join(', ') ?? '');
    setFields(m?.fields ?? []);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const list = communes
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    void action.run(() =>
      call('assignMonitor', {
        monitorUid,
        communes: list,
        fields,
        reason,
        ...(decision.trim() ? { decision: decision.trim() } : {}),
        requestId: newRequestId(),
      }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="assign-title">
      <h2 id="assign-title">{t('mon.ui.assign')}</h2>
      <label>
        {t('mon.ui.monitor')}
        <select value={monitorUid} onChange={(e) => pick(e.currentTarget.value)}>
          {monitors.map((m) => (
            <option key={m.uid} value={m.uid}>
              {m.uid}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mon.ui.communeCodes')}
        <input value={communes} onInput={(e) => setCommunes(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('mon.ui.fields')}</legend>
        {FIELDS.map((f) => (
          <label key={f}>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={fields.includes(f)}
              onChange={(e) =>
                setFields(e.currentTarget.checked ? [...fields, f] : fields.filter((x) => x !== f))
              }
            />{' '}
            {t(`monitorField.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('mon.ui.decision')}
        <input value={decision} onInput={(e) => setDecision(e.currentTarget.value)} />
      </label>
      <label>
        {t('mon.ui.reason')}
        <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={action.busy || fields.length === 0}>
        {t('mon.ui.assign')}
      </button>
      {action.done && <p role="status">{t('mon.ui.saved')}</p>}
      {action.error && <ErrorView error={action.error} />}
    </form>
  );
}
