/**
 * A small, exact province for callable tests: two communes of Hà Tĩnh, quotas
 * with known free posts, and a few people with private profiles. Written
 * through the typed refs, so the fixtures are valid by construction.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import {
  type AuditEntry,
  communeOf,
  type Cadre,
  type CadrePrivate,
  type Evaluation,
  type EvaluationInput,
  evaluationId,
  type Job,
  type Movement,
  type Rating,
  type UserScope,
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

/** A computed quarterly result (Decree 335/2025: 30 + 70 points): 28 general + 66.5 task points, HTXS. */
export function evaluation(cadreId: string, period: string, extra: Partial<Evaluation> = {}): Evaluation {
  return {
    id: evaluationId(period, cadreId),
    period,
    cadreId,
    provinceCode: '42',
    communeCode: '18073',
    unitCode: '18073',
    taskGroup: 'chung',
    leader: false,
    rated: true,
    general: {
      points: 28,
      parts: [
        { id: 'politics_ethics', points: 14, max: 15 },
        { id: 'service_attitude', points: 9, max: 10 },
        { id: 'self_criticism', points: 5, max: 5 },
      ],
    },
    tasks: { a: 100, b: 95, c: 90, d: null, dd: null, e: null, percent: 95, points: 66.5 },
    total: 94.5,
    scoreLevel: 'HTXS',
    level: 'HTXS',
    reasons: [{ code: 'score', total: 94.5, level: 'HTXS' }],
    inputsDigest: 'd1',
    inputsUpdatedAt: NOW,
    ...extra,
  };
}

/** What the commune recorded for one person and quarter: four products done, full general points. */
export function evaluationInput(
  cadreId: string,
  period: string,
  extra: Partial<EvaluationInput> = {},
): EvaluationInput {
  return {
    id: evaluationId(period, cadreId),
    period,
    cadreId,
    provinceCode: '42',
    communeCode: '18073',
    unitCode: '18073',
    taskGroup: 'chung',
    scoring: {
      general: { politics_ethics: 15, service_attitude: 10, self_criticism: 5 },
      products: [1, 2, 3, 4].map((n) => ({
        id: `p${n}`,
        name: `Sản phẩm ${n}`,
        coefficient: 1,
        completed: true,
        majorErrors: [],
        delays: [],
      })),
      leader: null,
      overrides: { disciplineInYear: false, degradationConcluded: false, corruptionInDirectUnit: false },
      workingDays: null,
    },
    selfAssessment: null,
    updatedAt: NOW,
    updatedBy: 'u-commune-admin',
    ...extra,
  };
}

/** A citizen's rating of one dossier receipt, received at the commune's one-stop centre. */
export function rating(id: string, unitCode: string, extra: Partial<Rating> = {}): Rating {
  return {
    id,
    provinceCode: '42',
    communeCode: communeOf(unitCode),
    unitCode,
    cadreId: null,
    procedure: 'Đăng ký khai sinh',
    receivedOn: '2026-11-01',
    criteria: { overall: 5, attitude: 4, timeliness: 5, guidance: 4 },
    trips: 0,
    submittedAt: NOW,
    ...extra,
  };
}

/** A finished job of the province (null province: a national run no client reads). */
export function job(id: string, kind: Job['kind'], extra: Partial<Job> = {}): Job {
  return {
    id,
    kind,
    provinceCode: '42',
    state: 'succeeded',
    progress: { done: 1, total: 1 },
    leases: {},
    params: {},
    error: null,
    result: {},
    startedAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

/** An audit entry of the province admin. */
export function auditEntry(id: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    provinceCode: '42',
    actor: { uid: 'u-admin', role: 'province_admin' },
    action: 'movement.propose',
    target: 'movements/mv-1',
    before: null,
    after: { status: 'proposed' },
    reason: 'Theo yêu cầu nhiệm vụ',
    at: NOW,
    ...extra,
  };
}

/** The scope document of an account whose claims are applied. */
export function userScope(uid: string, extra: Partial<UserScope> = {}): UserScope {
  return {
    uid,
    role: 'commune_viewer',
    provinceCode: '42',
    communes: ['18073'],
    cadreId: null,
    version: 1,
    claimsAppliedVersion: 1,
    claimsPending: false,
    updatedAt: NOW,
    updatedBy: 'u-admin',
    ...extra,
  };
}
