/**
 * The audit log for the auditor (firestore.rules: auditors of the province
 * only): every change with who made it, what, on which document, why and
 * when, newest first, filtered by who (actor uid), what (action) and when (a
 * date range in Vietnam time). Every query carries the province filter the
 * rules require; firestore.indexes.json has the composite indexes.
 */
import type { AuditEntry } from '@canbo/model';
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type QueryDocumentSnapshot,
} from 'firebase/firestore/lite';
import { useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { db } from '../../lib/firebase';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';

const PAGE = 50;
/** The actions the callables record (docs/api.md); the filter also takes any other by typing it. */
const ACTIONS = [
  'movement.propose',
  'movement.approve',
  'movement.reject',
  'movement.start',
  'movement.complete',
  'movement.extend',
  'movement.cancel',
  'quota.allocate',
  'quota.carryOver',
  'user.setScope',
  'profile.recordRestrictions',
];

export interface AuditFilter {
  who: string;
  what: string;
  from: string;
  to: string;
}

/** Vietnam's midnight (UTC+7) of a YYYY-MM-DD day, as the ISO instant the log stores. */
export function vietnamDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString();
}

/** The query constraints of a filter: the province first (the rules' scope), then who, what and when. */
export function auditConstraints(province: string, f: AuditFilter): QueryConstraint[] {
  const c: QueryConstraint[] = [where('provinceCode', '==', province)];
  if (f.who.trim()) c.push(where('actor.uid', '==', f.who.trim()));
  if (f.what.trim()) c.push(where('action', '==', f.what.trim()));
  if (f.from) c.push(where('at', '>=', vietnamDayStart(f.from)));
  if (f.to) {
    const next = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    c.push(where('at', '<', vietnamDayStart(next)));
  }
  c.push(orderBy('at', 'desc'));
  return c;
}

type Row = Pick<AuditEntry, 'id' | 'action' | 'target' | 'reason' | 'at'> & { uid: string; role: string };

function rowOf(d: QueryDocumentSnapshot): Row {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const actor = d.get('actor') as Record<string, unknown> | undefined;
  return {
    id: d.id,
    action: s(d.get('action')),
    target: s(d.get('target')),
    reason: s(d.get('reason')),
    at: s(d.get('at')),
    uid: s(actor?.uid),
    role: s(actor?.role),
  };
}

export default function AuditLog() {
  const { t, pick } = useI18n();
  const claims = useClaims();
  const [draft, setDraft] = useState<AuditFilter>({ who: '', what: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  const [more, setMore] = useState<{ rows: Row[]; last: QueryDocumentSnapshot | null }>({
    rows: [],
    last: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const state = useAsync(async () => {
    setMore({ rows: [], last: null });
    const snap = await getDocs(
      query(collection(db, 'audit'), ...auditConstraints(claims.province, filter), limit(PAGE)),
    );
    return {
      rows: snap.docs.map(rowOf),
      last: snap.docs.length === PAGE ? snap.docs[snap.docs.length - 1]! : null,
    };
  }, [claims.province, JSON.stringify(filter)]);

  const loadMore = async () => {
    const last = more.last ?? state.data?.last;
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const snap = await getDocs(
        query(
          collection(db, 'audit'),
          ...auditConstraints(claims.province, filter),
          startAfter(last),
          limit(PAGE),
        ),
      );
      setMore({
        rows: [...more.rows, ...snap.docs.map(rowOf)],
        last: snap.docs.length === PAGE ? snap.docs[snap.docs.length - 1]! : null,
      });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const rows = [...(state.data?.rows ?? []), ...more.rows];
  const hasMore = more.rows.length > 0 ? more.last !== null : state.data?.last != null;
  const set = (k: keyof AuditFilter) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });

  return (
    <>
      <section class="panel">
        <h1>{t('auditLog.title')}</h1>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(draft);
          }}
        >
          <label for="audit-who">{t('auditLog.who')}</label>
          <input id="audit-who" value={draft.who} onInput={set('who')} />
          <label for="audit-what">{t('auditLog.what')}</label>
          <input
            id="audit-what"
            list="audit-actions"
            value={draft.what}
            onInput={set('what')}
            placeholder={t('auditLog.any')}
          />
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <label for="audit-from">{t('auditLog.from')}</label>
          <input id="audit-from" type="date" value={draft.from} onInput={set('from')} />
          <label for="audit-to">{t('auditLog.to')}</label>
          <input id="audit-to" type="date" value={draft.to} onInput={set('to')} />
          <button type="submit">{t('auditLog.filter')}</button>
        </form>
      </section>
      <section class="panel" data-audit-rows={rows.length}>
        {state.loading && <Loading />}
        {state.error && <ErrorView error={state.error} onRetry={state.reload} />}
        {!state.loading && !state.error && (
          <>
            <p>{t('auditLog.count', { count: rows.length })}</p>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('auditLog.when')}</th>
                    <th scope="col">{t('auditLog.who')}</th>
                    <th scope="col">{t('auditLog.what')}</th>
                    <th scope="col">{t('auditLog.target')}</th>
                    <th scope="col">{t('auditLog.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} data-action={r.action}>
                      <td>{formatDateTime(r.at)}</td>
                      <td>
                        {r.uid}
                        <br />
                        <small>{r.role}</small>
                      </td>
                      <td>
                        <code>{r.action}</code>
                      </td>
                      <td>
                        {r.target.startsWith('movements/') ? (
                          <a href={`/${r.target}`}>{r.target}</a>
                        ) : (
                          r.target
                        )}
                      </td>
                      <td>
                        {r.reason.includes(' / ')
                          ? pick({
                              vi: r.reason.split(' / ')[0]!,
                              en: r.reason.split(' / ').slice(1).join(' / '),
                            })
                          : r.reason}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {hasMore && (
              <button type="button" disabled={loadingMore} onClick={() => void loadMore()}>
                {loadingMore ? t('ui.loading') : t('auditLog.more')}
              </button>
            )}
            {moreError ? <ErrorView error={moreError} /> : null}
          </>
        )}
      </section>
    </>
  );
}
