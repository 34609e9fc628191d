/**
 * One movement: who, from where to where, when, why; every check with its
 * legal basis; overrides and history. A province admin acts on it from here
 * (docs/api.md): approve (each failed check that may be overridden needs its
 * own reason, of at least 10 characters) or reject a proposal; start an
 * approved one; complete one under way; extend one with an end date; cancel
 * one not yet under way. Each action shows its progress, then the movement
 * as the callable returns it; a refusal shows its checks and field errors.
 */
import type { Movement } from '@canbo/model';
import { useRef, useState } from 'preact/hooks';
import { ErrorView, Loading, Notice } from '../../components/ErrorView';
import { call, newRequestId, type CallableName } from '../../lib/api';
import { fieldErrorMap, toAppError, type AppError } from '../../lib/errors';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { movement as loadMovement, toMovement } from './data';
import { Busy, CheckTable, Field, invalid, useFieldText } from './parts';

type Action = 'approve' | 'reject' | 'start' | 'complete' | 'extend' | 'cancel';

/** What a province admin may do from each status (docs/api.md, the movement callables). */
export function actionsFor(m: Movement): Action[] {
  switch (m.status) {
    case 'proposed':
      return ['approve', 'reject', 'cancel'];
    case 'approved':
      return m.plannedEndDate ? ['start', 'extend', 'cancel'] : ['start', 'cancel'];
    case 'active':
      return m.plannedEndDate ? ['complete', 'extend'] : ['complete'];
    default:
      return [];
  }
}

export default function MovementPage({ id }: { id: string }) {
  const { t } = useI18n();
  const claims = useClaims();
  const state = useAsync(() => loadMovement(id), [id]);
  const [current, setCurrent] = useState<Movement | null>(null);
  if (state.loading && !state.data) return <Loading />;
  if (state.error) return <ErrorView error={state.error} onRetry={state.reload} />;
  const m = current ?? state.data;
  if (!m)
    return (
      <Notice>
        <p>{t('ui.error.notFound')}</p>
      </Notice>
    );
  return (
    <>
      <Summary m={m} />
      <section class="panel">
        <CheckTable checks={m.checks} />
      </section>
      <History m={m} />
      {claims.role === 'province_admin' ? (
        actionsFor(m).length > 0 && <Actions key={m.status} m={m} onDone={setCurrent} />
      ) : (
        <p class="note">{t('mv.readOnly')}</p>
      )}
    </>
  );
}

function Summary({ m }: { m: Movement }) {
  const { t } = useI18n();
  return (
    <section class="panel" data-movement={m.id} data-status={m.status}>
      <h1>
        {t(`movementType.${m.type}`)}: {m.cadreName}
      </h1>
      <dl class="facts">
        <dt>{t('ui.movement.status')}</dt>
        <dd data-testid="movement-status">{t(`movementStatus.${m.status}`)}</dd>
        <dt>{t('ui.movement.person')}</dt>
        <dd>
          <a href={`/cadres/${m.cadreId}`}>{m.cadreName}</a> ({m.cadreId})
        </dd>
        <dt>{t('ui.movement.from')}</dt>
        <dd>
          {m.fromUnitCode}
          {m.fromPositionId ? ` · ${m.fromPositionId}` : ''}
        </dd>
        <dt>{t('ui.movement.to')}</dt>
        <dd>
          {m.toUnitCode}
          {m.toPositionId ? ` · ${m.toPositionId}` : ''}
        </dd>
        <dt>{t('ui.movement.start')}</dt>
        <dd>
          {formatDate(m.startDate)}
          {m.actualStartDate ? ` (${formatDate(m.actualStartDate)})` : ''}
        </dd>
        <dt>{t('ui.movement.end')}</dt>
        <dd>
          {formatDate(m.plannedEndDate)}
          {m.actualEndDate ? ` (${formatDate(m.actualEndDate)})` : ''}
        </dd>
        <dt>{t('mv.page.reason')}</dt>
        <dd>{m.reason}</dd>
        {m.decision && (
          <>
            <dt>{t('mv.page.decision')}</dt>
            <dd>
              {m.decision.number}, {formatDate(m.decision.date)}
            </dd>
          </>
        )}
        {m.personRequest && (
          <>
            <dt>{t('mv.page.personRequest')}</dt>
            <dd>
              {m.personRequest.note}
              {m.personRequest.date ? ` (${formatDate(m.personRequest.date)})` : ''}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function History({ m }: { m: Movement }) {
  const { t } = useI18n();
  return (
    <section class="panel">
      {m.overrides.length > 0 && (
        <>
          <h2>{t('mv.page.overrides')}</h2>
          <ul>
            {m.overrides.map((o) => (
              <li key={o.code}>
                <code>{o.code}</code>: {o.reason} ({o.by}, {formatDateTime(o.at)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('mv.page.history')}</h2>
      <ol>
        {m.history.map((h, i) => (
          <li key={i}>
            {formatDateTime(h.at)} · {t(`movementStatus.${h.status}`)} · {h.by}
            {h.note ? `: ${h.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Actions({ m, onDone }: { m: Movement; onDone: (m: Movement) => void }) {
  const { t } = useI18n();
  const fieldText = useFieldText();
  const [action, setAction] = useState<Action>(actionsFor(m)[0]!);
  const [note, setNote] = useState('');
  const [decisionNo, setDecisionNo] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [date, setDate] = useState('');
  const [earlyReason, setEarlyReason] = useState('');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const requestId = useRef<{ key: string; id: string } | null>(null);

  const failed = m.checks.filter((c) => c.outcome === 'fail');
  const blocked = failed.some((c) => !c.overridable);
  const fields = fieldErrorMap(error);
  const err = (path: string) => fieldText(fields[path]);
  const today = todayInVietnam();

  /** The callable and input of the chosen action. */
  const request = (): { name: CallableName; input: Record<string, unknown> } => {
    const movementId = m.id;
    switch (action) {
      case 'approve':
      case 'reject':
        return {
          name: 'decideMovement',
          input: {
            movementId,
            decision: action,
            note,
            ...(decisionNo ? { decisionNo } : {}),
            ...(decisionDate ? { decisionDate } : {}),
            ...(action === 'approve' && failed.length > 0
              ? { overrides: failed.map((c) => ({ code: c.code, reason: overrides[c.code] ?? '' })) }
              : {}),
          },
        };
      case 'start':
        return {
          name: 'startMovement',
          input: {
            movementId,
            ...(note ? { note } : {}),
            ...(date ? { startDate: date } : {}),
            ...(earlyReason ? { earlyStartReason: earlyReason } : {}),
          },
        };
      case 'complete':
        return { name: 'completeMovement', input: { movementId, note, ...(date ? { endDate: date } : {}) } };
      case 'extend':
        return {
          name: 'extendMovement',
          input: { movementId, plannedEndDate: date, reason: note, ...(decisionNo ? { decisionNo } : {}) },
        };
      case 'cancel':
        return { name: 'cancelMovement', input: { movementId, reason: note } };
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const { name, input } = request();
    // The same action with the same input keeps its key, so a retry after a lost answer is not a second change.
    const key = JSON.stringify([name, input]);
    if (requestId.current?.key !== key) requestId.current = { key, id: newRequestId() };
    try {
      // Each callable's input is built above from its documented fields.
      const answer: unknown = await call(name, { ...input, requestId: requestId.current.id } as never);
      const next = toMovement(answer as Record<string, unknown>) ?? (await loadMovement(m.id));
      if (next) {
        setDone(t('mv.done', { status: t(`movementStatus.${next.status}`) }));
        onDone(next);
        setNote('');
        setDate('');
      }
    } catch (x) {
      setError(toAppError(x));
    } finally {
      setBusy(false);
    }
  };

  const needsNote = action !== 'start';
  const noteLabel =
    action === 'cancel'
      ? t('mv.field.cancelReason')
      : action === 'extend'
        ? t('mv.page.reason')
        : t('mv.field.note');
  const dateLabel =
    action === 'start'
      ? t('mv.field.actualStart')
      : action === 'complete'
        ? t('mv.field.endDate')
        : t('mv.field.newEnd');
  const noteField = action === 'cancel' || action === 'extend' ? 'reason' : 'note';
  const dateField = action === 'start' ? 'startDate' : action === 'complete' ? 'endDate' : 'plannedEndDate';

  return (
    <section class="panel actions">
      <h2>{t('mv.page.actions')}</h2>
      <div class="action-tabs" role="radiogroup" aria-label={t('mv.page.actions')}>
        {actionsFor(m).map((a) => (
          <label
            key={a}
            class="inline"
            style={{ display: 'inline-flex', gap: '0.4rem', marginRight: '1.5rem' }}
          >
            <input
              style={{ width: 'auto' }}
              type="radio"
              name="mv-action"
              value={a}
              checked={action === a}
              onChange={() => {
                setAction(a);
                setError(null);
              }}
            />{' '}
            {t(`mv.action.${a}`)}
          </label>
        ))}
      </div>
      <form onSubmit={submit} noValidate>
        {action === 'approve' && failed.length > 0 && (
          <fieldset>
            <legend>{t('mv.override.hint')}</legend>
            {blocked && <p class="field-error">{t('mv.override.blocked')}</p>}
            {failed
              .filter((c) => c.overridable)
              .map((c) => {
                const i = failed.indexOf(c);
                const id = `mv-override-${c.code}`;
                const short = (overrides[c.code] ?? '').trim().length < 10;
                return (
                  <Field
                    key={c.code}
                    id={id}
                    label={t('mv.field.overrideReason', { code: c.code })}
                    error={err(`overrides.${i}.reason`) ?? err(`overrides.${i}.code`)}
                  >
                    <textarea
                      id={id}
                      rows={2}
                      required
                      minLength={10}
                      value={overrides[c.code] ?? ''}
                      onInput={(e) => setOverrides({ ...overrides, [c.code]: e.currentTarget.value })}
                      {...invalid(id, err(`overrides.${i}.reason`))}
                    />
                    {short && <small>{t('mv.tooShort', { min: 10 })}</small>}
                  </Field>
                );
              })}
          </fieldset>
        )}
        {(action === 'approve' || action === 'reject' || action === 'extend') && (
          <>
            <Field
              id="mv-decision-no"
              label={`${t('mv.field.decisionNo')} ${t('mv.field.optional')}`}
              error={err('decisionNo')}
            >
              <input
                id="mv-decision-no"
                value={decisionNo}
                onInput={(e) => setDecisionNo(e.currentTarget.value)}
              />
            </Field>
            {action !== 'extend' && (
              <Field
                id="mv-decision-date"
                label={`${t('mv.field.decisionDate')} ${t('mv.field.optional')}`}
                error={err('decisionDate')}
              >
                <input
                  id="mv-decision-date"
                  type="date"
                  value={decisionDate}
                  onInput={(e) => setDecisionDate(e.currentTarget.value)}
                />
              </Field>
            )}
          </>
        )}
        {(action === 'start' || action === 'complete' || action === 'extend') && (
          <Field
            id="mv-date"
            label={`${dateLabel}${action === 'extend' ? '' : ` ${t('mv.field.optional')}`}`}
            error={err(dateField)}
          >
            <input
              id="mv-date"
              type="date"
              value={date}
              max={action === 'extend' ? undefined : today}
              onInput={(e) => setDate(e.currentTarget.value)}
              {...invalid('mv-date', err(dateField))}
            />
          </Field>
        )}
        {action === 'start' && (date || today) < m.startDate && (
          <Field id="mv-early" label={t('mv.field.earlyStartReason')} error={err('earlyStartReason')}>
            <textarea
              id="mv-early"
              rows={2}
              value={earlyReason}
              onInput={(e) => setEarlyReason(e.currentTarget.value)}
            />
          </Field>
        )}
        <Field
          id="mv-note"
          label={`${noteLabel}${needsNote ? '' : ` ${t('mv.field.optional')}`}`}
          error={err(noteField)}
        >
          <textarea
            id="mv-note"
            rows={2}
            value={note}
            required={needsNote}
            onInput={(e) => setNote(e.currentTarget.value)}
            {...invalid('mv-note', err(noteField))}
          />
        </Field>
        <button type="submit" disabled={busy || (action === 'approve' && blocked)}>
          {t(`mv.action.${action}`)}
        </button>
        {busy && <Busy label={t('ui.working')} />}
      </form>
      {error && <ErrorView error={error} />}
      {done && (
        <p class="done" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
