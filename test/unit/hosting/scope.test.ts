/**
 * The web client's query descriptions (hosting/src/data/scope.ts) carry the
 * scope filter firestore.rules requires of each role (rules are not filters),
 * and a request outside the scope builds no query at all.
 */
import type { Claims } from '@canbo/model';
import {
  alertQueries,
  chunks,
  communesInScope,
  communesOfProvince,
  evaluationsOfCadre,
  movementsOfCadre,
  movementsOfCommune,
  ownRecord,
  peopleOfCommune,
  quotaQueries,
  unitStatsQueries,
} from '../../../hosting/src/data/scope';

const admin: Claims = { role: 'province_admin', province: '42' };
const auditor: Claims = { role: 'auditor', province: '42' };
const monitor: Claims = { role: 'area_monitor', province: '42', communes: ['18073', '18115'] };
const communeAdmin: Claims = { role: 'commune_admin', province: '42', communes: ['18073'] };
const viewer: Claims = { role: 'commune_viewer', province: '42', communes: ['18100'] };
const cadre: Claims = { role: 'cadre', province: '42', cadreId: '18073-0001' };

describe('communes in scope', () => {
  test('a province-wide role sees every commune asked for; a commune role only its own; a cadre none', () => {
    expect(communesInScope(admin, ['18073', '18100'])).toEqual(['18073', '18100']);
    expect(communesInScope(auditor, ['18100'])).toEqual(['18100']);
    expect(communesInScope(monitor, ['18100', '18115', '18073'])).toEqual(['18115', '18073']);
    expect(communesInScope(communeAdmin, ['18100'])).toEqual([]);
    expect(communesInScope(cadre, ['18073'])).toEqual([]);
  });

  test('chunks of at most 30 (the limit of an in filter)', () => {
    const codes = Array.from({ length: 65 }, (_, i) => String(18000 + i));
    expect(chunks(codes).map((c) => c.length)).toEqual([30, 30, 5]);
    expect(chunks([])).toEqual([]);
  });
});

describe('statistics and quotas', () => {
  test('a province-wide role asks for its province', () => {
    expect(unitStatsQueries(admin)).toEqual([
      { collection: 'unitStats', filters: [{ field: 'provinceCode', op: '==', value: '42' }] },
    ]);
    expect(quotaQueries(auditor, 2026)).toEqual([
      {
        collection: 'quotas',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'year', op: '==', value: 2026 },
        ],
      },
    ]);
  });

  test('a province-wide role asking for one commune filters on it', () => {
    expect(unitStatsQueries(admin, ['18100'])).toEqual([
      {
        collection: 'unitStats',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'communeCode', op: '==', value: '18100' },
        ],
      },
    ]);
  });

  test('an area monitor asks for its province and its communes (in)', () => {
    expect(unitStatsQueries(monitor)).toEqual([
      {
        collection: 'unitStats',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'communeCode', op: 'in', value: ['18073', '18115'] },
        ],
      },
    ]);
  });

  test('a commune admin asks for its one commune (==), and gets nothing for another', () => {
    expect(quotaQueries(communeAdmin, 2027)).toEqual([
      {
        collection: 'quotas',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'communeCode', op: '==', value: '18073' },
          { field: 'year', op: '==', value: 2027 },
        ],
      },
    ]);
    expect(quotaQueries(communeAdmin, 2027, ['18100'])).toBeNull();
    expect(unitStatsQueries(viewer, ['18073'])).toBeNull();
  });

  test('a cadre reads no statistics', () => {
    expect(unitStatsQueries(cadre)).toBeNull();
    expect(quotaQueries(cadre, 2026)).toBeNull();
  });
});

describe('people and movements', () => {
  test('the people of a commune: those working there and those on its quota elsewhere', () => {
    expect(peopleOfCommune(communeAdmin, '18073')).toEqual([
      {
        collection: 'cadres',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'communeCode', op: '==', value: '18073' },
        ],
      },
      {
        collection: 'cadres',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'homeCommuneCode', op: '==', value: '18073' },
        ],
      },
    ]);
    expect(peopleOfCommune(communeAdmin, '18100')).toBeNull();
    expect(peopleOfCommune(cadre, '18073')).toBeNull();
    expect(peopleOfCommune(admin, '18100')).toHaveLength(2);
  });

  test('movements of a commune carry communeCodes array-contains it', () => {
    expect(movementsOfCommune(monitor, '18115')).toEqual({
      collection: 'movements',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'communeCodes', op: 'array-contains', value: '18115' },
      ],
    });
    expect(movementsOfCommune(monitor, '18100')).toBeNull();
  });

  test("a person's movements: province-wide by cadreId, a commune role also by its communes, a cadre only their own", () => {
    expect(movementsOfCadre(auditor, '18100-0002')).toEqual({
      collection: 'movements',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'cadreId', op: '==', value: '18100-0002' },
      ],
    });
    expect(movementsOfCadre(monitor, '18073-0001')).toEqual({
      collection: 'movements',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'cadreId', op: '==', value: '18073-0001' },
        { field: 'communeCodes', op: 'array-contains-any', value: ['18073', '18115'] },
      ],
    });
    expect(movementsOfCadre(cadre, '18073-0001')).toEqual({
      collection: 'movements',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'cadreId', op: '==', value: '18073-0001' },
      ],
    });
    expect(movementsOfCadre(cadre, '18073-0002')).toBeNull();
  });

  test('evaluations: a commune role filters on the commune of the person, when it is theirs', () => {
    expect(evaluationsOfCadre(communeAdmin, '18073-0001', '18073')).toEqual({
      collection: 'evaluations',
      filters: [
        { field: 'provinceCode', op: '==', value: '42' },
        { field: 'cadreId', op: '==', value: '18073-0001' },
        { field: 'communeCode', op: '==', value: '18073' },
      ],
    });
    expect(evaluationsOfCadre(communeAdmin, '18100-0001', '18100')).toBeNull();
    expect(evaluationsOfCadre(cadre, '18073-0001', '18073')?.filters).toHaveLength(2);
  });

  test('alerts: flagged movements of the province, or active movements of the communes', () => {
    expect(alertQueries(admin)).toEqual([
      {
        collection: 'movements',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'flags', op: 'array-contains-any', value: ['ending_soon', 'overdue_return'] },
        ],
      },
    ]);
    expect(alertQueries(monitor)).toEqual([
      {
        collection: 'movements',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'status', op: '==', value: 'active' },
          { field: 'communeCodes', op: 'array-contains-any', value: ['18073', '18115'] },
        ],
      },
    ]);
    expect(alertQueries(cadre)).toBeNull();
  });

  test('reference data and the own record', () => {
    expect(communesOfProvince('42')).toEqual({
      collection: 'units',
      filters: [
        { field: 'parentCode', op: '==', value: '42' },
        { field: 'level', op: '==', value: 'commune' },
      ],
    });
    expect(ownRecord(cadre)).toEqual({ collection: 'cadres', id: '18073-0001' });
    expect(ownRecord(admin)).toBeNull();
  });
});
