/**
 * The claims reconciler's plan (pure): which scope documents need their
 * claims applied, and the claims a scope document stands for.
 */
import { planClaimRepairs } from '../../functions/src/services/scopes/reconcile-plan';
import { claimsOfScope, type UserScope } from '@canbo/model';

const scope = (uid: string, version: number, claimsAppliedVersion: number | null): UserScope => ({
  uid,
  role: 'commune_admin',
  provinceCode: '42',
  communes: ['18073'],
  cadreId: null,
  version,
  claimsAppliedVersion,
  claimsPending: claimsAppliedVersion !== version,
  updatedAt: '2026-11-25T08:00:00.000Z',
  updatedBy: 'u-admin',
});

test('plans the scopes whose claims lag behind (never applied, or an older version), by uid', () => {
  const plan = planClaimRepairs([
    scope('u-c', 2, 1),
    scope('u-a', 1, 1),
    scope('u-b', 1, null),
    scope('u-d', 5, 5),
  ]);
  expect(plan.map((s) => s.uid)).toEqual(['u-b', 'u-c']);
});

test('nothing to do when every scope is applied, or there are none', () => {
  expect(planClaimRepairs([scope('u-a', 3, 3)])).toEqual([]);
  expect(planClaimRepairs([])).toEqual([]);
});

test('the claims of a scope leave out empty communes and a missing cadre (claims stay small)', () => {
  expect(claimsOfScope(scope('u-a', 1, null))).toEqual({
    role: 'commune_admin',
    province: '42',
    communes: ['18073'],
  });
  expect(claimsOfScope({ role: 'cadre', provinceCode: '42', communes: [], cadreId: 'c-1' })).toEqual({
    role: 'cadre',
    province: '42',
    cadreId: 'c-1',
  });
  expect(claimsOfScope({ role: 'auditor', provinceCode: '40', communes: [], cadreId: null })).toEqual({
    role: 'auditor',
    province: '40',
  });
});
