/**
 * units/{code}: provinces (2 digits), communes (5 digits) and agencies, with
 * their validity dates and, for communes, the pre-reform units they were
 * merged from (lineage). Codes were reused by the 2025 reform, so an old code
 * must be resolved through `predecessors`, never looked up by code alone.
 */
import { z } from 'zod';
import { IsoDate, ProvinceCode, UnitCode } from './common';
import { message, oneLine } from './messages';

export const UnitType = z.enum(['tinh', 'thanh_pho', 'xa', 'phuong', 'dac_khu', 'agency']);
export type UnitType = z.infer<typeof UnitType>;
export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  tinh: 'Tỉnh',
  thanh_pho: 'Thành phố',
  xa: 'Xã',
  phuong: 'Phường',
  dac_khu: 'Đặc khu',
  agency: 'Cơ quan',
};

export const Region = z.enum(['lowland', 'midland', 'mountain', 'island']);
export type Region = z.infer<typeof Region>;

/** A pre-reform unit that went (wholly or partly) into a new commune. */
export const Predecessor = z.object({
  /** Null for six predecessors that had no commune code: island districts without communes and an uncoded coastal area. */
  oldCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  oldName: z.string().min(1),
  oldDistrictName: z.string(),
  oldProvinceCode: z.string().regex(/^\d{2}$/),
  /** True when only part of the old unit went in (it was split between new ones). */
  part: z.boolean(),
});
export type Predecessor = z.infer<typeof Predecessor>;

export const Unit = z
  .object({
    code: UnitCode,
    name: z.string().min(1),
    type: UnitType,
    level: z.enum(['province', 'commune', 'agency']),
    provinceCode: ProvinceCode,
    /** The province of a commune, the unit of an agency; null for provinces. */
    parentCode: UnitCode.nullable(),
    region: Region.nullable(),
    population: z.number().int().nonnegative().nullable(),
    /** True when region and population are demo estimates, not official figures. */
    estimated: z.boolean(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    predecessors: z.array(Predecessor),
    /** Legal basis of the unit's current form (e.g. a resolution renaming it). */
    legalBasis: z.string().nullable(),
  })
  .refine((u) => (u.level === 'province') === (u.parentCode === null), {
    message: oneLine(message('error.onlyProvinceWithoutParent')),
    path: ['parentCode'],
  })
  .refine((u) => u.level !== 'province' || /^\d{2}$/.test(u.code), {
    message: oneLine(message('field.province_code')),
    path: ['code'],
  })
  .refine((u) => u.level !== 'commune' || /^\d{5}$/.test(u.code), {
    message: oneLine(message('field.commune_code')),
    path: ['code'],
  });
export type Unit = z.infer<typeof Unit>;
