/**
 * setUserScope: a province admin gives an account its role and scope inside
 * their own province (docs/api.md). Every commune and the cadre named are
 * read from the data and must be of the admin's province; an account that
 * another province scoped is not theirs to change (issue 9).
 *
 * Order of effects: the scope document `userScopes/{uid}` (a new version) and
 * its audit entry are committed in one transaction; only then are the custom
 * claims set and the applied version recorded (./claims.ts). If Auth fails
 * there, the scope stays pending and the reconciler applies it
 * (./reconcile-claims.ts): claims never change without a committed, audited
 * scope behind them.
 */
import type { Auth, UserRecord } from 'firebase-admin/auth';
import type { Transaction } from 'firebase-admin/firestore';
import { MonitorRepository } from '../../data/monitors';
import { changeAssignment } from '../../domain/monitors/rules';
import { today } from '../../lib/clock';
import { requireRole, type Actor } from '../../lib/actor';
import { Forbidden, Internal, NotFound, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { applyClaims, claimsFor } from './claims';
import {
  type Claims,
  claimsOfScope,
  type MonitorAssignment,
  MAX_CLAIMS_BYTES,
  message,
  oneLine,
  type TSetUserScopeInput,
  type UserScope,
} from '@canbo/model';

export interface ScopeDeps extends UseCaseDeps {
  /** Only what the use cases call of Firebase Auth (tests pass a fake). */
  auth: Pick<Auth, 'getUser' | 'setCustomUserClaims'>;
}

export interface SetUserScopeResult {
  uid: string;
  claims: Claims;
  /** The version of `userScopes/{uid}` written. */
  version: number;
  /** false: Auth refused the claims for now; the reconciler applies them (the scope is recorded). */
  claimsApplied: boolean;
}

/** Firebase Auth's own code for an unknown account; every other failure is ours (internal). */
const USER_NOT_FOUND = 'auth/user-not-found';

function isUserNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === USER_NOT_FOUND;
}

/**
 * Every commune must be a commune unit of the province (units are read, not
 * trusted from the input): a unit of another province is not the admin's to
 * grant (permission-denied); a unit of their own province that is not a
 * commune (an agency) is a wrong value of the field (invalid-argument).
 */
export async function requireCommunesOf(
  deps: UseCaseDeps,
  province: string,
  communes: string[],
): Promise<void> {
  const units = await Promise.all(communes.map((code) => deps.repos.units.findByCode(code)));
  communes.forEach((code, i) => {
    const unit = units[i];
    if (!unit) throw new NotFound('error.unknownUnit', { code });
    if (unit.provinceCode !== province) throw new Forbidden('error.communeOutsideProvince', { code });
    if (unit.level !== 'commune')
      throw ValidationFailed.field(`communes.${i}`, 'error.notACommune', { code });
  });
}

async function requireCadreOf(deps: UseCaseDeps, province: string, cadreId: string): Promise<void> {
  const cadre = await deps.repos.cadres.get(cadreId);
  if (cadre.provinceCode !== province) throw new Forbidden('error.cadreOutsideProvince', { id: cadreId });
}

/**
 * The account must be unscoped or scoped by this province: claims naming
 * another province (or one that is not even a string) belong to someone else.
 */
function requireOwnAccount(claims: UserRecord['customClaims'], province: string, uid: string): void {
  const theirs = claims?.province;
  if (theirs !== undefined && theirs !== province) {
    throw new Forbidden('error.accountOfOtherProvince', { uid });
  }
}

/**
 * The assignment history of an area monitor scoped here: a new current
 * assignment with the granted communes (its fields kept), or, when the
 * account stops being an area monitor, the current one closed today.
 */
function recordAssignment(
  deps: UseCaseDeps,
  monitors: MonitorRepository,
  tx: Transaction,
  actor: Actor,
  uid: string,
  requested: { role: string; communes: string[] },
  current: MonitorAssignment | undefined,
): void {
  const reason = oneLine(message('audit.setScope'));
  const day = today(deps.clock);
  if (requested.role !== 'area_monitor') {
    if (current) monitors.saveAssignment(tx, { ...current, to: day, endedBy: actor.uid, endReason: reason });
    return;
  }
  const { closed, opened } = changeAssignment(current, {
    id: deps.newId(`ma-${actor.province}`),
    provinceCode: actor.province,
    monitorUid: uid,
    communes: requested.communes,
    fields: current?.fields ?? [],
    from: day,
    decision: null,
    reason,
    decidedBy: actor.uid,
    decidedAt: deps.clock.now().toISOString(),
  });
  if (closed) monitors.saveAssignment(tx, closed);
  monitors.saveAssignment(tx, opened);
}

export async function setUserScope(
  deps: ScopeDeps,
  actor: Actor,
  input: TSetUserScopeInput,
): Promise<SetUserScopeResult> {
  requireRole(actor, 'province_admin');
  if (input.province !== actor.province) throw new Forbidden('error.ownProvinceOnly');
  // Another admin changes an admin's scope: a province cannot lock out its
  // only administrator by mistake, and a grant is always someone else's act.
  if (input.uid === actor.uid) throw new Forbidden('error.ownScope');
  const communes = [...new Set(input.communes ?? [])];
  const requested = {
    role: input.role,
    provinceCode: actor.province,
    communes,
    cadreId: input.cadreId ?? null,
  };
  const claims = claimsFor(requested);
  if (Buffer.byteLength(JSON.stringify(claims)) >= MAX_CLAIMS_BYTES) {
    throw ValidationFailed.field('communes', 'error.tooManyCommunes');
  }
  await requireCommunesOf(deps, actor.province, communes);
  if (input.cadreId) await requireCadreOf(deps, actor.province, input.cadreId);
  const user: UserRecord = await deps.auth.getUser(input.uid).catch((err: unknown) => {
    throw isUserNotFound(err) ? new NotFound('error.unknownUser', { uid: input.uid }) : new Internal(err);
  });
  requireOwnAccount(user.customClaims, actor.province, input.uid);

  const monitors = new MonitorRepository(deps.db);
  const scope = await deps.db.runTransaction(async (tx) => {
    const prior = await deps.repos.userScopes.find(input.uid, tx);
    // The document, not only the claims, says whose account it is (claims may lag behind it).
    if (prior && prior.provinceCode !== actor.province) {
      throw new Forbidden('error.accountOfOtherProvince', { uid: input.uid });
    }
    // An area monitor's communes are an assignment too (issue 13, docs/monitors.md): its history is kept.
    const assignment =
      input.role === 'area_monitor' || prior?.role === 'area_monitor'
        ? await monitors.currentAssignment(tx, input.uid)
        : undefined;
    const next: UserScope = {
      uid: input.uid,
      ...requested,
      version: (prior?.version ?? 0) + 1,
      claimsAppliedVersion: prior?.claimsAppliedVersion ?? null,
      claimsPending: true,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: actor.uid,
    };
    deps.repos.userScopes.save(tx, next);
    recordAssignment(deps, monitors, tx, actor, input.uid, requested, assignment);
    deps.repos.audit.append(tx, {
      actor,
      action: 'user.setScope',
      target: `users/${input.uid}`,
      before: prior ? claimsOfScope(prior) : (user.customClaims ?? null),
      after: claimsOfScope(requested),
      reason: oneLine(message('audit.setScope')),
    });
    return next;
  });

  const claimsApplied = await applyClaims(deps, scope);
  log.info('scope.set', {
    uid: input.uid,
    role: input.role,
    by: actor.uid,
    version: scope.version,
    claimsApplied,
  });
  return { uid: input.uid, claims, version: scope.version, claimsApplied };
}
