/**
 * A small, exact province for callable tests: two communes of Hà Tĩnh, quotas
 * with known free posts, and a few people with private profiles. Written
 * through the typed refs, so the fixtures are valid by construction.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import {
  communeOf,
  type Cadre,
  type CadrePrivate,
  type Movement,
  NO_RESTRICTIONS,
  type Quota,
  quotaId,
  type Unit,
} from '@canbo/model';

export const NOW = '2026-11-25T08:00:00.000Z';

export function unit(code: string, name: string): Unit {
  const commune = code.length === 5;
  return {
    code,
    name,
    type: commune ? 'xa' : 'tinh',
    level: commune ? 'commune' : 'province',
    provinceCode: '42',
    parentCode: commune ? '42' : null,
    region: commune ? 'lowland' : null,
    population: commune ? 20000 : null,
    estimated: commune,
    validFrom: '2025-07-01',
    validTo: null,
    predecessors: [],
    legalBasis: null,
  };
}

export function quota(
  unitCode: string,
  allocated: number,
  filled: number,
  extra: Partial<Quota> = {},
): Quota {
  return {
    provinceCode: '42',
    communeCode: unitCode.length === 5 ? unitCode : null,
    unitCode,
    block: 'government',
    year: 2027,
    allocated,
    status: 'final',
    decision: null,
    filled,
    reservedForReturn: 0,
    incoming: 0,
    updatedAt: NOW,
    ...extra,
  };
}

export function person(id: string, unitCode: string, positionId: string, extra: Partial<Cadre> = {}): Cadre {
  return {
    id,
    provinceCode: '42',
    communeCode: unitCode,
    fullName: `Cán bộ ${id}`,
    gender: 'male',
    birthDate: '1985-06-15',
    ethnicity: 'Kinh',
    ethnicMinority: false,
    hometown: { provinceCode: '40', communeCode: null, text: 'Nghệ An' },
    category: 'civil_servant',
    block: 'government',
    education: { level: 'bachelor', major: 'Luật' },
    politicalTheory: 'intermediate',
    partyMember: true,
    partyJoinDate: '2010-01-01',
    startedWorkOn: '2008-01-01',
    yearsInProvince: 5,
    homeUnitCode: unitCode,
    homeCommuneCode: communeOf(unitCode),
    currentUnitCode: unitCode,
    posts: [{ positionId, unitCode, concurrent: false, since: '2020-01-01', decisionNo: null }],
    planning: [],
    status: 'active',
    updatedAt: NOW,
    ...extra,
  };
}

export function profile(
  restrictions: Partial<CadrePrivate['restrictions']> = {},
  family: CadrePrivate['family'] = [],
): CadrePrivate {
  return {
    nationalId: '040085001234',
    phone: null,
    family,
    discipline: [],
    restrictions: { ...NO_RESTRICTIONS, ...restrictions },
    updatedAt: NOW,
  };
}

/** A proposed movement from 18073 to 18100 (an end date for secondments and rotations). */
export function movement(id: string, type: Movement['type'], extra: Partial<Movement> = {}): Movement {
  return {
    id,
    type,
    status: 'proposed',
    cadreId: 'c1',
    cadreName: 'A',
    provinceCode: '42',
    block: 'government',
    fromUnitCode: '18073',
    fromPositionId: 'xa_ke_toan',
    toUnitCode: '18100',
    toPositionId: 'xa_ke_toan',
    communeCodes: ['18073', '18100'],
    startDate: '2027-01-01',
    plannedEndDate: type === 'secondment' || type === 'rotation' ? '2029-01-01' : null,
    actualEndDate: null,
    decision: { number: '1/QĐ', date: '2026-12-01' },
    reason: 'Theo yêu cầu nhiệm vụ',
    checks: [],
    overrides: [],
    history: [],
    createdBy: 'u',
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

/** Writes units 42, 18073, 18100, 18115 and the given quotas and people. */
export async function writeProvince(
  db: Firestore,
  quotas: Quota[],
  people: { cadre: Cadre; profile?: CadrePrivate }[],
): Promise<void> {
  const c = collections(db);
  const batch = db.batch();
  for (const u of [
    unit('42', 'Tỉnh Hà Tĩnh'),
    unit('18073', 'Phường Thành Sen'),
    unit('18100', 'Phường Trần Phú'),
    unit('18115', 'Phường Bắc Hồng Lĩnh'),
  ]) {
    batch.set(c.units.doc(u.code), u);
  }
  for (const q of quotas) batch.set(c.quotas.doc(quotaId(q.unitCode, q.block, q.year)), q);
  for (const p of people) {
    batch.set(c.cadres.doc(p.cadre.id), p.cadre);
    batch.set(c.cadrePrivate(p.cadre.id), p.profile ?? profile());
  }
  await batch.commit();
}

export const claims = {
  admin: { role: 'province_admin', province: '42' },
  commune18073: { role: 'commune_admin', province: '42', communes: ['18073'] },
  viewer: { role: 'commune_viewer', province: '42', communes: ['18073'] },
  otherProvince: { role: 'province_admin', province: '40' },
};
