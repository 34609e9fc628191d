/**
 * The demo planning lists (issue 13, docs/planning.md): the planning entries
 * the people generator gave (a few deputies per commune key post, at most 3 per
 * post: people.ts), as planning/{term}_{unit}_{post} lists for the term
 * 2026-2031, each person with what the structure figures need. The entries of
 * the people are moved to that term too, so the lists and the people agree as
 * the planning callables keep them; call it before the people are written.
 * Pure and fast: no reads, one document per list.
 */
import { type Cadre, type PlanningList, planningListId, type PlanningTerm } from '@canbo/model';
import { POSITION_BY_ID } from '../../functions/src/domain/positions';

const TERM: PlanningTerm = '2026-2031';

export function seedPlanning(cadres: Cadre[], updatedAt: string): PlanningList[] {
  const lists = new Map<string, PlanningList>();
  for (const c of cadres) {
    if (c.status === 'retired' || c.status === 'left') {
      c.planning = [];
      continue;
    }
    const kept: Cadre['planning'] = [];
    for (const e of c.planning) {
      const position = POSITION_BY_ID.get(e.positionId);
      if (!position?.leadership) continue;
      const id = planningListId(TERM, e.unitCode, e.positionId);
      const list = lists.get(id) ?? {
        id,
        provinceCode: c.provinceCode,
        communeCode: /^\d{5}$/.test(e.unitCode) ? e.unitCode : null,
        term: TERM,
        unitCode: e.unitCode,
        positionId: e.positionId,
        level: position.level,
        rank: position.rank,
        entries: [],
        cadreIds: [],
        updatedAt,
      };
      if (list.cadreIds.length >= 3 || list.cadreIds.includes(c.id)) continue;
      list.entries.push({
        cadreId: c.id,
        fullName: c.fullName,
        gender: c.gender,
        birthDate: c.birthDate,
        ethnicMinority: c.ethnicMinority,
        fromUnitCode: c.currentUnitCode,
        addedOn: e.addedOn,
        addedBy: 'seed',
        reason: 'Nghị quyết phê duyệt quy hoạch nhiệm kỳ 2026-2031 (dữ liệu mẫu)',
        flags: [],
        reviewedOn: null,
      });
      list.cadreIds.push(c.id);
      lists.set(id, list);
      kept.push({ ...e, term: TERM });
    }
    c.planning = kept;
  }
  return [...lists.values()];
}
