/**
 * Import of the cadre lists provinces keep in spreadsheets today (one sheet
 * per commune, Vietnamese headers). Every row is checked against the schema
 * and the position catalogue; problems are reported by row and column in
 * Vietnamese and English. Pure: reading the file and writing are elsewhere.
 */
import { createHash } from 'node:crypto';
import { POSITION_BY_ID } from '../../functions/src/domain/positions';
import {
  Cadre,
  CadrePrivate,
  NO_RESTRICTIONS,
  type EducationLevel,
  type PoliticalTheory,
  type Unit,
} from '@canbo/model';

/** A cell as read from the sheet. */
export type Cell = string | number | boolean | Date | null;

/** One problem in one cell (or row). */
export interface ImportIssue {
  row: number;
  column: string;
  vi: string;
  en: string;
}

export interface ImportResult {
  valid: { row: number; cadre: Cadre; profile: CadrePrivate }[];
  issues: ImportIssue[];
  rows: number;
}

/** The columns, their accepted header spellings, and whether a value is required. */
const COLUMNS = {
  fullName: { headers: ['họ và tên', 'họ tên', 'full name'], required: true },
  gender: { headers: ['giới tính', 'gender'], required: true },
  birthDate: { headers: ['ngày sinh', 'date of birth', 'birth date'], required: true },
  ethnicity: { headers: ['dân tộc', 'ethnicity'], required: true },
  hometownProvince: {
    headers: ['quê quán (mã tỉnh)', 'mã tỉnh quê quán', 'hometown province'],
    required: true,
  },
  hometownText: { headers: ['quê quán', 'hometown'], required: false },
  education: { headers: ['trình độ chuyên môn', 'education'], required: true },
  major: { headers: ['chuyên ngành', 'major'], required: false },
  politicalTheory: { headers: ['lý luận chính trị', 'political theory'], required: true },
  partyMember: { headers: ['đảng viên', 'party member'], required: true },
  partyJoinDate: { headers: ['ngày vào đảng', 'party join date'], required: false },
  positionId: { headers: ['mã vị trí', 'mã chức vụ', 'position code'], required: true },
  startedWorkOn: { headers: ['ngày bắt đầu công tác', 'started work on'], required: true },
  nationalId: { headers: ['số cccd', 'cccd', 'national id'], required: true },
  phone: { headers: ['điện thoại', 'phone'], required: false },
} as const;
type Column = keyof typeof COLUMNS;

const GENDERS: Record<string, 'male' | 'female'> = {
  nam: 'male',
  nữ: 'female',
  male: 'male',
  female: 'female',
};
const EDUCATION: Record<string, EducationLevel> = {
  'trung cấp': 'secondary',
  'cao đẳng': 'college',
  'đại học': 'bachelor',
  'thạc sĩ': 'master',
  'tiến sĩ': 'doctor',
};
const THEORY: Record<string, PoliticalTheory> = {
  '': 'none',
  'chưa qua đào tạo': 'none',
  không: 'none',
  'sơ cấp': 'elementary',
  'trung cấp': 'intermediate',
  'cao cấp': 'advanced',
  'cử nhân': 'advanced',
};
const YES = new Set(['có', 'x', 'yes', 'true', '1', 'đảng viên']);
const NO = new Set(['không', '', 'no', 'false', '0']);

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

function text(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').trim();
}

/** Dates as spreadsheets hold them: Date cells, dd/mm/yyyy, or yyyy-mm-dd. */
function date(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const s = text(cell);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso
      ? undefined
      : iso;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m && new Date(s).toISOString().slice(0, 10) === s) return s;
  return undefined;
}

/**
 * A deterministic id that does not reveal the national ID: importing the same
 * person again updates them instead of creating a duplicate.
 */
export function importedCadreId(communeCode: string, nationalId: string): string {
  return `${communeCode}-x${createHash('sha256').update(nationalId).digest('hex').slice(0, 12)}`;
}

/**
 * Validates the rows of a sheet (`rows[0]` is the header) for a commune.
 * `now` stamps updatedAt; `provinceUnits` lets hometown codes be checked.
 */
export function validateCadreRows(
  rows: Cell[][],
  commune: Unit,
  knownProvinces: Set<string>,
  now: string,
): ImportResult {
  const issues: ImportIssue[] = [];
  const valid: ImportResult['valid'] = [];
  const header = (rows[0] ?? []).map((h) => norm(text(h)));
  const index = new Map<Column, number>();
  for (const [column, spec] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
    const i = header.findIndex((h) => (spec.headers as readonly string[]).includes(h));
    if (i >= 0) index.set(column, i);
    else if (spec.required) {
      issues.push({
        row: 1,
        column: spec.headers[0],
        vi: 'Thiếu cột bắt buộc',
        en: 'Required column missing',
      });
    }
  }
  if (issues.length > 0) return { valid, issues, rows: Math.max(0, rows.length - 1) };

  const seenIds = new Map<string, number>();
  rows.slice(1).forEach((cells, k) => {
    const rowNo = k + 2;
    if (cells.every((c) => text(c) === '')) return; // blank line
    const get = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? null) : null);
    const rowIssues: ImportIssue[] = [];
    const bad = (c: Column, vi: string, en: string) =>
      rowIssues.push({ row: rowNo, column: COLUMNS[c].headers[0], vi, en });
    for (const [c, spec] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]) {
      if (spec.required && text(get(c)) === '' && c !== 'politicalTheory' && c !== 'partyMember') {
        bad(c, 'Không được để trống', 'Must not be empty');
      }
    }
    const gender = GENDERS[norm(text(get('gender')))];
    if (text(get('gender')) && !gender)
      bad('gender', 'Giới tính phải là Nam hoặc Nữ', 'Gender must be Nam or Nữ');
    const birthDate = date(get('birthDate'));
    if (text(get('birthDate')) && !birthDate)
      bad('birthDate', 'Ngày sinh không hợp lệ (dd/mm/yyyy)', 'Invalid date of birth (dd/mm/yyyy)');
    const education = EDUCATION[norm(text(get('education')))];
    if (text(get('education')) && !education) {
      bad(
        'education',
        'Trình độ không thuộc danh mục (Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ)',
        'Unknown education level',
      );
    }
    const theory = THEORY[norm(text(get('politicalTheory')))];
    if (theory === undefined)
      bad('politicalTheory', 'Lý luận chính trị không thuộc danh mục', 'Unknown political theory level');
    const partyText = norm(text(get('partyMember')));
    const partyMember = YES.has(partyText) ? true : NO.has(partyText) ? false : undefined;
    if (partyMember === undefined)
      bad('partyMember', 'Đảng viên: ghi "Có" hoặc "Không"', 'Party member: write "Có" or "Không"');
    const partyJoinDate = text(get('partyJoinDate')) ? date(get('partyJoinDate')) : null;
    if (partyJoinDate === undefined)
      bad('partyJoinDate', 'Ngày vào Đảng không hợp lệ', 'Invalid party join date');
    if (partyMember && !partyJoinDate && partyJoinDate !== undefined) {
      bad('partyJoinDate', 'Đảng viên cần ngày vào Đảng', 'A party member needs a join date');
    }
    const positionId = text(get('positionId'));
    const position = POSITION_BY_ID.get(positionId);
    if (positionId && !position)
      bad(
        'positionId',
        `Mã vị trí "${positionId}" không có trong danh mục`,
        `Position code "${positionId}" is not in the catalogue`,
      );
    else if (position && position.level !== 'commune') {
      bad(
        'positionId',
        'Vị trí cấp tỉnh không nhập theo danh sách xã',
        'A provincial post cannot be imported into a commune',
      );
    }
    const hometownProvince = text(get('hometownProvince')).padStart(2, '0');
    if (text(get('hometownProvince')) && !knownProvinces.has(hometownProvince)) {
      bad('hometownProvince', 'Mã tỉnh quê quán không tồn tại', 'Unknown hometown province code');
    }
    const startedWorkOn = date(get('startedWorkOn'));
    if (text(get('startedWorkOn')) && !startedWorkOn)
      bad('startedWorkOn', 'Ngày bắt đầu công tác không hợp lệ', 'Invalid start date');
    const nationalId = text(get('nationalId')).replace(/\s/g, '');
    if (nationalId && !/^\d{12}$/.test(nationalId))
      bad('nationalId', 'Số CCCD phải gồm 12 chữ số', 'National ID must have 12 digits');
    const phone = text(get('phone')).replace(/[\s.]/g, '');
    if (phone && !/^0\d{9}$/.test(phone))
      bad(
        'phone',
        'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0',
        'Phone must be 10 digits starting with 0',
      );
    if (birthDate && startedWorkOn && startedWorkOn < birthDate) {
      bad('startedWorkOn', 'Ngày bắt đầu công tác trước ngày sinh', 'Start date is before the date of birth');
    }
    if (nationalId && seenIds.has(nationalId)) {
      bad(
        'nationalId',
        `Trùng số CCCD với dòng ${seenIds.get(nationalId)}`,
        `Same national ID as row ${seenIds.get(nationalId)}`,
      );
    }
    if (nationalId) seenIds.set(nationalId, rowNo);

    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const id = importedCadreId(commune.code, nationalId);
    const candidate = {
      id,
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      fullName: text(get('fullName')),
      gender: gender!,
      birthDate: birthDate!,
      ethnicity: text(get('ethnicity')),
      ethnicMinority: norm(text(get('ethnicity'))) !== 'kinh',
      hometown: { provinceCode: hometownProvince, communeCode: null, text: text(get('hometownText')) },
      category:
        position!.block === 'military'
          ? 'military'
          : position!.block === 'public_service'
            ? 'public_employee'
            : 'civil_servant',
      block: position!.block,
      education: { level: education!, major: text(get('major')) },
      politicalTheory: theory!,
      partyMember: partyMember!,
      partyJoinDate: partyJoinDate ?? null,
      startedWorkOn: startedWorkOn!,
      yearsInProvince:
        hometownProvince === commune.provinceCode
          ? Math.max(0, Number(now.slice(0, 4)) - Number(startedWorkOn!.slice(0, 4)))
          : 0,
      homeUnitCode: commune.code,
      homeCommuneCode: commune.code,
      currentUnitCode: commune.code,
      posts: [
        {
          positionId: position!.id,
          unitCode: commune.code,
          concurrent: false,
          since: startedWorkOn!,
          decisionNo: null,
        },
      ],
      planning: [],
      status: 'active',
      updatedAt: now,
    };
    const cadre = Cadre.safeParse(candidate);
    const profile = CadrePrivate.safeParse({
      nationalId,
      phone: phone || null,
      family: [],
      discipline: [],
      restrictions: NO_RESTRICTIONS,
      updatedAt: now,
    });
    for (const result of [cadre, profile]) {
      if (!result.success) {
        for (const i of result.error.issues) {
          issues.push({
            row: rowNo,
            column: i.path.join('.'),
            vi: `Dữ liệu không hợp lệ: ${i.message}`,
            en: `Invalid value: ${i.message}`,
          });
        }
      }
    }
    if (cadre.success && profile.success)
      valid.push({ row: rowNo, cadre: cadre.data, profile: profile.data });
  });
  return { valid, issues, rows: Math.max(0, rows.length - 1) };
}

/**
 * What a re-import writes for a person already in the system: the sheet
 * corrects who they are and what they hold on paper (name, dates,
 * qualifications, party, ID, phone), but never undoes what the system has
 * recorded since: where they work and on whose quota, their posts, planning,
 * status and open movements (changed only by movements), and the family,
 * discipline and restrictions of their profile (changed only by callables
 * that audit them). Nothing is lost by importing the same list again.
 */
export function mergeWithExisting(
  imported: { cadre: Cadre; profile: CadrePrivate },
  existing: { cadre?: Cadre; profile?: CadrePrivate },
): { cadre: Cadre; profile: CadrePrivate } {
  const cadre: Cadre = existing.cadre
    ? {
        ...imported.cadre,
        provinceCode: existing.cadre.provinceCode,
        communeCode: existing.cadre.communeCode,
        homeUnitCode: existing.cadre.homeUnitCode,
        homeCommuneCode: existing.cadre.homeCommuneCode,
        currentUnitCode: existing.cadre.currentUnitCode,
        posts: existing.cadre.posts,
        planning: existing.cadre.planning,
        status: existing.cadre.status,
        ...(existing.cadre.openMovements ? { openMovements: existing.cadre.openMovements } : {}),
      }
    : imported.cadre;
  const profile: CadrePrivate = existing.profile
    ? {
        ...existing.profile,
        nationalId: imported.profile.nationalId,
        phone: imported.profile.phone,
        updatedAt: imported.profile.updatedAt,
      }
    : imported.profile;
  return { cadre, profile };
}
