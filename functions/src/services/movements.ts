/**
 * Movements under staffing quotas. Every mutation runs in one transaction
 * that reads the movement, the person and the quotas it touches, re-runs the
 * checks on fresh data, applies the quota effects, and writes the audit entry
 * with them, so concurrent proposals and approvals can never take a unit over
 * its quota nor lose an update.
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { collections, type Collections } from '../data/refs';
import {
  DEFAULT_CHECK_PARAMS,
  blockingChecks,
  runChecks,
  secondmentExtensionLimit,
  type CheckContext,
} from '../domain/movement-checks';
import { applyToCadre, nextStatus, quotaEffects, type Transition } from '../domain/movement-lifecycle';
import { communeNorm, DEFAULT_NORMS } from '../domain/norms';
import { POSITION_BY_ID } from '../domain/positions';
import { applyQuotaDelta, quotaStatus, type QuotaStatus } from '../domain/quota';
import { requireRole, requireScope, type Actor } from '../lib/actor';
import { Forbidden, NotFound, RulesViolated, ValidationFailed } from '../lib/errors';
import {
  type AuditEntry,
  type Cadre,
  type CheckResult,
  communeOf,
  type Movement,
  type Quota,
  quotaId,
  type TCancelMovementInput,
  type TCheckQuotaInput,
  type TCompleteMovementInput,
  type TDecideMovementInput,
  type TExtendMovementInput,
  type TProposeMovementInput,
  type Unit,
} from '@canbo/model';

/** Injected so tests control time and ids. */
export interface ServiceDeps {
  now: () => Date;
  newId: (prefix: string) => string;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export class MovementService {
  private readonly c: Collections;

  constructor(
    private readonly db: Firestore,
    private readonly deps: ServiceDeps,
  ) {
    this.c = collections(db);
  }

  private iso(): string {
    return this.deps.now().toISOString();
  }

  private async unit(code: string, tx?: Transaction): Promise<Unit> {
    const ref = this.c.units.doc(code);
    const unit = (tx ? await tx.get(ref) : await ref.get()).data();
    if (!unit) throw new NotFound(`Không có đơn vị ${code} / unknown unit ${code}`);
    return unit;
  }

  /** checkQuota: the counts of a unit's quota and whether `delta` more would fit. */
  async checkQuota(
    actor: Actor,
    input: TCheckQuotaInput,
  ): Promise<QuotaStatus & { unitCode: string; block: string; year: number }> {
    const unit = await this.unit(input.unitCode);
    requireScope(actor, unit.provinceCode, communeOf(unit.code));
    const year = input.year ?? this.deps.now().getUTCFullYear();
    const quota = (await this.c.quotas.doc(quotaId(unit.code, input.block, year)).get()).data();
    if (!quota)
      throw new NotFound(
        `Chưa giao biên chế ${input.block} năm ${year} cho ${unit.code} / no quota allocated`,
      );
    return { unitCode: unit.code, block: input.block, year, ...quotaStatus(quota, input.delta ?? 1) };
  }

  /** Gathers what the checks need; the parts that must be consistent are read in `tx`. */
  private async checkContext(
    tx: Transaction,
    cadre: Cadre,
    m: Pick<Movement, 'id' | 'type' | 'toUnitCode' | 'toPositionId' | 'startDate' | 'plannedEndDate'>,
    requestedByCadre: boolean,
    advisory: {
      relatives: CheckContext['relatives'];
      holdersOfCadrePost: number;
      holdersOfTargetPost: number;
    },
  ): Promise<{ context: CheckContext; targetUnit: Unit }> {
    const year = yearOf(m.startDate);
    const [profileSnap, targetUnit, openSnap, targetQuotaSnap, sendingQuotaSnap] = await Promise.all([
      tx.get(this.c.cadrePrivate(cadre.id)),
      this.unit(m.toUnitCode, tx),
      tx.get(
        this.c.movements
          .where('cadreId', '==', cadre.id)
          .where('status', 'in', ['proposed', 'approved', 'active']),
      ),
      tx.get(this.c.quotas.doc(quotaId(m.toUnitCode, cadre.block, year))),
      tx.get(this.c.quotas.doc(quotaId(cadre.homeUnitCode, cadre.block, year))),
    ]);
    const profile = profileSnap.data();
    if (!profile) throw new NotFound(`Thiếu hồ sơ riêng của ${cadre.id} / missing private profile`);
    const homeCommune = communeOf(cadre.homeUnitCode);
    return {
      targetUnit,
      context: {
        request: {
          type: m.type,
          toUnitCode: m.toUnitCode,
          toProvinceCode: targetUnit.provinceCode,
          toPositionId: m.toPositionId,
          startDate: m.startDate,
          plannedEndDate: m.plannedEndDate,
          requestedByCadre,
        },
        cadre,
        profile,
        targetPosition: m.toPositionId ? POSITION_BY_ID.get(m.toPositionId) : undefined,
        positions: POSITION_BY_ID,
        openMovements: openSnap.docs.map((d) => d.data()).filter((x) => x.id !== m.id),
        relatives: advisory.relatives,
        targetQuota: targetQuotaSnap.data(),
        sendingQuota: sendingQuotaSnap.data(),
        sendingNorm: homeCommune ? communeNorm(DEFAULT_NORMS, cadre.block) : undefined,
        holdersOfCadrePost: advisory.holdersOfCadrePost,
        holdersOfTargetPost: advisory.holdersOfTargetPost,
        params: DEFAULT_CHECK_PARAMS,
      },
    };
  }

  /** Relatives in the system and post holders: advisory context read outside the transaction. */
  private async advisory(cadreId: string, toUnitCode: string, toPositionId: string | null) {
    const [cadre, profile] = await Promise.all([
      this.c.cadres
        .doc(cadreId)
        .get()
        .then((s) => s.data()),
      this.c
        .cadrePrivate(cadreId)
        .get()
        .then((s) => s.data()),
    ]);
    const family = (profile?.family ?? []).filter((f) => f.cadreId);
    const relatives = (
      await Promise.all(
        family.map(async (f) => {
          const r = (await this.c.cadres.doc(f.cadreId!).get()).data();
          return r ? { relation: f.relation, cadre: r } : undefined;
        }),
      )
    ).filter((x) => x !== undefined);
    const mainPost = cadre?.posts.find((p) => !p.concurrent)?.positionId;
    // Holders are only counted where a check uses them: a key post left with no
    // holder (warning), or a target post with a fixed number of holders. Other
    // moves read no staff list at all.
    const holders = async (unitCode: string, positionId: string | null | undefined) => {
      if (!positionId) return 0;
      const snap = await this.c.cadres.where('currentUnitCode', '==', unitCode).get();
      return snap.docs.filter((d) =>
        d.data().posts.some((p) => p.positionId === positionId && p.unitCode === unitCode),
      ).length;
    };
    const needsHome = mainPost !== undefined && POSITION_BY_ID.get(mainPost)?.keyPost === true;
    const needsTarget = toPositionId !== null && POSITION_BY_ID.get(toPositionId)?.holdersPerUnit != null;
    return {
      relatives,
      holdersOfCadrePost: cadre && needsHome ? await holders(cadre.homeUnitCode, mainPost) : 2,
      holdersOfTargetPost: needsTarget ? await holders(toUnitCode, toPositionId) : 0,
    };
  }

  private audit(
    tx: Transaction,
    actor: Actor,
    action: string,
    target: string,
    before: unknown,
    after: unknown,
    reason: string,
  ): void {
    const entry: AuditEntry = {
      id: this.deps.newId('audit'),
      provinceCode: actor.province,
      actor: { uid: actor.uid, role: actor.role },
      action,
      target,
      before: before === null ? null : (JSON.parse(JSON.stringify(before)) as Record<string, unknown>),
      after: after === null ? null : (JSON.parse(JSON.stringify(after)) as Record<string, unknown>),
      reason,
      at: this.iso(),
    };
    tx.create(this.c.audit.doc(entry.id), entry);
  }

  /** proposeMovement: runs every check and records the proposal (prohibitions refuse it outright). */
  async propose(actor: Actor, input: TProposeMovementInput): Promise<Movement> {
    requireRole(actor, 'province_admin', 'commune_admin');
    const pre = (await this.c.cadres.doc(input.cadreId).get()).data();
    if (!pre) throw new NotFound(`Không có cán bộ ${input.cadreId} / unknown cadre`);
    requireScope(actor, pre.provinceCode, communeOf(pre.homeUnitCode));
    if (actor.role === 'commune_admin' && !['appointment', 'concurrent'].includes(input.type)) {
      // Commune offices propose appointments within their quota; moves between units are the province's.
      requireScope(actor, pre.provinceCode, communeOf(input.toUnitCode));
    }
    if (input.type === 'secondment' && !input.plannedEndDate) {
      throw new ValidationFailed([
        { path: 'plannedEndDate', message: 'Biệt phái phải có thời hạn / a secondment needs an end date' },
      ]);
    }
    const advisory = await this.advisory(input.cadreId, input.toUnitCode, input.toPositionId ?? null);
    const now = this.iso();
    return this.db.runTransaction(async (tx) => {
      const cadre = (await tx.get(this.c.cadres.doc(input.cadreId))).data();
      if (!cadre) throw new NotFound(`Không có cán bộ ${input.cadreId} / unknown cadre`);
      const draft = {
        id: this.deps.newId(`mv-${cadre.provinceCode}`),
        type: input.type,
        toUnitCode: input.toUnitCode,
        toPositionId: input.toPositionId ?? null,
        startDate: input.startDate,
        plannedEndDate: input.plannedEndDate ?? null,
      };
      const { context, targetUnit } = await this.checkContext(
        tx,
        cadre,
        draft,
        input.requestedByCadre ?? false,
        advisory,
      );
      if (targetUnit.provinceCode !== actor.province)
        throw new Forbidden('Đơn vị đến ngoài tỉnh / target outside your province');
      const checks = runChecks(context);
      const prohibited = checks.filter((c) => c.outcome === 'fail' && !c.overridable);
      if (prohibited.length > 0) throw new RulesViolated(prohibited);
      const movement: Movement = {
        ...draft,
        status: 'proposed',
        cadreId: cadre.id,
        cadreName: cadre.fullName,
        provinceCode: cadre.provinceCode,
        block: cadre.block,
        fromUnitCode: cadre.homeUnitCode,
        fromPositionId: cadre.posts.find((p) => !p.concurrent)?.positionId ?? null,
        communeCodes: [
          ...new Set(
            [communeOf(cadre.homeUnitCode), communeOf(input.toUnitCode)].filter(
              (x): x is string => x !== null,
            ),
          ),
        ],
        actualEndDate: null,
        decision: input.decision ?? null,
        reason: input.reason,
        checks,
        overrides: [],
        history: [{ status: 'proposed', at: now, by: actor.uid, note: input.reason }],
        createdBy: actor.uid,
        createdAt: now,
        updatedAt: now,
      };
      tx.create(this.c.movements.doc(movement.id), movement);
      this.audit(tx, actor, 'movement.propose', `movements/${movement.id}`, null, movement, input.reason);
      return movement;
    });
  }

  /** Applies the quota effects of a transition inside the transaction (reads first, then writes). */
  private async quotaChanges(tx: Transaction, m: Movement, transition: Transition) {
    const effects = quotaEffects(m, transition, m.status);
    const year = yearOf(m.startDate);
    const reads = await Promise.all(
      effects.map((e) => tx.get(this.c.quotas.doc(quotaId(e.unitCode, e.block, year)))),
    );
    return effects.map((e, i) => {
      const quota = reads[i]!.data();
      if (!quota)
        throw new NotFound(
          `Chưa giao biên chế ${e.block} năm ${year} cho ${e.unitCode} / no quota allocated`,
        );
      return {
        before: quota,
        after: { ...applyQuotaDelta(quota, e.delta), updatedAt: this.iso() } satisfies Quota,
      };
    });
  }

  /** Loads a movement in the transaction and checks the actor may decide on it. */
  private async movementFor(tx: Transaction, actor: Actor, movementId: string): Promise<Movement> {
    const m = (await tx.get(this.c.movements.doc(movementId))).data();
    if (!m) throw new NotFound(`Không có đề xuất ${movementId} / unknown movement`);
    requireScope(actor, m.provinceCode, null);
    return m;
  }

  /** decideMovement: approve (checks re-run on fresh data, overrides recorded, quota reserved) or reject. */
  async decide(actor: Actor, input: TDecideMovementInput): Promise<Movement> {
    requireRole(actor, 'province_admin');
    const first = (await this.c.movements.doc(input.movementId).get()).data();
    if (!first) throw new NotFound(`Không có đề xuất ${input.movementId} / unknown movement`);
    const advisory = await this.advisory(first.cadreId, first.toUnitCode, first.toPositionId);
    return this.db.runTransaction(async (tx) => {
      const m = await this.movementFor(tx, actor, input.movementId);
      const now = this.iso();
      const status = nextStatus(m.status, input.decision === 'approve' ? 'approve' : 'reject');
      let checks: CheckResult[] = m.checks;
      let overrides = m.overrides;
      let quotas: Awaited<ReturnType<MovementService['quotaChanges']>> = [];
      if (input.decision === 'approve') {
        const cadre = (await tx.get(this.c.cadres.doc(m.cadreId))).data();
        if (!cadre) throw new NotFound(`Không có cán bộ ${m.cadreId}`);
        const { context } = await this.checkContext(tx, cadre, m, false, advisory);
        checks = runChecks(context);
        const requested = new Map((input.overrides ?? []).map((o) => [o.code, o.reason]));
        for (const code of requested.keys()) {
          const check = checks.find((c) => c.code === code);
          if (check && !check.overridable) {
            throw new RulesViolated([
              { ...check, message: `Không thể bỏ qua quy định bắt buộc: ${check.message}` },
            ]);
          }
        }
        const blocking = blockingChecks(checks, new Set(requested.keys()));
        if (blocking.length > 0) throw new RulesViolated(blocking);
        overrides = [
          ...overrides,
          ...checks
            .filter((c) => c.outcome !== 'pass' && requested.has(c.code))
            .map((c) => ({ code: c.code, reason: requested.get(c.code)!, by: actor.uid, at: now })),
        ];
        quotas = await this.quotaChanges(tx, m, 'approve');
      }
      const decided: Movement = {
        ...m,
        status,
        checks,
        overrides,
        decision: input.decisionNo
          ? { number: input.decisionNo, date: input.decisionDate ?? now.slice(0, 10) }
          : m.decision,
        history: [...m.history, { status, at: now, by: actor.uid, note: input.note }],
        updatedAt: now,
      };
      for (const q of quotas)
        tx.set(this.c.quotas.doc(quotaId(q.after.unitCode, q.after.block, q.after.year)), q.after);
      tx.set(this.c.movements.doc(m.id), decided);
      this.audit(
        tx,
        actor,
        `movement.${input.decision}`,
        `movements/${m.id}`,
        m,
        { ...decided, quotaChanges: quotas },
        input.note,
      );
      return decided;
    });
  }

  /** startMovement, completeMovement, cancelMovement: a transition with its quota and person effects. */
  async transition(
    actor: Actor,
    movementId: string,
    transition: 'start' | 'complete' | 'cancel',
    note: string,
    endDate?: string,
  ): Promise<Movement> {
    requireRole(actor, 'province_admin');
    return this.db.runTransaction(async (tx) => {
      const m = await this.movementFor(tx, actor, movementId);
      const now = this.iso();
      const status = nextStatus(m.status, transition);
      const quotas = await this.quotaChanges(tx, m, transition);
      const cadreRef = this.c.cadres.doc(m.cadreId);
      const cadre = (await tx.get(cadreRef)).data();
      if (!cadre) throw new NotFound(`Không có cán bộ ${m.cadreId}`);
      const updatedCadre = transition === 'cancel' ? cadre : applyToCadre(cadre, m, transition, now);
      const next: Movement = {
        ...m,
        status,
        actualEndDate: transition === 'complete' ? (endDate ?? now.slice(0, 10)) : m.actualEndDate,
        history: [...m.history, { status, at: now, by: actor.uid, note }],
        updatedAt: now,
      };
      for (const q of quotas)
        tx.set(this.c.quotas.doc(quotaId(q.after.unitCode, q.after.block, q.after.year)), q.after);
      if (updatedCadre !== cadre) tx.set(cadreRef, updatedCadre);
      tx.set(this.c.movements.doc(m.id), next);
      this.audit(
        tx,
        actor,
        `movement.${transition}`,
        `movements/${m.id}`,
        m,
        { ...next, quotaChanges: quotas, cadre: updatedCadre },
        note,
      );
      return next;
    });
  }

  async complete(actor: Actor, input: TCompleteMovementInput): Promise<Movement> {
    return this.transition(actor, input.movementId, 'complete', input.note, input.endDate);
  }

  async cancel(actor: Actor, input: TCancelMovementInput): Promise<Movement> {
    return this.transition(actor, input.movementId, 'cancel', input.reason);
  }

  /** extendMovement: a later planned end; a secondment stays within 3 years of its start. */
  async extend(actor: Actor, input: TExtendMovementInput): Promise<Movement> {
    requireRole(actor, 'province_admin');
    return this.db.runTransaction(async (tx) => {
      const m = await this.movementFor(tx, actor, input.movementId);
      nextStatus(m.status, 'extend');
      if (!m.plannedEndDate || input.plannedEndDate <= m.plannedEndDate) {
        throw new ValidationFailed([
          {
            path: 'plannedEndDate',
            message: 'Phải sau ngày kết thúc hiện tại / must be after the current end',
          },
        ]);
      }
      if (m.type === 'secondment' && input.plannedEndDate > secondmentExtensionLimit(m.startDate)) {
        throw new RulesViolated([
          {
            code: 'secondment_duration',
            outcome: 'fail',
            overridable: false,
            basis: 'Nghị định 170/2025/NĐ-CP, Điều 26: thời hạn biệt phái không quá 3 năm',
            message: `Gia hạn vượt quá 3 năm kể từ ${m.startDate} (tối đa ${secondmentExtensionLimit(m.startDate)}).`,
          },
        ]);
      }
      const now = this.iso();
      const next: Movement = {
        ...m,
        plannedEndDate: input.plannedEndDate,
        decision: input.decisionNo ? { number: input.decisionNo, date: now.slice(0, 10) } : m.decision,
        history: [
          ...m.history,
          {
            status: m.status,
            at: now,
            by: actor.uid,
            note: `Gia hạn đến ${input.plannedEndDate}: ${input.reason}`,
          },
        ],
        updatedAt: now,
      };
      tx.set(this.c.movements.doc(m.id), next);
      this.audit(tx, actor, 'movement.extend', `movements/${m.id}`, m, next, input.reason);
      return next;
    });
  }
}
