/**
 * The dossier pages' query descriptions (hosting/src/pages/dossiers/queries.ts):
 * each carries the scope the rules require, and only the roles the rules
 * open a collection to get a query at all.
 */
import type { Claims } from '@canbo/model';
import {
  correctionsOfMine,
  openCorrections,
  overdue,
  readsOfMine,
  readsOfProvince,
  vietnamDayStart,
} from '../../../hosting/src/pages/dossiers/queries';

const cadre: Claims = { role: 'cadre', province: '42', cadreId: '18073-001' };
const auditor: Claims = { role: 'auditor', province: '42' };
const admin: Claims = { role: 'province_admin', province: '42' };
const commune: Claims = { role: 'commune_admin', province: '42', communes: ['18073'] };
const noFilter = { from: '', to: '', cadreId: '', readerUid: '' };

test("a cadre's reads and requests name the province and the person", () => {
  expect(readsOfMine(cadre)).toEqual({
    collection: 'dossierReads',
    constraints: [
      { kind: 'where', field: 'provinceCode', op: '==', value: '42' },
      { kind: 'where', field: 'cadreId', op: '==', value: '18073-001' },
      { kind: 'orderBy', field: 'at', dir: 'desc' },
      { kind: 'limit', n: 500 },
    ],
  });
  expect(correctionsOfMine(cadre)!.constraints.slice(0, 2)).toEqual([
    { kind: 'where', field: 'provinceCode', op: '==', value: '42' },
    { kind: 'where', field: 'cadreId', op: '==', value: '18073-001' },
  ]);
  expect(readsOfMine(admin)).toBeNull();
});

test("only an auditor gets the province's log; a person filter wins over a reader filter; days are Vietnam days", () => {
  expect(readsOfProvince(admin, noFilter)).toBeNull();
  expect(readsOfProvince(commune, noFilter)).toBeNull();
  expect(
    readsOfProvince(auditor, {
      from: '2026-12-01',
      to: '2026-12-31',
      cadreId: ' 18073-001 ',
      readerUid: 'u-1',
    }),
  ).toEqual({
    collection: 'dossierReads',
    constraints: [
      { kind: 'where', field: 'provinceCode', op: '==', value: '42' },
      { kind: 'where', field: 'cadreId', op: '==', value: '18073-001' },
      { kind: 'where', field: 'at', op: '>=', value: '2026-11-30T17:00:00.000Z' },
      { kind: 'where', field: 'at', op: '<', value: '2026-12-31T17:00:00.000Z' },
      { kind: 'orderBy', field: 'at', dir: 'desc' },
      { kind: 'limit', n: 500 },
    ],
  });
  expect(readsOfProvince(auditor, { ...noFilter, readerUid: 'u-1' })!.constraints[1]).toEqual({
    kind: 'where',
    field: 'reader.uid',
    op: '==',
    value: 'u-1',
  });
  expect(vietnamDayStart('2027-01-01')).toBe('2026-12-31T17:00:00.000Z');
});

test("the correction queue is the province's, open ones by due date; overdue is after the last day", () => {
  expect(openCorrections(admin)).toEqual({
    collection: 'correctionRequests',
    constraints: [
      { kind: 'where', field: 'provinceCode', op: '==', value: '42' },
      { kind: 'where', field: 'status', op: '==', value: 'open' },
      { kind: 'orderBy', field: 'dueOn', dir: 'asc' },
      { kind: 'limit', n: 500 },
    ],
  });
  expect(openCorrections(auditor)).not.toBeNull();
  expect(openCorrections(commune)).toBeNull();
  expect(overdue({ status: 'open', dueOn: '2026-12-03' }, '2026-12-03')).toBe(false);
  expect(overdue({ status: 'open', dueOn: '2026-12-03' }, '2026-12-04')).toBe(true);
  expect(overdue({ status: 'rejected', dueOn: '2026-12-03' }, '2026-12-04')).toBe(false);
});
