/**
 * What the movement pages read, through the security rules (firestore.rules):
 * every list query carries the caller's scope filter (the province, and for
 * commune roles their communes), since the rules are not filters and refuse a
 * query that could return anything outside the scope. Writes go through the
 * callables (lib/api.ts).
 *
 * Documents are checked by shape rather than parsed with the model's zod
 * schemas, which the client does not bundle (eslint.config.mjs).
 */
import type { CheckResult, Claims, Movement, MovementStatus } from '@canbo/model';
import {
  collection,
  doc,
  getDoc,
  getDocs,
  limit,
  query,
  where,
  type DocumentData,
  type QueryConstraint,
} from 'firebase/firestore/lite';
import { db } from '../../lib/firebase';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function checkOf(v: unknown): CheckResult | null {
  if (!isRecord(v) || typeof v.code !== 'string') return null;
  const outcome = v.outcome === 'pass' || v.outcome === 'warn' || v.outcome === 'fail' ? v.outcome : null;
  if (!outcome) return null;
  return {
    code: v.code as CheckResult['code'],
    outcome,
    overridable: v.overridable === true,
    basis: str(v.basis),
    basisEn: str(v.basisEn) || str(v.basis),
    message: str(v.message),
    messageEn: str(v.messageEn) || str(v.message),
  };
}

/** A movement document (or a callable's answer) in the model's shape; null when it is not one. */
export function toMovement(data: DocumentData | undefined | null): Movement | null {
  if (!isRecord(data) || typeof data.id !== 'string' || typeof data.status !== 'string') return null;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  return {
    id: data.id,
    type: str(data.type) as Movement['type'],
    status: data.status as MovementStatus,
    cadreId: str(data.cadreId),
    cadreName: str(data.cadreName),
    provinceCode: str(data.provinceCode),
    block: str(data.block) as Movement['block'],
    fromUnitCode: str(data.fromUnitCode),
    fromPositionId: strOrNull(data.fromPositionId),
    toUnitCode: str(data.toUnitCode),
    toPositionId: strOrNull(data.toPositionId),
    communeCodes: list(data.communeCodes).filter((c): c is string => typeof c === 'string'),
    startDate: str(data.startDate),
    actualStartDate: strOrNull(data.actualStartDate),
    earlyStartReason: strOrNull(data.earlyStartReason),
    plannedEndDate: strOrNull(data.plannedEndDate),
    actualEndDate: strOrNull(data.actualEndDate),
    personRequest: isRecord(data.personRequest)
      ? {
          recordedBy: str(data.personRequest.recordedBy),
          at: str(data.personRequest.at),
          note: str(data.personRequest.note),
          ...(typeof data.personRequest.date === 'string' ? { date: data.personRequest.date } : {}),
        }
      : null,
    durationException: isRecord(data.durationException)
      ? { basis: str(data.durationException.basis), note: str(data.durationException.note) }
      : null,
    decision: isRecord(data.decision)
      ? { number: str(data.decision.number), date: str(data.decision.date) }
      : null,
    reason: str(data.reason),
    checks: list(data.checks)
      .map(checkOf)
      .filter((c): c is CheckResult => c !== null),
    overrides: list(data.overrides)
      .filter(isRecord)
      .map((o) => ({
        code: str(o.code) as CheckResult['code'],
        reason: str(o.reason),
        by: str(o.by),
        at: str(o.at),
      })),
    history: list(data.history)
      .filter(isRecord)
      .map((h) => ({
        status: str(h.status) as MovementStatus,
        at: str(h.at),
        by: str(h.by),
        note: str(h.note),
      })),
    createdBy: str(data.createdBy),
    createdAt: str(data.createdAt),
    updatedAt: str(data.updatedAt),
    flags: list(data.flags).filter((f): f is 'ending_soon' | 'overdue_return' =>
      ['ending_soon', 'overdue_return'].includes(String(f)),
    ),
  };
}

/** The scope filter of a movement query: the province, and for commune roles their communes (both sides). */
export function movementScope(claims: Claims): QueryConstraint[] {
  const byProvince = where('provinceCode', '==', claims.province);
  if (claims.role === 'province_admin' || claims.role === 'auditor') return [byProvince];
  // An `in` on status times `array-contains-any` on communes stays within Firestore's 30 disjunctions.
  const communes = (claims.communes ?? []).slice(0, 10);
  return [byProvince, where('communeCodes', 'array-contains-any', communes)];
}

/** Open movements of the scope (proposed, approved, under way), newest start first. */
export async function openMovements(claims: Claims): Promise<Movement[]> {
  if (claims.role === 'cadre') return [];
  const snap = await getDocs(
    query(
      collection(db, 'movements'),
      ...movementScope(claims),
      where('status', 'in', ['proposed', 'approved', 'active']),
      limit(500),
    ),
  );
  return snap.docs
    .map((d) => toMovement(d.data()))
    .filter((m): m is Movement => m !== null)
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
}

export async function movement(id: string): Promise<Movement | null> {
  const snap = await getDoc(doc(db, 'movements', id));
  return snap.exists() ? toMovement(snap.data()) : null;
}

export interface UnitOption {
  code: string;
  name: string;
  level: string;
}

/** Communes and provincial agencies of the province (units are public reference data). */
export async function provinceUnits(province: string): Promise<UnitOption[]> {
  const snap = await getDocs(query(collection(db, 'units'), where('parentCode', '==', province)));
  return snap.docs
    .map((d) => ({
      code: d.id,
      name: str(d.get('name')),
      level: str(d.get('level')),
      validTo: d.get('validTo'),
    }))
    .filter((u) => u.validTo === null || u.validTo === undefined)
    .map(({ code, name, level }) => ({ code, name, level }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The units a caller may name in a proposal: a commune admin's communes only (docs/api.md, "Roles and scope"). */
export function unitsInScope(units: UnitOption[], claims: Claims): UnitOption[] {
  if (claims.role === 'province_admin') return units;
  const mine = new Set(claims.communes ?? []);
  return units.filter((u) => mine.has(u.code.slice(0, 5)) && /^\d{5}(-|$)/.test(u.code));
}

export interface CadreOption {
  id: string;
  fullName: string;
  block: string;
  status: string;
  positionId: string | null;
}

/** People working in a unit, for the proposal form (the unit's commune is the rules' scope filter). */
export async function cadresOf(claims: Claims, unitCode: string): Promise<CadreOption[]> {
  const snap = await getDocs(
    query(
      collection(db, 'cadres'),
      where('provinceCode', '==', claims.province),
      /^\d{5}$/.test(unitCode)
        ? where('communeCode', '==', unitCode)
        : where('currentUnitCode', '==', unitCode),
      limit(1000),
    ),
  );
  return snap.docs
    .map((d) => {
      const posts = Array.isArray(d.get('posts')) ? (d.get('posts') as unknown[]) : [];
      const main = posts.find((p) => isRecord(p) && p.concurrent === false);
      return {
        id: d.id,
        fullName: str(d.get('fullName')),
        block: str(d.get('block')),
        status: str(d.get('status')),
        positionId: isRecord(main) ? str(main.positionId) : null,
      };
    })
    .filter((c) => c.status === 'active')
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

export interface PositionOption {
  id: string;
  name: string;
  nameEn: string;
  level: string;
  block: string;
}

/** The position catalogue (public reference data). */
export async function positions(): Promise<PositionOption[]> {
  const snap = await getDocs(collection(db, 'positions'));
  return snap.docs
    .map((d) => ({
      id: d.id,
      name: str(d.get('name')),
      nameEn: str(d.get('nameEn')),
      level: str(d.get('level')),
      block: str(d.get('block')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
