/**
 * The evaluation form of one person and quarter (?period=), for the province
 * and commune admins: the general criteria part by part (the catalogue's
 * split for a leader or another civil servant), the work products with their
 * conversion coefficients, major errors and delays (and how many of them have
 * a certified objective cause, which cancels the deduction), the leader
 * criteria, the days worked, and the facts that force KHT. The score is
 * previewed live through previewEvaluation (the same function the job uses),
 * and the form is saved through recordEvaluationInputs; an error is shown
 * next to its field.
 */
import type { EvaluationInput, ScoringInput, WorkProduct } from '@canbo/model';
import { useRoute } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { newRequestId } from '../../lib/api';
import { toAppError, type AppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { callEvaluation, type Preview } from './api';
import { defaultQuarter, levelLabel, queryParam, reasonText } from './common';
import { generalParts, loadCadreQuarter } from './data';

interface ProductRow {
  id: string;
  name: string;
  coefficient: number;
  completed: boolean;
  errors: number;
  errorsObjective: number;
  delays: number;
  delaysObjective: number;
}

const issues = (n: number, objective: number) =>
  Array.from({ length: Math.max(0, n) }, (_, i) => ({ objectiveCause: i < objective }));

function toRow(p: WorkProduct): ProductRow {
  return {
    id: p.id,
    name: p.name,
    coefficient: p.coefficient,
    completed: p.completed,
    errors: p.majorErrors.length,
    errorsObjective: p.majorErrors.filter((e) => e.objectiveCause).length,
    delays: p.delays.length,
    delaysObjective: p.delays.filter((e) => e.objectiveCause).length,
  };
}

function toProduct(r: ProductRow): WorkProduct {
  return {
    id: r.id,
    name: r.name,
    coefficient: r.coefficient,
    completed: r.completed,
    majorErrors: issues(r.errors, r.errorsObjective),
    delays: issues(r.delays, r.delaysObjective),
  };
}

let nextId = 0;
const newProduct = (): ProductRow => ({
  id: `sp-${Date.now().toString(36)}-${(nextId += 1)}`,
  name: '',
  coefficient: 1,
  completed: true,
  errors: 0,
  errorsObjective: 0,
  delays: 0,
  delaysObjective: 0,
});

export default function Inputs() {
  const { t } = useI18n();
  const { params, query } = useRoute();
  const id = params.id ?? '';
  const period = queryParam(query, 'period') ?? defaultQuarter();
  const state = useAsync(() => loadCadreQuarter(id, period), [id, period]);
  return (
    <div data-ready={state.data ? 'true' : undefined} data-page="evaluation-inputs">
      <section class="panel">
        <h1>
          {t('ev.inputs.title', { period })}
          {state.data?.cadre ? ` — ${state.data.cadre.fullName}` : ''}
        </h1>
        <p>
          <a href={`/evaluation/cadres/${id}?period=${period}`}>{t('ev.panel.open')}</a>
        </p>
      </section>
      {state.loading && !state.data && <Loading />}
      <ErrorView error={state.error} onRetry={state.reload} />
      {state.data && <Form cadreId={id} period={period} input={state.data.input} />}
    </div>
  );
}

function Form({
  cadreId,
  period,
  input,
}: {
  cadreId: string;
  period: string;
  input: EvaluationInput | null;
}) {
  const { t, lang } = useI18n();
  const initial = input?.scoring;
  const [isLeader, setLeader] = useState(initial ? initial.leader !== null : false);
  const [general, setGeneral] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(initial?.general ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [products, setProducts] = useState<ProductRow[]>(() =>
    initial ? initial.products.map(toRow) : [newProduct()],
  );
  const [organisationFull, setOrganisationFull] = useState(initial?.leader?.organisation !== 'other');
  const [third, setThird] = useState(String(initial?.leader?.thirdCriterion ?? 100));
  const [workingDays, setWorkingDays] = useState(
    initial?.workingDays === null || initial === undefined ? '' : String(initial.workingDays),
  );
  const [overrides, setOverrides] = useState(
    initial?.overrides ?? {
      disciplineInYear: false,
      degradationConcluded: false,
      corruptionInDirectUnit: false,
    },
  );
  const [taskGroup, setTaskGroup] = useState(input?.taskGroup ?? 'chung');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());
  const parts = generalParts(isLeader);

  const scoring: ScoringInput = {
    general: Object.fromEntries(
      parts
        .filter((p) => general[p.id] !== undefined && general[p.id] !== '')
        .map((p) => [p.id, Number(general[p.id])]),
    ),
    products: products.map(toProduct),
    leader: isLeader
      ? {
          subordinateLevels: [],
          organisation: organisationFull ? 'full' : 'other',
          thirdCriterion: Number(third),
        }
      : null,
    overrides: isLeader ? overrides : { ...overrides, corruptionInDirectUnit: false },
    workingDays: workingDays === '' ? null : Number(workingDays),
  };
  const key = JSON.stringify(scoring);

  // Live preview, a moment after the last change.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      callEvaluation('previewEvaluation', { scoring }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
        },
        (err: unknown) => {
          if (!live) return;
          setPreview(null);
          setPreviewError(toAppError(err));
        },
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  // Field errors by path without the `scoring.` prefix, from the save or else from the preview.
  const fieldErrors: Record<string, string> = {};
  for (const f of [...(previewError?.fields ?? []), ...(saveError?.fields ?? [])])
    fieldErrors[f.path.replace(/^scoring\./, '')] = f.message;
  const errorOf = (path: string) => fieldErrors[path];

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    setSaved(false);
    try {
      await callEvaluation('recordEvaluationInputs', {
        cadreId,
        period,
        taskGroup,
        scoring,
        requestId: requestId.current,
      });
      requestId.current = newRequestId();
      setSaved(true);
    } catch (err) {
      setSaveError(toAppError(err));
    } finally {
      setBusy(false);
    }
  };
  const setProduct = (i: number, patch: Partial<ProductRow>) =>
    setProducts((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const num = (e: Event) => Number((e.target as HTMLInputElement).value);

  return (
    <form class="panel evaluation-form" onSubmit={(e) => void save(e)} data-section="inputs-form">
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={isLeader}
            onChange={(e) => setLeader((e.target as HTMLInputElement).checked)}
          />{' '}
          {t('ev.inputs.isLeader')}
        </label>
      </div>
      <div class="field" data-field="taskGroup">
        <label for="task-group">{t('ev.inputs.taskGroup')}</label>
        <input
          id="task-group"
          value={taskGroup}
          pattern="[A-Za-z0-9_-]+"
          onInput={(e) => setTaskGroup((e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset>
        <legend>
          {t('ev.general', { points: preview ? formatNumber(preview.general.points, lang) : '—', max: 30 })}
        </legend>
        {parts.map((p) => {
          const path = `general.${p.id}`;
          const err = errorOf(path);
          return (
            <div class={`field${err ? ' invalid' : ''}`} key={p.id} data-field={path}>
              <label for={`g-${p.id}`}>
                {lang === 'en' ? p.nameEn : p.name} (≤ {p.max})
              </label>
              <input
                id={`g-${p.id}`}
                type="number"
                min={0}
                step="0.25"
                value={general[p.id] ?? ''}
                aria-invalid={err ? 'true' : undefined}
                onInput={(e) => setGeneral((g) => ({ ...g, [p.id]: (e.target as HTMLInputElement).value }))}
              />
              {err && (
                <p class="field-error" role="alert">
                  {err}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('ev.inputs.products')}</legend>
        {products.map((p, i) => (
          <div class="product-row" key={p.id} data-product={i}>
            <input
              aria-label={t('ev.inputs.product')}
              placeholder={t('ev.inputs.product')}
              required
              value={p.name}
              onInput={(e) => setProduct(i, { name: (e.target as HTMLInputElement).value })}
            />
            <label>
              {t('ev.inputs.coefficient')}{' '}
              <input
                type="number"
                min={0.1}
                step="0.1"
                value={p.coefficient}
                onInput={(e) => setProduct(i, { coefficient: num(e) })}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={p.completed}
                onChange={(e) => setProduct(i, { completed: (e.target as HTMLInputElement).checked })}
              />{' '}
              {t('ev.inputs.completed')}
            </label>
            <label>
              {t('ev.inputs.errors')}{' '}
              <input
                type="number"
                min={0}
                max={20}
                value={p.errors}
                onInput={(e) => setProduct(i, { errors: num(e) })}
              />
            </label>
            <label>
              {t('ev.inputs.objective')}{' '}
              <input
                type="number"
                min={0}
                max={p.errors}
                value={p.errorsObjective}
                onInput={(e) => setProduct(i, { errorsObjective: num(e) })}
              />
            </label>
            <label>
              {t('ev.inputs.delays')}{' '}
              <input
                type="number"
                min={0}
                max={20}
                value={p.delays}
                onInput={(e) => setProduct(i, { delays: num(e) })}
              />
            </label>
            <label>
              {t('ev.inputs.objective')}{' '}
              <input
                type="number"
                min={0}
                max={p.delays}
                value={p.delaysObjective}
                onInput={(e) => setProduct(i, { delaysObjective: num(e) })}
              />
            </label>
            <button type="button" onClick={() => setProducts((l) => l.filter((_, j) => j !== i))}>
              {t('ev.inputs.remove')}
            </button>
            {errorOf(`products.${i}.name`) && <p class="field-error">{errorOf(`products.${i}.name`)}</p>}
          </div>
        ))}
        <button type="button" onClick={() => setProducts((l) => [...l, newProduct()])}>
          {t('ev.inputs.addProduct')}
        </button>
      </fieldset>
      {isLeader && (
        <fieldset>
          <legend>{t('ev.leader')}</legend>
          <label>
            <input
              type="checkbox"
              checked={organisationFull}
              onChange={(e) => setOrganisationFull((e.target as HTMLInputElement).checked)}
            />{' '}
            {t('ev.inputs.organisationFull')}
          </label>
          <div class="field" data-field="leader.thirdCriterion">
            <label for="third">{t('ev.inputs.third')}</label>
            <input
              id="third"
              type="number"
              min={0}
              max={100}
              value={third}
              onInput={(e) => setThird((e.target as HTMLInputElement).value)}
            />
          </div>
        </fieldset>
      )}
      <div class={`field${errorOf('workingDays') ? ' invalid' : ''}`} data-field="workingDays">
        <label for="working-days">{t('ev.inputs.workingDays')}</label>
        <input
          id="working-days"
          type="number"
          min={0}
          max={92}
          value={workingDays}
          onInput={(e) => setWorkingDays((e.target as HTMLInputElement).value)}
        />
        {errorOf('workingDays') && <p class="field-error">{errorOf('workingDays')}</p>}
      </div>
      <fieldset>
        <legend>{t('ev.inputs.overrides')}</legend>
        {(
          [
            'disciplineInYear',
            'degradationConcluded',
            ...(isLeader ? ['corruptionInDirectUnit'] : []),
          ] as const
        ).map((f) => (
          <label key={f} class="block">
            <input
              type="checkbox"
              checked={overrides[f as keyof typeof overrides]}
              onChange={(e) => setOverrides((o) => ({ ...o, [f]: (e.target as HTMLInputElement).checked }))}
            />{' '}
            {t(`evaluation.reason.${f as 'disciplineInYear'}`)}
          </label>
        ))}
      </fieldset>
      <section class="preview" aria-live="polite" data-section="preview">
        <h2>{t('ev.preview')}</h2>
        {preview ? (
          <>
            <p data-field="preview-total">
              {preview.total === null
                ? t('ev.level.notRated')
                : t('ev.preview.value', {
                    total: formatNumber(preview.total, lang),
                    level: preview.level ? t(levelLabel(preview.level)) : '—',
                  })}
            </p>
            {preview.tasks && (
              <p data-section="preview-subscores">
                {(['a', 'b', 'c', 'd', 'dd', 'e'] as const)
                  .filter((k) => preview.tasks![k] !== null)
                  .map((k) => `${t(`ev.sub.${k}`)}: ${formatNumber(preview.tasks![k], lang)} %`)
                  .join(' · ')}
              </p>
            )}
            <ul>
              {preview.reasons.map((r, i) => (
                <li key={i}>{reasonText(r, t)}</li>
              ))}
            </ul>
          </>
        ) : previewError && previewError.fields.length === 0 ? (
          <ErrorView error={previewError} />
        ) : previewError ? null : (
          <Loading />
        )}
      </section>
      <button type="submit" disabled={busy}>
        {t('ev.inputs.save')}
      </button>
      {saved && <p role="status">{t('ev.inputs.saved')}</p>}
      {saveError && saveError.fields.length === 0 && <ErrorView error={saveError} />}
    </form>
  );
}
