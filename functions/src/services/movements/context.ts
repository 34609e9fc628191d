/**
 * The one context loader of the movement use cases: what the checks need
 * (docs/api.md, "The checks"), the movement an admin acts on, the quota
 * effects of a transition, and the refusal that carries the target quota's
 * counts when the quota is among the failed checks.
 */
import type { Transaction } from 'firebase-admin/firestore';
import { DEFAULT_CHECK_PARAMS, requestOf, type CheckContext } from '../../domain/movement-checks';
import { openMovementsAfter, quotaEffects, type Transition } from '../../domain/movement-lifecycle';
import { countHolders, holdersNeeded, sendingNormFor } from '../../domain/check-inputs';
import { DEFAULT_NORMS } from '../../domain/norms';
import { POSITION_BY_ID } from '../../domain/positions';
import { applyQuotaDelta, quotaStatus } from '../../domain/quota';
import { familyCadreIds, relativesInSystem } from '../../domain/relatives';
import type { Repositories } from '../../data/repositories';
import { requireScope, type Actor } from '../../lib/actor';
import { NotFound, RulesViolated } from '../../lib/errors';
import { vietnamDay } from '../../lib/clock';
import { quotaYearOf } from '../../domain/quota-years';
import { readYearQuotas, type QuotaKey } from '../quotas/years';
import {
  type Cadre,
  type CadrePrivate,
  type CheckCode,
  type CheckResult,
  type Movement,
  type MovementDraft,
  type OpenMovement,
  type Quota,
  quotaId,
  type Unit,
} from '@canbo/model';

/** The calendar year of a date (YYYY-MM-DD): a movement's start year. */
export function yearOf(date: string): number {
  return quotaYearOf(date);
}

/** The quota year of a change recorded at `at` (ISO instant): its day's year in Vietnam. */
export function quotaYearAt(at: string): number {
  return quotaYearOf(vietnamDay(new Date(at)));
}

/**
 * Relatives in the system and post holders: advisory context, read without
 * locks (other people's documents and staff lists; locking them would make
 * unrelated movements wait on each other).
 */
export interface Advisory {
  relatives: CheckContext['relatives'];
  holdersOfCadrePost: number;
  holdersOfTargetPost: number;
}

/** The person as the checks read them: their document and private profile, read together. */
export interface Person {
  cadre: Cadre;
  profile: CadrePrivate;
}

/**
 * Loads the advisory context of moving `person` to `toUnitCode` (and
 * `toPositionId`), every read in parallel and none of them locking.
 */
export async function loadAdvisory(
  repos: Repositories,
  { cadre, profile }: Person,
  toUnitCode: string,
  toPositionId: string | null,
): Promise<Advisory> {
  // Holders are only counted where a check uses them (holdersNeeded).
  const holders = countHolders(
    holdersNeeded(cadre, toUnitCode, toPositionId, POSITION_BY_ID),
    ({ unitCode, positionId }) => repos.cadres.holdersOf(unitCode, positionId),
  );
  // Relatives from both records (docs/legal-basis.md §8): those the mover's
  // family list names, and those whose own family list names the mover.
  const [named, namingMover, holdersOfCadrePost, holdersOfTargetPost] = await Promise.all([
    repos.cadres.findMany(familyCadreIds(profile.family)),
    repos.cadres.namingInFamily(cadre.id),
    holders.home,
    holders.target,
  ]);
  const cadresById = new Map(named.map((c) => [c.id, c] as const));
  return {
    relatives: relativesInSystem(cadre.id, profile.family, cadresById, namingMover),
    holdersOfCadrePost,
    holdersOfTargetPost,
  };
}

/**
 * Gathers what the checks need. The person (`person`, read in `tx` by the
 * caller, with their open movements) and the target quota are what must be
 * consistent; the target quota is locked only when the transaction writes it
 * (`lockTargetQuota`: an approval), since a proposal changes no count and its
 * approval re-checks. The request (with the person's own request and any
 * duration exception) comes from the movement, so an approval re-checks what
 * the proposal recorded.
 *
 * `at` is the instant the use case records its change: the quota year the
 * checks read is `at`'s year in Vietnam, the same year quotaChanges reserves
 * in for that `at`, so an approval at midnight of 31 December cannot check
 * one year's quota and reserve in the next. Every use case passes its own
 * `at`; without it (a caller not yet updated) the clock is read here.
 */
export async function loadCheckContext(
  tx: Transaction,
  repos: Repositories,
  { cadre, profile }: Person,
  m: MovementDraft,
  advisory: Advisory,
  targetUnit: Unit,
  { lockTargetQuota, at: recordedAt }: { lockTargetQuota: boolean; at?: string },
): Promise<{ context: CheckContext; open: OpenMovement[] }> {
  // Quotas by year (docs/legal-basis.md §9): the checks read the quota where
  // the approval's incoming lands, this year's (opened from last year's when
  // the carry-over has not run), and whether the start year, when later, has
  // an allocation yet.
  const at = recordedAt ?? repos.quotas.now().at;
  const year = quotaYearAt(at);
  const startYear = yearOf(m.startDate);
  const targetKey = { unitCode: m.toUnitCode, block: cadre.block, year };
  // The sending quota only feeds the norm warning: read without a lock, so
  // approvals do not serialise on every home unit's quota. Without a lock on
  // the target either (a proposal), both come in one read.
  const sendingKey = { unitCode: cadre.homeUnitCode, block: cadre.block, year };
  const quotas = lockTargetQuota
    ? Promise.all([
        readYearQuotas(tx, repos, [targetKey], at),
        readYearQuotas(undefined, repos, [sendingKey], at),
      ]).then(([[t], [s]]) => [t, s])
    : readYearQuotas(undefined, repos, [targetKey, sendingKey], at);
  const [open, [target, sending], ahead] = await Promise.all([
    openMovementsOf(tx, repos, cadre),
    quotas,
    // Advisory too (a warning): no lock.
    startYear > year ? repos.quotas.find(m.toUnitCode, cadre.block, startYear) : undefined,
  ]);
  const targetQuota = target?.quota;
  const sendingQuota = sending?.quota;
  return {
    /** The person's open movements, this one included when stored (for openMovementsAfter). */
    open,
    context: {
      request: requestOf(m, targetUnit.provinceCode),
      cadre,
      profile,
      targetPosition: m.toPositionId ? POSITION_BY_ID.get(m.toPositionId) : undefined,
      positions: POSITION_BY_ID,
      openMovements: open.filter((x) => x.id !== m.id),
      relatives: advisory.relatives,
      targetQuota,
      quotaYear: year,
      quotaYearAhead: startYear > year ? { year: startYear, quota: ahead } : undefined,
      sendingQuota,
      sendingNorm: sendingNormFor(cadre.homeUnitCode, cadre.block, DEFAULT_NORMS),
      holdersOfCadrePost: advisory.holdersOfCadrePost,
      holdersOfTargetPost: advisory.holdersOfTargetPost,
      params: DEFAULT_CHECK_PARAMS,
    },
  };
}

/**
 * The person's open movements, from their document (`Cadre.openMovements`,
 * kept by every use case that changes a movement's status, in the same
 * transaction). A document written before the list existed has none: its
 * movements are queried once, in `tx` (which locks the collection), and the
 * use case writes the list with the person, so the next one reads it by id.
 */
export async function openMovementsOf(
  tx: Transaction,
  repos: Repositories,
  cadre: Cadre,
): Promise<OpenMovement[]> {
  if (cadre.openMovements) return cadre.openMovements;
  const found = await repos.movements.openForCadre(cadre.id, tx);
  return found.reduce<OpenMovement[]>((list, m) => openMovementsAfter(list, m), []);
}

/**
 * The person after a movement reached its status: its entry in the open
 * movements added, updated or removed (openMovementsAfter), and `updatedAt`.
 */
export function withOpenMovements(
  cadre: Cadre,
  open: readonly OpenMovement[],
  m: Pick<Movement, 'id' | 'type' | 'status'>,
  at: string,
): Cadre {
  return { ...cadre, openMovements: openMovementsAfter(open, m), updatedAt: at };
}

/**
 * The quotas that `transition` of `m` will change, recorded at `at` (the
 * keys quotaChanges reads). A decision locks them first, in its first read
 * (MovementRepository.readForDecision): the emulator and Firestore resolve
 * lock conflicts by age (wound-wait: an older transaction aborts a younger
 * holder, which retries after a back-off), so taking the contended lock first
 * means approvals into one unit reach it in the order they began and wait
 * briefly for each other instead of aborting. `m` may be read outside the
 * transaction: a movement's units and block never change.
 */
export function quotaKeysOf(m: Movement, transition: Transition, at: string): QuotaKey[] {
  return quotaEffects(m, transition, m.status, vietnamDay(new Date(at))).map(({ unitCode, block, year }) => ({
    unitCode,
    block,
    year,
  }));
}

/** The code of the check on the target unit's quota. */
const TARGET_QUOTA: CheckCode = 'target_quota';

/**
 * Refuses with the blocking checks. When the target quota is among them the
 * refusal carries its counts (`details.quota`, docs/api.md "Errors").
 */
export function refusal(
  checks: CheckResult[],
  context: CheckContext,
  options: Pick<NonNullable<ConstructorParameters<typeof RulesViolated>[1]>, 'key' | 'params'> = {},
): RulesViolated {
  const quota =
    checks.some((c) => c.code === TARGET_QUOTA) && context.targetQuota
      ? quotaStatus(context.targetQuota, 1)
      : undefined;
  return new RulesViolated(checks, { ...options, quota });
}

/** Loads a movement in the transaction and checks the actor may act on it. */
export async function movementFor(
  tx: Transaction,
  repos: Repositories,
  actor: Actor,
  movementId: string,
): Promise<Movement> {
  const m = await repos.movements.get(movementId, tx);
  requireScope(actor, m.provinceCode, null);
  return m;
}

export interface QuotaChange {
  before: Quota;
  after: Quota;
}

/**
 * The quota effects of a transition, read in the transaction (reads first; the
 * caller writes every `after`). Each effect lands in the quota of the year the
 * transition is recorded, `at`'s day in Vietnam (docs/legal-basis.md §9): an
 * approval in December reserves the post in December's quota, the carry-over
 * takes that reservation into January's, and a return in 2027 moves the 2027
 * counts while the 2026 document stays as it closed. A back-dated start or
 * end date does not reopen a closed year. A year whose document is missing
 * (or a forecast) is opened from the year before, in this transaction.
 */
export async function quotaChanges(
  tx: Transaction,
  repos: Repositories,
  m: Movement,
  transition: Transition,
  at: string,
): Promise<QuotaChange[]> {
  const recorded = vietnamDay(new Date(at));
  const effects = quotaEffects(m, transition, m.status, recorded);
  const read = await readYearQuotas(tx, repos, effects, at);
  // Effects on one document (a rotation within its own unit) apply in turn.
  const changes = new Map<string, QuotaChange>();
  effects.forEach((e, i) => {
    const id = quotaId(e.unitCode, e.block, e.year);
    const opened = read[i];
    if (!opened) throw new NotFound('error.noQuota', { unitCode: e.unitCode, block: e.block, year: e.year });
    const prior = changes.get(id);
    const before = prior?.after ?? opened.quota;
    const after = { ...applyQuotaDelta(before, e.delta), updatedAt: at };
    changes.set(id, { before: prior?.before ?? opened.quota, after });
  });
  return [...changes.values()];
}
