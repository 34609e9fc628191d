/**
 * The web client's queries (hosting/src/data/scope.ts) against the real
 * firestore.rules: each role's query is allowed (it carries the scope filter
 * the rules require, since rules are not filters) and returns exactly the
 * documents of its scope; the same query without the commune filter is
 * refused, so the filter is what makes it pass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails } from '@firebase/rules-unit-testing';
import type { Claims } from '@canbo/model';
import {
  alertQueries,
  movementsOfCadre,
  movementsOfCommune,
  peopleOfCommune,
  quotaQueries,
  evaluationsOfCadre,
  unitStatsQueries,
  type QuerySpec,
} from '../../hosting/src/data/scope';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject, type RulesProject } from '../helpers/rules';

afterAll(closeClients);

const admin: Claims = { role: 'province_admin', province: '42' };
const auditor: Claims = { role: 'auditor', province: '42' };
const monitor: Claims = { role: 'area_monitor', province: '42', communes: ['18073', '18115'] };
const communeAdmin: Claims = { role: 'commune_admin', province: '42', communes: ['18073'] };
const cadre: Claims = { role: 'cadre', province: '42', cadreId: '18073-0001' };

let p: RulesProject;

const person = (id: string, communeCode: string, homeCommuneCode: string) => ({
  id,
  provinceCode: '42',
  communeCode,
  homeCommuneCode,
  fullName: id,
});

beforeAll(async () => {
  p = await rulesProject(
    'hosting-queries',
    fs.readFileSync(path.join(__dirname, '../../firestore.rules'), 'utf8'),
  );
  const docs: [string, Record<string, unknown>][] = [
    ['quotas/18073_government_2026', { provinceCode: '42', communeCode: '18073', year: 2026, allocated: 32 }],
    ['quotas/18115_government_2026', { provinceCode: '42', communeCode: '18115', year: 2026, allocated: 30 }],
    ['quotas/18100_government_2026', { provinceCode: '42', communeCode: '18100', year: 2026, allocated: 31 }],
    ['quotas/16681_government_2026', { provinceCode: '40', communeCode: '16681', year: 2026, allocated: 20 }],
    ['cadres/18073-0001', person('18073-0001', '18073', '18073')],
    // Seconded from 18073 to 18100: 18073 keeps them on its quota and sees them.
    ['cadres/18073-0002', person('18073-0002', '18100', '18073')],
    ['cadres/18100-0001', person('18100-0001', '18100', '18100')],
    [
      'movements/mv-42-1',
      {
        provinceCode: '42',
        cadreId: '18073-0002',
        communeCodes: ['18073', '18100'],
        status: 'active',
        flags: ['ending_soon'],
      },
    ],
    [
      'movements/mv-42-2',
      {
        provinceCode: '42',
        cadreId: '18100-0001',
        communeCodes: ['18100'],
        status: 'active',
        flags: ['overdue_return'],
      },
    ],
    [
      'movements/mv-42-3',
      { provinceCode: '42', cadreId: '18073-0001', communeCodes: ['18073', '18115'], status: 'proposed' },
    ],
    ['unitStats/18073', { provinceCode: '42', communeCode: '18073', unitCode: '18073' }],
    ['unitStats/18073-ubnd', { provinceCode: '42', communeCode: '18073', unitCode: '18073-ubnd' }],
    ['unitStats/18115', { provinceCode: '42', communeCode: '18115', unitCode: '18115' }],
    ['unitStats/18100', { provinceCode: '42', communeCode: '18100', unitCode: '18100' }],
    ['unitStats/42-snv', { provinceCode: '42', communeCode: null, unitCode: '42-snv' }],
    ['unitStats/16681', { provinceCode: '40', communeCode: '16681', unitCode: '16681' }],
    [
      'evaluations/2026_18073-0001',
      { provinceCode: '42', communeCode: '18073', cadreId: '18073-0001', level: 'HTT' },
    ],
  ];
  for (const [docPath, data] of docs) await p.admin.doc(docPath).set(data);
});

/** Runs the client's query descriptions as `claims`, and the ids they return, sorted. */
async function run(claims: Claims, specs: QuerySpec[] | QuerySpec | null): Promise<string[]> {
  if (!specs) throw new Error('no query built');
  const db = p.as(`u-${claims.role}`, { ...claims });
  const ids: string[] = [];
  for (const spec of Array.isArray(specs) ? specs : [specs]) {
    const q = lite.query(
      lite.collection(db, spec.collection),
      ...spec.filters.map((f) => lite.where(f.field, f.op, Array.isArray(f.value) ? [...f.value] : f.value)),
    );
    ids.push(...(await lite.getDocs(q)).docs.map((d) => d.id));
  }
  return [...new Set(ids)].sort();
}

/** The same queries with their commune filters removed (province only). */
function withoutCommune(specs: QuerySpec[] | QuerySpec | null): QuerySpec[] {
  if (!specs) throw new Error('no query built');
  return (Array.isArray(specs) ? specs : [specs]).map((s) => ({
    ...s,
    filters: s.filters.filter(
      (f) => !['communeCode', 'homeCommuneCode', 'communeCodes', 'cadreId'].includes(f.field),
    ),
  }));
}

describe('quotas', () => {
  test('a province-wide role reads its province, not another', async () => {
    expect(await run(admin, quotaQueries(admin, 2026))).toEqual([
      '18073_government_2026',
      '18100_government_2026',
      '18115_government_2026',
    ]);
    expect(await run(auditor, quotaQueries(auditor, 2026, ['18100']))).toEqual(['18100_government_2026']);
  });

  test('an area monitor reads its communes (in); without the commune filter it is refused', async () => {
    expect(await run(monitor, quotaQueries(monitor, 2026))).toEqual([
      '18073_government_2026',
      '18115_government_2026',
    ]);
    await assertFails(run(monitor, withoutCommune(quotaQueries(monitor, 2026))));
  });

  test('a commune admin reads its commune', async () => {
    expect(await run(communeAdmin, quotaQueries(communeAdmin, 2026))).toEqual(['18073_government_2026']);
    await assertFails(run(communeAdmin, withoutCommune(quotaQueries(communeAdmin, 2026))));
  });
});

describe('unit statistics', () => {
  test('a province-wide role reads its province, provincial agencies included', async () => {
    expect(await run(admin, unitStatsQueries(admin))).toEqual([
      '18073',
      '18073-ubnd',
      '18100',
      '18115',
      '42-snv',
    ]);
  });

  test('an area monitor and a commune admin read the units of their communes; without the filter, refused', async () => {
    expect(await run(monitor, unitStatsQueries(monitor))).toEqual(['18073', '18073-ubnd', '18115']);
    expect(await run(communeAdmin, unitStatsQueries(communeAdmin))).toEqual(['18073', '18073-ubnd']);
    await assertFails(run(monitor, withoutCommune(unitStatsQueries(monitor))));
  });
});

describe('people and movements', () => {
  test('the people of a commune include those it keeps on its quota while seconded elsewhere', async () => {
    expect(await run(communeAdmin, peopleOfCommune(communeAdmin, '18073'))).toEqual([
      '18073-0001',
      '18073-0002',
    ]);
    expect(await run(admin, peopleOfCommune(admin, '18100'))).toEqual(['18073-0002', '18100-0001']);
    await assertFails(run(communeAdmin, withoutCommune(peopleOfCommune(communeAdmin, '18073'))));
  });

  test('movements of a commune, and of a person', async () => {
    expect(await run(communeAdmin, movementsOfCommune(communeAdmin, '18073'))).toEqual([
      'mv-42-1',
      'mv-42-3',
    ]);
    expect(await run(monitor, movementsOfCadre(monitor, '18073-0001'))).toEqual(['mv-42-3']);
    expect(await run(cadre, movementsOfCadre(cadre, '18073-0001'))).toEqual(['mv-42-3']);
    expect(await run(auditor, movementsOfCadre(auditor, '18100-0001'))).toEqual(['mv-42-2']);
  });

  test('alerts: the flagged movements of the province; the active ones of the communes', async () => {
    expect(await run(admin, alertQueries(admin))).toEqual(['mv-42-1', 'mv-42-2']);
    expect(await run(monitor, alertQueries(monitor))).toEqual(['mv-42-1']);
    await assertFails(run(monitor, withoutCommune(alertQueries(monitor))));
  });

  test('evaluations of a person', async () => {
    expect(await run(communeAdmin, evaluationsOfCadre(communeAdmin, '18073-0001', '18073'))).toEqual([
      '2026_18073-0001',
    ]);
    expect(await run(cadre, evaluationsOfCadre(cadre, '18073-0001', '18073'))).toEqual(['2026_18073-0001']);
  });
});
