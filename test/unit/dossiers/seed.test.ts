/**
 * The demo correction requests of the seed (scripts/seed/dossiers.ts): four
 * people in service of the province, one request each, the first overdue on
 * the seed's date, the second due, one accepted and one rejected.
 */
import { CorrectionRequest } from '@canbo/model';
import { seedCorrections } from '../../../scripts/seed/dossiers';
import { isOverdue } from '../../../functions/src/domain/dossiers';
import { person } from '../../helpers/province';

const people = [
  person('18073-005', '18073', 'xa_van_thu'),
  person('18073-001', '18073', 'xa_van_thu'),
  person('18073-002', '18073', 'xa_van_thu', { status: 'retired' }),
  person('18100-001', '18100', 'xa_van_thu'),
  person('18100-002', '18100', 'xa_van_thu'),
  person('16681-001', '16681', 'xa_van_thu', { provinceCode: '40' }),
];

test('four requests of people in service of the province, valid documents, deterministic ids', () => {
  const seeded = seedCorrections(people, '42', '2026-12-01');
  expect(seeded.map((r) => [r.id, r.cadreId, r.field, r.status, r.dueOn])).toEqual([
    ['corr-seed-42-1', '18073-001', 'phone', 'open', '2026-11-24'],
    ['corr-seed-42-2', '18073-005', 'family', 'open', '2026-12-03'],
    ['corr-seed-42-3', '18100-001', 'nationalId', 'accepted', '2026-11-13'],
    ['corr-seed-42-4', '18100-002', 'discipline', 'rejected', '2026-11-03'],
  ]);
  for (const r of seeded) expect(CorrectionRequest.safeParse(r).success).toBe(true);
  expect(seeded.map((r) => isOverdue(r, '2026-12-01'))).toEqual([true, false, false, false]);
});
