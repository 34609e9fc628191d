/**
 * The test builders (test/helpers/province.ts) give valid documents of their
 * collections, so a fixture can never hide a schema change.
 */
import {
  AuditEntry,
  Cadre,
  CadrePrivate,
  Evaluation,
  Job,
  Movement,
  Quota,
  Rating,
  Unit,
  UserScope,
} from '@canbo/model';
import {
  auditEntry,
  evaluation,
  job,
  movement,
  person,
  profile,
  quota,
  rating,
  unit,
  userScope,
} from '../../helpers/province';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join('.'));

test.each([
  ['units', () => Unit.safeParse(unit('18073', 'Phường Thành Sen'))],
  ['quotas', () => Quota.safeParse(quota('18073', 32, 30))],
  ['cadres', () => Cadre.safeParse(person('c1', '18073', 'xa_ke_toan'))],
  ['cadres/{id}/private/profile', () => CadrePrivate.safeParse(profile())],
  ['movements', () => Movement.safeParse(movement('mv-1', 'transfer'))],
  ['evaluations', () => Evaluation.safeParse(evaluation('c1', '2026-Q3'))],
  ['ratings', () => Rating.safeParse(rating('18073-20261101-0001', '18073'))],
  ['jobs', () => Job.safeParse(job('movement-alerts-2026-11-25', 'movement_alerts'))],
  ['audit', () => AuditEntry.safeParse(auditEntry('audit-1'))],
  ['userScopes', () => UserScope.safeParse(userScope('u-viewer'))],
])('the %s builder gives a valid document', (_name, parse) => {
  expect(issues(parse())).toEqual([]);
});

test('builders place a document where its unit is', () => {
  expect(rating('42-20261101-0001', '42-snv')).toMatchObject({ unitCode: '42-snv', communeCode: null });
  expect(person('c2', '18100', 'xa_ke_toan')).toMatchObject({
    communeCode: '18100',
    homeCommuneCode: '18100',
  });
  expect(evaluation('c1', '2026-Q4').id).toBe('2026-Q4_c1');
});
