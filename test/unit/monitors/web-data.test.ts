/**
 * The web client's side of the area monitors: the enum lists the pages carry
 * (kept out of zod) equal the model's, and data/scope.ts's monitor queries
 * carry the scope filters firestore.rules requires, with an area monitor's
 * communes taken from its scope document.
 */
import type { Claims } from '@canbo/model';
import { FOLLOW_UP_STATES, MONITOR_ENTRY_KINDS, MONITOR_FIELDS } from '@canbo/model';
import {
  areaMonitorsQuery,
  monitorAssignmentQuery,
  monitorLogQueries,
  ownScopeDoc,
  withScopeDocument,
} from '../../../hosting/src/data/scope';
import { FIELDS, FOLLOW_UPS, KINDS } from '../../../hosting/src/pages/monitors/lists';

const MONITOR: Claims = { role: 'area_monitor', province: '42', communes: ['18073', '18115'] };
const ADMIN: Claims = { role: 'province_admin', province: '42' };

test('the pages’ lists are the model’s', () => {
  expect([...FIELDS]).toEqual([...MONITOR_FIELDS]);
  expect([...KINDS]).toEqual([...MONITOR_ENTRY_KINDS]);
  expect([...FOLLOW_UPS]).toEqual([...FOLLOW_UP_STATES]);
});

describe('withScopeDocument', () => {
  const doc = (communes: string[], role = 'area_monitor', provinceCode = '42') => ({
    role,
    provinceCode,
    communes,
  });

  test('an area monitor takes the communes of its scope document, not of its token', () => {
    expect(withScopeDocument(MONITOR, doc(['18100']))).toEqual({ ...MONITOR, communes: ['18100'] });
    expect(withScopeDocument({ role: 'area_monitor', province: '42' }, doc(['18073']))).toEqual({
      role: 'area_monitor',
      province: '42',
      communes: ['18073'],
    });
  });

  test('a document of another role or province gives none; no document keeps the token', () => {
    expect(withScopeDocument(MONITOR, doc(['18073'], 'commune_admin')).communes).toEqual([]);
    expect(withScopeDocument(MONITOR, doc(['18073'], 'area_monitor', '40')).communes).toEqual([]);
    expect(withScopeDocument(MONITOR, null)).toBe(MONITOR);
  });

  test('other roles are unchanged', () => {
    const commune: Claims = { role: 'commune_admin', province: '42', communes: ['18073'] };
    expect(withScopeDocument(commune, doc(['18100']))).toBe(commune);
  });

  test('the own scope document is userScopes/{uid}', () => {
    expect(ownScopeDoc('u-1')).toEqual({ collection: 'userScopes', id: 'u-1' });
  });
});

describe('monitorLogQueries', () => {
  test('the province reads its province, newest first', () => {
    expect(monitorLogQueries(ADMIN)).toEqual([
      {
        collection: 'monitorLog',
        filters: [{ field: 'provinceCode', op: '==', value: '42' }],
        orderBy: [{ field: 'date', direction: 'desc' }],
        limit: 500,
      },
    ]);
  });

  test('a monitor reads its communes; one commune is an equality', () => {
    expect(monitorLogQueries(MONITOR)).toEqual([
      {
        collection: 'monitorLog',
        filters: [
          { field: 'provinceCode', op: '==', value: '42' },
          { field: 'communeCode', op: 'in', value: ['18073', '18115'] },
        ],
        orderBy: [{ field: 'date', direction: 'desc' }],
        limit: 500,
      },
    ]);
    expect(monitorLogQueries(MONITOR, ['18115', '18100'])?.[0]?.filters[1]).toEqual({
      field: 'communeCode',
      op: '==',
      value: '18115',
    });
  });

  test('no communes, commune staff and cadres: no query', () => {
    expect(monitorLogQueries({ role: 'area_monitor', province: '42', communes: [] })).toBeNull();
    expect(monitorLogQueries({ role: 'commune_admin', province: '42', communes: ['18073'] })).toBeNull();
    expect(monitorLogQueries({ role: 'cadre', province: '42', cadreId: 'c-1' })).toBeNull();
  });
});

test('assignments: the province’s, or the monitor’s own; the monitors list is the province admin’s', () => {
  expect(monitorAssignmentQuery(ADMIN, 'u-admin')?.filters).toEqual([
    { field: 'provinceCode', op: '==', value: '42' },
  ]);
  expect(monitorAssignmentQuery(MONITOR, 'u-mon')?.filters).toEqual([
    { field: 'provinceCode', op: '==', value: '42' },
    { field: 'monitorUid', op: '==', value: 'u-mon' },
  ]);
  expect(
    monitorAssignmentQuery({ role: 'commune_admin', province: '42', communes: ['18073'] }, 'u'),
  ).toBeNull();
  expect(areaMonitorsQuery(ADMIN)?.filters).toEqual([
    { field: 'provinceCode', op: '==', value: '42' },
    { field: 'role', op: '==', value: 'area_monitor' },
  ]);
  expect(areaMonitorsQuery({ role: 'auditor', province: '42' })).toBeNull();
});
