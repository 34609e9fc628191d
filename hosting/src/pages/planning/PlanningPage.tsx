/**
 * Planning lists per post and term (QĐ 377-QĐ/TW, docs/planning.md): each
 * list with its people, how full it is (at most 3), and the annual review's
 * flags; the province admin adds a person (the rules are checked first and
 * shown with their basis), removes one with a reason, and runs the annual
 * review. Every change goes through a callable; refusals show their rules
 * through <ErrorView>.
 */
import type { PlanningList, PlanningPerson, PlanningRuleResult, Position } from '@canbo/model';
import { useMemo, useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { Table, type Column } from '../../components/Table';
import { call, newRequestId } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import type { ReviewResult } from './api';
import './api';
import { TermPicker } from './TermPicker';
import { peopleOf, planningLists, positionsById, unitNames, type Term } from './data';

/** The most people one post's list may hold (QĐ 377; DEFAULT_PLANNING_PARAMS on the server). */
const PER_POST = 3;

interface Row {
  list: PlanningList;
  person: PlanningPerson | null;
}

export default function PlanningPage() {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const [term, setTerm] = useState<Term>('2026-2031');
  const ref = useAsync(async () => {
    const [positions, names] = await Promise.all([positionsById(), unitNames(claims.province)]);
    return { positions, names };
  }, [claims.province]);
  const lists = useAsync(() => planningLists(claims, term), [claims.province, claims.role, term]);
  const admin = claims.role === 'province_admin';

  const postName = (id: string) => {
    const p = ref.data?.positions.get(id);
    return p ? (lang === 'en' ? p.nameEn : p.name) : id;
  };
  const unitName = (code: string) => ref.data?.names.get(code) ?? code;
  // One row per person, and a row for an empty list (someone removed the last person).
  const rows: Row[] = useMemo(
    () =>
      (lists.data ?? []).flatMap((list): Row[] =>
        list.entries.length === 0
          ? [{ list, person: null }]
          : list.entries.map((person) => ({ list, person })),
      ),
    [lists.data],
  );
  const columns: Column<Row>[] = [
    { key: 'unit', label: 'planning.ui.unit', value: (r) => unitName(r.list.unitCode) },
    { key: 'post', label: 'planning.ui.post', value: (r) => postName(r.list.positionId) },
    {
      key: 'count',
      label: 'planning.ui.people',
      value: (r) => `${r.list.cadreIds.length}/${PER_POST}`,
      render: (r) => (
        <span class={r.list.cadreIds.length > PER_POST ? 'tag over' : ''}>
          {r.list.cadreIds.length}/{PER_POST}
        </span>
      ),
    },
    {
      key: 'person',
      label: 'planning.ui.person',
      value: (r) => r.person?.fullName ?? '',
      render: (r) => (r.person ? <a href={`/cadres/${r.person.cadreId}`}>{r.person.fullName}</a> : '—'),
    },
    { key: 'birth', label: 'planning.ui.birthDate', value: (r) => formatDate(r.person?.birthDate) },
    {
      key: 'gender',
      label: 'planning.ui.gender',
      value: (r) => (r.person ? t(`gender.${r.person.gender}`) : ''),
    },
    { key: 'added', label: 'planning.ui.addedOn', value: (r) => formatDate(r.person?.addedOn) },
    {
      key: 'flags',
      label: 'planning.ui.flags',
      value: (r) => (r.person?.flags ?? []).map((f) => (lang === 'en' ? f.en : f.vi)).join('; '),
      render: (r) =>
        r.person && r.person.flags.length > 0 ? (
          <ul class="flags">
            {r.person.flags.map((f) => (
              <li key={f.code} data-flag={f.code} class="tag over">
                {lang === 'en' ? f.en : f.vi}
              </li>
            ))}
          </ul>
        ) : (
          t('planning.ui.noFlags')
        ),
    },
  ];
  if (admin)
    columns.push({
      key: 'remove',
      label: { text: '' },
      value: () => '',
      render: (r) =>
        r.person ? <RemoveButton list={r.list} person={r.person} onDone={lists.reload} /> : null,
    });

  return (
    <>
      <section class="panel" data-ready={lists.data && ref.data ? 'true' : undefined}>
        <h1>{t('planning.ui.title')}</h1>
        <p>
          <TermPicker
            term={term}
            onChange={setTerm}
            other={{ href: '/planning/structure', label: 'planning.ui.structure' }}
          />
        </p>
        {admin && <ReviewButton term={term} onDone={lists.reload} />}
      </section>
      {admin && ref.data && (
        <AddForm term={term} positions={ref.data.positions} names={ref.data.names} onDone={lists.reload} />
      )}
      <section class="panel">
        <h2>{t('planning.ui.people')}</h2>
        {(lists.loading || ref.loading) && !lists.data && <Loading />}
        {lists.error && <ErrorView error={lists.error} onRetry={lists.reload} />}
        {ref.error && <ErrorView error={ref.error} onRetry={ref.reload} />}
        {lists.data && lists.data.length === 0 && <p>{t('planning.ui.empty')}</p>}
        {lists.data && lists.data.length > 0 && (
          <Table
            caption={`${t('planning.ui.title')} ${term}`}
            columns={columns}
            rows={rows}
            rowKey={(r) => `${r.list.id}/${r.person?.cadreId ?? ''}`}
            rowAttr="data-entry"
            rowClass={(r) => ((r.person?.flags.length ?? 0) > 0 ? 'over' : undefined)}
            initialSort={{ key: 'unit', dir: 'asc' }}
          />
        )}
      </section>
    </>
  );
}

/** The rules with their outcome and basis (checkPlanningCandidate, addToPlanning). */
export function RuleTable({ rules }: { rules: readonly PlanningRuleResult[] }) {
  const { t, lang } = useI18n();
  return (
    <div class="table-wrap">
      <table class="checks-table">
        <caption>{t('planning.ui.rules')}</caption>
        <tbody>
          {rules.map((r) => (
            <tr
              key={r.code}
              data-rule={r.code}
              data-outcome={r.outcome}
              class={r.outcome === 'fail' ? 'over' : ''}
            >
              <td>
                <span class={`tag ${r.outcome === 'fail' ? 'over' : ''}`}>
                  {t(r.outcome === 'fail' ? 'planning.ui.notMet' : 'planning.ui.met')}
                </span>
              </td>
              <td lang={lang}>{lang === 'en' ? r.messageEn : r.message}</td>
              <td class="basis">{lang === 'en' ? r.basisEn : r.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddForm({
  term,
  positions,
  names,
  onDone,
}: {
  term: Term;
  positions: Map<string, Position>;
  names: Map<string, string>;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const [unitCode, setUnitCode] = useState('');
  const [positionId, setPositionId] = useState('');
  const [cadreId, setCadreId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rules, setRules] = useState<PlanningRuleResult[] | null>(null);
  const [done, setDone] = useState(false);
  const requestId = useRef<string | null>(null);
  const level = /^\d{5}$/.test(unitCode) ? 'commune' : 'province';
  const posts = [...positions.values()].filter((p) => p.leadership && p.level === level);
  const people = useAsync(() => (unitCode ? peopleOf(claims, unitCode) : Promise.resolve([])), [unitCode]);
  const input = { cadreId, term, unitCode, positionId };
  const reset = () => {
    setRules(null);
    setError(null);
    setDone(false);
    requestId.current = null;
  };

  const check = async () => {
    setBusy(true);
    reset();
    try {
      setRules((await call('checkPlanningCandidate', input)).rules);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    // The rules shown are those of this attempt only: a refusal shows its own in <ErrorView>.
    setRules(null);
    requestId.current ??= newRequestId();
    try {
      const r = await call('addToPlanning', { ...input, reason, requestId: requestId.current });
      setRules(r.rules);
      setDone(true);
      requestId.current = null;
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" data-form="add-planning">
      <h2>{t('planning.ui.add')}</h2>
      <form onSubmit={submit}>
        <label>
          {t('planning.ui.unit')}
          <select
            name="unitCode"
            value={unitCode}
            onChange={(e) => {
              setUnitCode((e.target as HTMLSelectElement).value);
              setPositionId('');
              setCadreId('');
              reset();
            }}
          >
            <option value="">—</option>
            {[...names.entries()].map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('planning.ui.post')}
          <select
            name="positionId"
            value={positionId}
            onChange={(e) => {
              setPositionId((e.target as HTMLSelectElement).value);
              reset();
            }}
          >
            <option value="">—</option>
            {posts.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('planning.ui.person')}
          <select
            name="cadreId"
            value={cadreId}
            onChange={(e) => {
              setCadreId((e.target as HTMLSelectElement).value);
              reset();
            }}
          >
            <option value="">—</option>
            {(people.data ?? []).map((c) => {
              const post = positions.get(c.posts.find((p) => !p.concurrent)?.positionId ?? '');
              return (
                <option key={c.id} value={c.id}>
                  {c.fullName}
                  {post ? ` — ${lang === 'en' ? post.nameEn : post.name}` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('planning.ui.reason')}
          <input
            name="reason"
            value={reason}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
            required
            minLength={3}
          />
        </label>
        <p>
          <button type="button" onClick={check} disabled={busy || !cadreId || !positionId}>
            {t('planning.ui.checkFirst')}
          </button>{' '}
          <button type="submit" disabled={busy || !cadreId || !positionId}>
            {t('planning.ui.submit')}
          </button>
        </p>
      </form>
      {people.error && <ErrorView error={people.error} onRetry={people.reload} />}
      {error && <ErrorView error={error} />}
      {done && (
        <p class="ok" role="status" data-result="added">
          {t('planning.ui.added')}
        </p>
      )}
      {rules && <RuleTable rules={rules} />}
    </section>
  );
}

function RemoveButton({
  list,
  person,
  onDone,
}: {
  list: PlanningList;
  person: PlanningPerson;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const requestId = useRef<string | null>(null);
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('planning.ui.remove')}
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    requestId.current ??= newRequestId();
    try {
      await call('removeFromPlanning', {
        cadreId: person.cadreId,
        term: list.term,
        unitCode: list.unitCode,
        positionId: list.positionId,
        reason,
        requestId: requestId.current,
      });
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} data-form="remove-planning">
      <label>
        {t('planning.ui.reason')}
        <input
          name="reason"
          value={reason}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          required
          minLength={3}
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('planning.ui.remove')}
      </button>
      {error && <ErrorView error={error} />}
    </form>
  );
}

function ReviewButton({ term, onDone }: { term: Term; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('reviewPlanning', { term, requestId: newRequestId() }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" onClick={run} disabled={busy}>
        {t('planning.ui.review')}
      </button>
      {result && (
        <p role="status" data-result="reviewed">
          {t('planning.ui.reviewDone', { lists: result.lists, flagged: result.flagged })}
        </p>
      )}
      {error && <ErrorView error={error} />}
    </div>
  );
}
