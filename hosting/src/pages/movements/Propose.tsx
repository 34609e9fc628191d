/**
 * The proposal form (proposeMovement, docs/api.md): the person, the kind of
 * move, where to, when and why; for a secondment its end and any specialised
 * law that allows more than 3 years; the person's own written request. The
 * target unit's quota is shown as checkQuota returns it, and after submitting
 * every check with its legal basis as proposeMovement returns it. A refusal
 * shows its failed checks and bases; field errors appear next to their fields.
 * Commune admins see only their communes (the callable refuses the rest).
 */
import type { Movement, MovementType, TCheckQuotaInput, TProposeMovementInput } from '@canbo/model';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorView, Loading } from '../../components/ErrorView';
import { call, newRequestId, type CheckQuotaResult } from '../../lib/api';
import { fieldErrorMap, toAppError, type AppError } from '../../lib/errors';
import { todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { cadresOf, positions, provinceUnits, unitsInScope, type CadreOption } from './data';
import { Busy, CheckTable, Field, invalid, useFieldText } from './parts';
import { MOVEMENT_TYPES, prefillFrom } from './prefill';

const TYPES = MOVEMENT_TYPES;
/** Types whose target post is optional (docs/api.md, proposeMovement). */
const NO_POST: readonly MovementType[] = ['secondment', 'rotation', 'termination'];
/** Types that take a post in the target unit's quota (the target_quota check). */
const TAKES_QUOTA: readonly MovementType[] = ['transfer', 'rotation', 'appointment'];

export default function Propose() {
  const { t, lang } = useI18n();
  const claims = useClaims();
  const fieldText = useFieldText();
  const ref = useAsync(async () => {
    const [units, catalogue] = await Promise.all([provinceUnits(claims.province), positions()]);
    return { units: unitsInScope(units, claims), catalogue };
  }, [claims.province, claims.role, (claims.communes ?? []).join()]);

  // A link from a list (screening, honours, planning) may name the person and the proposal (prefill.ts).
  const { query } = useLocation();
  const [prefill] = useState(() => prefillFrom(query));
  const [fromUnit, setFromUnit] = useState(prefill.fromUnit ?? '');
  const [cadreId, setCadreId] = useState(prefill.cadreId ?? '');
  const [type, setType] = useState<MovementType>(prefill.type ?? 'transfer');
  const [toUnitCode, setToUnitCode] = useState(prefill.toUnitCode ?? '');
  const [toPositionId, setToPositionId] = useState(prefill.toPositionId ?? '');
  const [startDate, setStartDate] = useState(todayInVietnam());
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const [reason, setReason] = useState(prefill.reason ?? '');
  const [requestNote, setRequestNote] = useState('');
  const [requestDate, setRequestDate] = useState('');
  const [durationBasis, setDurationBasis] = useState('');
  const [durationNote, setDurationNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<Movement | null>(null);
  const [quota, setQuota] = useState<CheckQuotaResult | AppError | null>(null);
  // One key per logical request: a retry of the same input reuses it (docs/api.md, "Idempotency").
  const requestId = useRef<string | null>(null);

  const people = useAsync<CadreOption[]>(
    () => (fromUnit ? cadresOf(claims, fromUnit) : Promise.resolve([])),
    [fromUnit],
  );
  const person = people.data?.find((c) => c.id === cadreId);
  // A prefilled unit outside this account's units is dropped rather than kept invisibly in the form.
  useEffect(() => {
    if (ref.data && fromUnit && !ref.data.units.some((u) => u.code === fromUnit)) {
      setFromUnit('');
      setCadreId('');
    }
  }, [ref.data]);

  useEffect(() => {
    setQuota(null);
    if (!person || !toUnitCode || !TAKES_QUOTA.includes(type) || person.block === '') return;
    let live = true;
    call('checkQuota', { unitCode: toUnitCode, block: person.block as TCheckQuotaInput['block'] })
      .then((q) => live && setQuota(q))
      .catch((e: unknown) => live && setQuota(toAppError(e)));
    return () => {
      live = false;
    };
  }, [person?.id, toUnitCode, type]);

  const input = useMemo((): TProposeMovementInput => {
    const x: TProposeMovementInput = { type, cadreId, toUnitCode, startDate, reason };
    if (toPositionId) x.toPositionId = toPositionId;
    if (plannedEndDate) x.plannedEndDate = plannedEndDate;
    if (requestNote.trim())
      x.personRequest = { note: requestNote, ...(requestDate ? { date: requestDate } : {}) };
    if (type === 'secondment' && (durationBasis.trim() || durationNote.trim()))
      x.durationException = { basis: durationBasis, note: durationNote };
    return x;
  }, [
    type,
    cadreId,
    toUnitCode,
    toPositionId,
    startDate,
    plannedEndDate,
    reason,
    requestNote,
    requestDate,
    durationBasis,
    durationNote,
  ]);
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    requestId.current = null;
  }, [inputKey]);

  if (ref.loading && !ref.data) return <Loading />;
  if (ref.error) return <ErrorView error={ref.error} onRetry={ref.reload} />;
  const { units, catalogue } = ref.data!;
  const targetLevel = /^\d{5}(-|$)/.test(toUnitCode) ? 'commune' : 'province';
  const posts = catalogue.filter((p) => p.level === targetLevel);
  const fields = fieldErrorMap(error);
  const err = (path: string) => fieldText(fields[path]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    requestId.current ??= newRequestId();
    try {
      setResult(await call('proposeMovement', { ...input, requestId: requestId.current }));
    } catch (x) {
      setError(toAppError(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel movement-form">
      <h1>{t('mv.new.title')}</h1>
      <p>{t('mv.new.scopeNote')}</p>
      <form onSubmit={submit} noValidate>
        <Field id="mv-from" label={t('mv.field.commune')}>
          <select
            id="mv-from"
            value={fromUnit}
            onChange={(e) => {
              setFromUnit(e.currentTarget.value);
              setCadreId('');
            }}
          >
            <option value="">{t('mv.field.choose')}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name} ({u.code})
              </option>
            ))}
          </select>
        </Field>
        <Field id="mv-cadre" label={t('mv.field.cadre')} error={err('cadreId')}>
          <select
            id="mv-cadre"
            value={cadreId}
            required
            disabled={!fromUnit || people.loading}
            onChange={(e) => setCadreId(e.currentTarget.value)}
            {...invalid('mv-cadre', err('cadreId'))}
          >
            <option value="">{people.loading && fromUnit ? t('ui.loading') : t('mv.field.choose')}</option>
            {(people.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.fullName} ({c.id})
              </option>
            ))}
          </select>
        </Field>
        <Field id="mv-type" label={t('mv.field.type')} error={err('type')}>
          <select id="mv-type" value={type} onChange={(e) => setType(e.currentTarget.value as MovementType)}>
            {TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`movementType.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="mv-to" label={t('mv.field.toUnit')} error={err('toUnitCode')}>
          <select
            id="mv-to"
            value={toUnitCode}
            required
            onChange={(e) => {
              setToUnitCode(e.currentTarget.value);
              setToPositionId('');
            }}
            {...invalid('mv-to', err('toUnitCode'))}
          >
            <option value="">{t('mv.field.choose')}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name} ({u.code})
              </option>
            ))}
          </select>
        </Field>
        {quota && 'code' in quota && <ErrorView error={quota} />}
        {quota && !('code' in quota) && (
          <p class={`quota-preview ${quota.fits ? '' : 'over'}`} data-free={quota.free} role="status">
            <strong>
              {t('mv.quota.title', {
                block: t(`block.${quota.block as TCheckQuotaInput['block']}`),
                year: quota.year,
              })}
            </strong>
            <br />
            {t('mv.quota.line', {
              allocated: quota.allocated,
              filled: quota.filled,
              reserved: quota.reservedForReturn,
              incoming: quota.incoming,
              free: quota.free,
            })}
          </p>
        )}
        <Field
          id="mv-post"
          label={`${t('mv.field.toPosition')}${NO_POST.includes(type) ? ` ${t('mv.field.optional')}` : ''}`}
          error={err('toPositionId')}
        >
          <select
            id="mv-post"
            value={toPositionId}
            onChange={(e) => setToPositionId(e.currentTarget.value)}
            {...invalid('mv-post', err('toPositionId'))}
          >
            <option value="">{t('mv.field.none')}</option>
            {posts.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === 'en' ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="mv-start" label={t('mv.field.startDate')} error={err('startDate')}>
          <input
            id="mv-start"
            type="date"
            value={startDate}
            required
            onInput={(e) => setStartDate(e.currentTarget.value)}
            {...invalid('mv-start', err('startDate'))}
          />
        </Field>
        <Field
          id="mv-end"
          label={`${t('mv.field.plannedEndDate')}${type === 'secondment' ? '' : ` ${t('mv.field.optional')}`}`}
          error={err('plannedEndDate')}
        >
          <input
            id="mv-end"
            type="date"
            value={plannedEndDate}
            onInput={(e) => setPlannedEndDate(e.currentTarget.value)}
            {...invalid('mv-end', err('plannedEndDate'))}
          />
        </Field>
        <Field id="mv-reason" label={t('mv.field.reason')} error={err('reason')}>
          <textarea
            id="mv-reason"
            value={reason}
            required
            rows={3}
            onInput={(e) => setReason(e.currentTarget.value)}
            {...invalid('mv-reason', err('reason'))}
          />
        </Field>
        <Field
          id="mv-request"
          label={`${t('mv.field.personRequest')} ${t('mv.field.optional')}`}
          error={err('personRequest.note') ?? err('personRequest')}
        >
          <textarea
            id="mv-request"
            value={requestNote}
            rows={2}
            onInput={(e) => setRequestNote(e.currentTarget.value)}
            {...invalid('mv-request', err('personRequest.note'))}
          />
        </Field>
        {requestNote.trim() && (
          <Field
            id="mv-request-date"
            label={t('mv.field.personRequestDate')}
            error={err('personRequest.date')}
          >
            <input
              id="mv-request-date"
              type="date"
              value={requestDate}
              onInput={(e) => setRequestDate(e.currentTarget.value)}
            />
          </Field>
        )}
        {type === 'secondment' && (
          <>
            <Field
              id="mv-duration-basis"
              label={`${t('mv.field.durationBasis')} ${t('mv.field.optional')}`}
              error={err('durationException.basis') ?? err('durationException')}
            >
              <input
                id="mv-duration-basis"
                value={durationBasis}
                onInput={(e) => setDurationBasis(e.currentTarget.value)}
              />
            </Field>
            {durationBasis.trim() && (
              <Field
                id="mv-duration-note"
                label={t('mv.field.durationNote')}
                error={err('durationException.note')}
              >
                <input
                  id="mv-duration-note"
                  value={durationNote}
                  onInput={(e) => setDurationNote(e.currentTarget.value)}
                />
              </Field>
            )}
          </>
        )}
        <button type="submit" disabled={busy}>
          {t('mv.submit')}
        </button>
        {busy && <Busy label={t('mv.submitting')} />}
      </form>
      {error && <ErrorView error={error} />}
      {result && (
        <div class="proposal-result" role="status">
          <p>
            <strong>{t('mv.proposed', { id: result.id })}</strong>{' '}
            <a href={`/movements/${result.id}`}>{t('mv.queue.open')}</a>
          </p>
          <CheckTable checks={result.checks} />
        </div>
      )}
    </section>
  );
}
