/**
 * decideMovement: approve (the checks re-run on fresh data, every failure
 * overridden with a reason, the target post reserved) or reject. An override
 * must name a check that ran on this movement and is overridable; legal
 * prohibitions never are (docs/legal-basis.md).
 */
import { blockingChecks, runChecks } from '../../domain/movement-checks';
import { nextStatus } from '../../domain/movement-lifecycle';
import { statsDelta } from '../../domain/unit-stats';
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { today } from '../../lib/clock';
import { ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import {
  loadAdvisory,
  loadCheckContext,
  quotaKeysOf,
  openMovementsOf,
  quotaChanges,
  refusal,
  type QuotaChange,
  withOpenMovements,
} from './context';
import type { CheckResult, Movement, OpenMovement, TDecideMovementInput } from '@canbo/model';

export async function decideMovement(
  deps: UseCaseDeps,
  actor: Actor,
  input: TDecideMovementInput,
): Promise<Movement> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin');
  const approving = input.decision === 'approve';
  // An override lifts a failed check so that an approval can go ahead; a
  // rejection runs no checks, so overrides sent with it would be dropped
  // without a word. Refused instead.
  if (!approving && (input.overrides?.length ?? 0) > 0) {
    throw ValidationFailed.field('overrides', 'error.overridesOnReject');
  }
  // Read first without a lock: which quotas an approval reserves (a
  // movement's person and units never change; the transaction reads it
  // again), and the advisory context, which locks nothing.
  const first = await repos.movements.get(input.movementId);
  requireScope(actor, first.provinceCode, null);
  const [advisory, targetUnit] = approving
    ? await Promise.all([
        repos.cadres
          .getWithProfile(first.cadreId)
          .then((person) => loadAdvisory(repos, person, first.toUnitCode, first.toPositionId)),
        repos.units.get(first.toUnitCode),
      ])
    : [undefined, undefined];
  const decided = await db.runTransaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    // One first read locks all the decision needs: the quotas an approval
    // reserves (first, so approvals into one unit queue in the order they
    // began, quotaKeysOf), the movement, and the person, whose document
    // carries their open movements: approval re-checks against them
    // (open_movement), and either decision updates them.
    const keys = approving && first.status === 'proposed' ? quotaKeysOf(first, 'approve', now) : [];
    const { movement: m, ...person } = await repos.movements.readForDecision(
      tx,
      keys,
      input.movementId,
      first.cadreId,
    );
    const status = nextStatus(m.status, approving ? 'approve' : 'reject');
    let checks: CheckResult[] = m.checks;
    let overrides = m.overrides;
    let quotas: QuotaChange[] = [];
    const { cadre } = person;
    let open: OpenMovement[];
    if (approving && advisory && targetUnit) {
      // The checks' context and the quota effects are read together (the
      // quotas are locked already): one round trip less while other approvals
      // into the unit wait. A refusal by the checks is reported before any
      // error of the quota arithmetic.
      const [loaded, changes] = await Promise.all([
        loadCheckContext(tx, repos, person, m, advisory, targetUnit, { lockTargetQuota: true, at: now }),
        quotaChanges(tx, repos, m, 'approve', now).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
      ]);
      const { context } = loaded;
      open = loaded.open;
      checks = runChecks(context);
      const requested = new Map((input.overrides ?? []).map((o) => [o.code, o.reason]));
      (input.overrides ?? []).forEach(({ code }, i) => {
        const check = checks.find((c) => c.code === code);
        if (!check) throw ValidationFailed.field(`overrides.${i}.code`, 'error.unknownOverride', { code });
        if (!check.overridable) {
          throw refusal([check], context, { key: 'error.cannotOverride', params: { code } });
        }
      });
      const blocking = blockingChecks(checks, new Set(requested.keys()));
      if (blocking.length > 0) throw refusal(blocking, context);
      overrides = [
        ...overrides,
        ...checks.flatMap((c) => {
          const reason = requested.get(c.code);
          return c.outcome !== 'pass' && reason !== undefined
            ? [{ code: c.code, reason, by: actor.uid, at: now }]
            : [];
        }),
      ];
      if (!changes.ok) throw changes.error;
      quotas = changes.value;
    } else {
      open = await openMovementsOf(tx, repos, cadre);
    }
    const next: Movement = {
      ...m,
      status,
      checks,
      overrides,
      decision: input.decisionNo
        ? { number: input.decisionNo, date: input.decisionDate ?? today(deps.clock) }
        : m.decision,
      history: [...m.history, { status, at: now, by: actor.uid, note: input.note }],
      updatedAt: now,
    };
    for (const q of quotas) repos.quotas.save(tx, q.after);
    repos.movements.save(tx, next);
    const updatedCadre = withOpenMovements(cadre, open, next, now);
    repos.cadres.save(tx, updatedCadre);
    // The unit statistics copy the quotas reserved (the person's figures do
    // not change with a decision: statsDelta is then empty).
    deps.stats.record(
      tx,
      { people: statsDelta(cadre, updatedCadre), quotas: quotas.map((q) => q.after) },
      now,
    );
    repos.audit.append(tx, {
      actor,
      action: `movement.${input.decision}`,
      target: `movements/${m.id}`,
      before: m,
      after: { ...next, quotaChanges: quotas },
      reason: input.note,
    });
    return next;
  });
  log.info(input.decision === 'approve' ? 'movement.approved' : 'movement.rejected', {
    movementId: decided.id,
    by: actor.uid,
    overrides: decided.overrides.map((o) => o.code),
  });
  return decided;
}
