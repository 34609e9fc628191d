/**
 * One person's evaluation for a quarter (?period=): the inputs recorded
 * (work products, overrides, days worked), the sub-scores a/b/c (and d/đ/e
 * for a leader), the general criteria part by part (with the attitude part
 * from citizens' ratings when the rules take it from them), the total, the
 * level and why, and the review. Reviewers (area monitor, province) confirm
 * or change the level with a reason (reviewEvaluation); the person writes
 * their self-assessment (recordSelfAssessment); recorders open the form.
 */
import type { Evaluation, Level } from '@canbo/model';
import { useLocation, useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { newRequestId } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { callEvaluation } from './api';
import { defaultQuarter, LEVELS, levelLabel, PeriodSelect, queryParam, reasonText } from './common';
import { GENERAL_MAX, loadCadreQuarter, partName, TASKS_MAX } from './data';
import { RECORDERS, REVIEWERS } from './routes';

export default function CadreEvaluation() {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const period = queryParam(query, 'period') ?? defaultQuarter();
  const state = useAsync(() => loadCadreQuarter(id, period), [id, period]);
  const d = state.data;
  const r = d?.result ?? null;
  const n = (x: number | null | undefined) => formatNumber(x ?? null, lang);
  return (
    <div data-ready={d ? 'true' : undefined} data-page="evaluation-cadre">
      <section class="panel">
        <h1>
          {t('ev.cadre.title', { period })}
          {d?.cadre ? ` — ${d.cadre.fullName}` : ''}
        </h1>
        <p class="toolbar">
          <PeriodSelect value={period} onChange={(p) => route(`/evaluation/cadres/${id}?period=${p}`)} />{' '}
          {RECORDERS.includes(claims.role) && (
            <a class="button" href={`/evaluation/cadres/${id}/inputs?period=${period}`}>
              {t('ev.inputs.edit')}
            </a>
          )}
        </p>
      </section>
      {state.loading && !d && <Loading />}
      <ErrorView error={state.error} onRetry={state.reload} />
      {d && !r && <Notice>{t('ev.cadre.none')}</Notice>}
      {r && <Result r={r} n={n} />}
      {r && REVIEWERS.includes(claims.role) && <ReviewForm r={r} onDone={state.reload} />}
      {d && (
        <section class="panel" data-section="inputs">
          <h2>{t('ev.inputs.title', { period })}</h2>
          {!d.input ? (
            <p>{t('ev.cadre.noInputs')}</p>
          ) : (
            <>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('ev.inputs.product')}</th>
                      <th scope="col">{t('ev.inputs.coefficient')}</th>
                      <th scope="col">{t('ev.inputs.completed')}</th>
                      <th scope="col">{t('ev.inputs.errors')}</th>
                      <th scope="col">{t('ev.inputs.delays')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.input.scoring.products.map((p) => (
                      <tr key={p.id}>
                        <td>{p.name}</td>
                        <td class="num">{n(p.coefficient)}</td>
                        <td>{p.completed ? t('ui.yes') : t('ui.no')}</td>
                        <td class="num">
                          {p.majorErrors.length} ({p.majorErrors.filter((e) => e.objectiveCause).length})
                        </td>
                        <td class="num">
                          {p.delays.length} ({p.delays.filter((e) => e.objectiveCause).length})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {d.input.scoring.workingDays !== null && (
                <p>
                  {t('ev.inputs.workingDays')}: {d.input.scoring.workingDays}
                </p>
              )}
              <h3>{t('ev.self.title')}</h3>
              <p data-field="selfAssessment">{d.input.selfAssessment ?? '—'}</p>
              {claims.role === 'cadre' && claims.cadreId === id && (
                <SelfAssessment
                  period={period}
                  initial={d.input.selfAssessment ?? ''}
                  onDone={state.reload}
                />
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}

function Result({ r, n }: { r: Evaluation; n: (x: number | null | undefined) => string }) {
  const { t, lang } = useI18n();
  const level = r.review?.level ?? r.level;
  const tasks = r.tasks;
  const subs: [string, number | null][] = tasks
    ? [
        ['ev.sub.a', tasks.a],
        ['ev.sub.b', tasks.b],
        ['ev.sub.c', tasks.c],
        ...(r.leader
          ? ([
              ['ev.sub.d', tasks.d],
              ['ev.sub.dd', tasks.dd],
              ['ev.sub.e', tasks.e],
            ] as [string, number | null][])
          : []),
        ['ev.sub.percent', tasks.percent],
      ]
    : [];
  return (
    <section class="panel" data-section="result" data-level={level ?? 'none'}>
      <h2>
        {t('ev.total')}: <span data-field="total">{n(r.total)}</span> —{' '}
        <span data-field="level">{level ? t(levelLabel(level)) : t('ev.level.notRated')}</span>
      </h2>
      <h3>{t('ev.general', { points: n(r.general.points), max: GENERAL_MAX })}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ev.part')}</th>
              <th scope="col">{t('ev.points')}</th>
              <th scope="col">{t('ev.max')}</th>
            </tr>
          </thead>
          <tbody>
            {r.general.parts.map((p) => (
              <tr key={p.id} data-part={p.id}>
                <td>{partName(p.id, lang)}</td>
                <td class="num">{n(p.points)}</td>
                <td class="num">{n(p.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.attitude && (
        <p data-section="attitude">
          {t('ev.attitude', {
            ratings: r.attitude.ratings,
            share: r.attitude.estimate === null ? '—' : `${Math.round(r.attitude.estimate * 1000) / 10}%`,
          })}
          {'. '}
          {r.attitude.applied
            ? t('ev.attitude.applied', {
                points: n(r.attitude.satisfactionPoints),
                max: n(r.attitude.satisfactionMax),
                typed: n(r.attitude.reviewerPoints),
              })
            : t('ev.attitude.notApplied')}
        </p>
      )}
      {tasks && (
        <>
          <h3>{t('ev.tasks', { points: n(tasks.points), max: TASKS_MAX })}</h3>
          <dl class="grid" data-section="subscores">
            {subs.map(([k, v]) => (
              <div key={k}>
                <dt>{t(k as 'ev.sub.a')}</dt>
                <dd>{v === null ? '—' : `${n(v)} %`}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h3>{t('ev.reasons')}</h3>
      <ul data-section="reasons">
        {r.reasons.map((x, i) => (
          <li key={i}>{reasonText(x, t)}</li>
        ))}
      </ul>
      {r.review && (
        <p data-section="review">
          {t('ev.review.title')}:{' '}
          {t('ev.review.by', {
            level: t(levelLabel(r.review.level)),
            reason: r.review.reason,
            by: r.review.by,
            at: formatDateTime(r.review.at),
          })}
        </p>
      )}
    </section>
  );
}

function ReviewForm({ r, onDone }: { r: Evaluation; onDone: () => void }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level>(r.review?.level ?? r.level ?? 'HT');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const requestId = useRef(newRequestId());
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callEvaluation('reviewEvaluation', {
        cadreId: r.cadreId,
        period: r.period,
        level,
        reason,
        requestId: requestId.current,
      });
      requestId.current = newRequestId();
      setSaved(true);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" data-section="review-form">
      <h2>{t('ev.review.title')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="review-level">{t('ev.level')}</label>
          <select
            id="review-level"
            value={level}
            onChange={(e) => setLevel((e.target as HTMLSelectElement).value as Level)}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(levelLabel(l))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="review-reason">{t('ev.reason')}</label>
          <textarea
            id="review-reason"
            required
            maxLength={1000}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          />
        </div>
        <button type="submit" disabled={busy || reason.trim() === ''}>
          {t('ev.review.submit')}
        </button>
        {saved && <p role="status">{t('ev.review.saved')}</p>}
        <ErrorView error={error} />
      </form>
    </section>
  );
}

function SelfAssessment({
  period,
  initial,
  onDone,
}: {
  period: string;
  initial: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const requestId = useRef(newRequestId());
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callEvaluation('recordSelfAssessment', { period, text, requestId: requestId.current });
      requestId.current = newRequestId();
      setSaved(true);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-section="self-form">
      <div class="field">
        <label for="self-text">{t('ev.self.title')}</label>
        <textarea
          id="self-text"
          required
          maxLength={5000}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <button type="submit" disabled={busy || text.trim() === ''}>
        {t('ev.self.submit')}
      </button>
      {saved && <p role="status">{t('ev.self.saved')}</p>}
      <ErrorView error={error} />
    </form>
  );
}
