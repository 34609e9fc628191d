/**
 * recordRestrictions: records the facts of a person's private profile that
 * forbid a transfer or secondment (Decree 170/2025, docs/legal-basis.md §2):
 * the flags of situations 1–4 and 6, the youngest child's birth date with the
 * father's condition (situation 5), and the competent head's restriction
 * (situation 7). The fields given replace the profile's; the others are kept.
 *
 * Who may record them (docs/api.md): a province admin, for anyone of their
 * province; a commune admin, for the people whose home unit (the agency that
 * employs them and whose quota they are on) is in their communes, except the
 * head's restriction, which only the province records or lifts.
 *
 * One transaction reads the person and the profile, writes the merged
 * restrictions (validated by the profile's schema) and the audit entry, whose
 * before and after are the restrictions only: no other personal data is
 * copied into the audit log.
 */
import { requireRole, requireScope, type Actor } from '../../lib/actor';
import { Forbidden, ValidationFailed } from '../../lib/errors';
import { log } from '../../log';
import type { UseCaseDeps } from '../deps';
import { CadrePrivate, communeOf, type TRecordRestrictionsInput } from '@canbo/model';

type Restrictions = CadrePrivate['restrictions'];

export interface RecordRestrictionsResult {
  cadreId: string;
  /** The profile's restrictions as now stored. */
  restrictions: Restrictions;
  updatedAt: string;
}

/** The profile's restrictions schema: the merged result must satisfy it. */
const RestrictionsSchema = CadrePrivate.shape.restrictions;

export async function recordRestrictions(
  deps: UseCaseDeps,
  actor: Actor,
  input: TRecordRestrictionsInput,
): Promise<RecordRestrictionsResult> {
  const { db, repos } = deps;
  requireRole(actor, 'province_admin', 'commune_admin');
  // Situation 7 is a decision of the head competent to move the person: the
  // province's, as every approval is (docs/api.md, "Roles and scope").
  if (actor.role !== 'province_admin' && input.restrictions.headRestriction !== undefined) {
    throw new Forbidden('error.headRestrictionProvinceOnly');
  }
  const recorded = await db.runTransaction(async (tx) => {
    const { cadre, profile } = await repos.cadres.getWithProfile(input.cadreId, tx);
    requireScope(actor, cadre.provinceCode, communeOf(cadre.homeUnitCode));
    const before = profile.restrictions;
    const after: Restrictions = ValidationFailed.parse(RestrictionsSchema, {
      ...before,
      ...input.restrictions,
    });
    // The young-child protection reaches a father only in the recorded
    // condition; a mother needs none, so recording one for a woman is a mistake.
    if (cadre.gender === 'female' && after.fatherCondition) {
      throw ValidationFailed.field('restrictions.fatherCondition', 'error.fatherConditionForMan');
    }
    const now = deps.clock.now().toISOString();
    repos.cadres.saveProfile(tx, cadre.id, { ...profile, restrictions: after, updatedAt: now });
    repos.audit.append(tx, {
      actor,
      action: 'profile.recordRestrictions',
      target: `cadres/${cadre.id}/private/profile`,
      before: { restrictions: before },
      after: { restrictions: after },
      reason: input.reason,
    });
    return { cadreId: cadre.id, restrictions: after, updatedAt: now };
  });
  // Which facts changed, not their values: the log is not a place for personal data.
  log.info('profile.restrictionsRecorded', {
    cadreId: recorded.cadreId,
    fields: Object.keys(input.restrictions),
    by: actor.uid,
  });
  return recorded;
}
