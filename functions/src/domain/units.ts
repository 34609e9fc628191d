/**
 * The official unit list (NSO codes, Quyết định 19/2025/QĐ-TTg, with the
 * 2026 change) turned into `units` documents, and pre-reform codes resolved
 * through the merger lineage. The reform reused codes (00004 was Phường Trúc
 * Bạch before July 2025 and is Phường Ba Đình after), so an old code is
 * resolved through the lineage table, never by looking the code up.
 */
import type { Predecessor, Unit, UnitType } from '@canbo/model';

/** One province of units-*.json. */
export interface OfficialProvince {
  code: string;
  name: string;
  type: string;
  communes: { code: string; name: string; type: string }[];
}

/** One commune of lineage-2025.json. */
export interface LineageRecord {
  newCode: string;
  newName: string;
  provinceCode: string;
  predecessors: {
    oldCode: string | null;
    oldName: string;
    oldDistrictCode: string;
    oldDistrictName: string;
    oldProvinceCode: string;
    oldProvinceName: string;
    part: boolean;
    note: string;
  }[];
}

/** One record of changes-*.json. */
export interface OfficialChange {
  level: 'province' | 'commune';
  code: string;
  from: { name: string; type: string };
  to: { name: string; type: string };
  basis: string;
}

const TYPES: Record<string, UnitType> = {
  tỉnh: 'tinh',
  'thành phố': 'thanh_pho',
  xã: 'xa',
  phường: 'phuong',
  'đặc khu': 'dac_khu',
};

/** Maps the official type label ("thành phố", "đặc khu"…) to the model's enum. */
export function unitType(label: string): UnitType {
  const t = TYPES[label.normalize('NFC').toLowerCase()];
  if (!t) throw new Error(`Unknown unit type "${label}"`);
  return t;
}

/** The date the two-tier model took effect. */
export const REFORM_DATE = '2025-07-01';

/**
 * Builds the unit documents of every province and commune. Region and
 * population are not in the official list: `estimate` supplies them and the
 * documents are marked `estimated`.
 */
export function buildUnits(
  provinces: OfficialProvince[],
  lineage: LineageRecord[],
  changes: OfficialChange[],
  estimate: (commune: {
    code: string;
    type: UnitType;
    provinceCode: string;
  }) => Pick<Unit, 'region' | 'population'>,
): Unit[] {
  const predecessors = new Map(lineage.map((l) => [l.newCode, l.predecessors]));
  const basis = new Map(changes.map((c) => [`${c.level}:${c.code}`, c.basis]));
  const units: Unit[] = [];
  for (const p of provinces) {
    units.push({
      code: p.code,
      name: p.name,
      type: unitType(p.type),
      level: 'province',
      provinceCode: p.code,
      parentCode: null,
      region: null,
      population: null,
      estimated: false,
      validFrom: REFORM_DATE,
      validTo: null,
      predecessors: [],
      legalBasis: basis.get(`province:${p.code}`) ?? 'Nghị quyết 202/2025/QH15',
    });
    for (const c of p.communes) {
      const type = unitType(c.type);
      units.push({
        code: c.code,
        name: c.name,
        type,
        level: 'commune',
        provinceCode: p.code,
        parentCode: p.code,
        ...estimate({ code: c.code, type, provinceCode: p.code }),
        estimated: true,
        validFrom: REFORM_DATE,
        validTo: null,
        predecessors: (predecessors.get(c.code) ?? []).map((x): Predecessor => ({
          oldCode: x.oldCode,
          oldName: x.oldName,
          oldDistrictName: x.oldDistrictName,
          oldProvinceCode: x.oldProvinceCode,
          part: x.part,
        })),
        legalBasis: basis.get(`commune:${c.code}`) ?? null,
      });
    }
  }
  return units;
}

/** Where a pre-reform commune went: one new commune, or several if it was split. */
export interface Successor {
  newCode: string;
  newName: string;
  provinceCode: string;
  /** True when only part of the old unit went into this new one. */
  part: boolean;
}

/** An index from pre-reform codes to their successors. */
export class Lineage {
  private readonly byOldCode = new Map<string, Successor[]>();

  constructor(records: LineageRecord[]) {
    for (const r of records) {
      for (const p of r.predecessors) {
        if (p.oldCode === null) continue;
        const list = this.byOldCode.get(p.oldCode) ?? [];
        list.push({ newCode: r.newCode, newName: r.newName, provinceCode: r.provinceCode, part: p.part });
        this.byOldCode.set(p.oldCode, list);
      }
    }
  }

  /**
   * The new communes a pre-reform commune code went into. An old code is
   * resolved only through the lineage: the same code may name a different,
   * newer unit today, and that unit is never returned unless the lineage says so.
   */
  successorsOf(oldCode: string): Successor[] {
    return this.byOldCode.get(oldCode) ?? [];
  }
}
