/**
 * Import of a real-looking commune spreadsheet (xlsx and the same as csv)
 * with mistakes on some rows: every problem is reported by row and column,
 * in Vietnamese and English, and the valid rows become valid documents.
 */
import * as path from 'node:path';
import { importedCadreId, mergeWithExisting, validateCadreRows } from '../../../scripts/import/cadres';
import { person, profile } from '../../helpers/province';
import { readSheet } from '../../../scripts/import';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const units = loadOfficialUnits();
const commune = units.find((u) => u.code === '18073')!;
const provinces = new Set(units.filter((u) => u.level === 'province').map((u) => u.code));
const fixture = (ext: string) =>
  path.resolve(__dirname, `../../fixtures/import/danh-sach-can-bo-18073.${ext}`);

const expected = [
  [5, 'ngày sinh'],
  [6, 'mã vị trí'],
  [7, 'số cccd'],
  [8, 'họ và tên'],
  [9, 'giới tính'],
  [10, 'trình độ chuyên môn'],
  [12, 'số cccd'],
  [13, 'mã vị trí'],
  [14, 'ngày vào đảng'],
  [14, 'quê quán (mã tỉnh)'],
  [14, 'điện thoại'],
];

describe.each(['xlsx', 'csv'])('the %s fixture', (ext) => {
  test('reports every problem by row and column, in both languages', async () => {
    const result = validateCadreRows(
      await readSheet(fixture(ext)),
      commune,
      provinces,
      '2026-11-25T08:00:00.000Z',
    );
    expect(result.rows).toBe(13);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual(expected);
    for (const i of result.issues) {
      expect(i.vi.length).toBeGreaterThan(5);
      expect(i.en.length).toBeGreaterThan(5);
    }
    expect(result.issues.find((i) => i.row === 12)!.vi).toContain('dòng 3');
  });

  test('turns the valid rows into documents of this commune', async () => {
    const result = validateCadreRows(
      await readSheet(fixture(ext)),
      commune,
      provinces,
      '2026-11-25T08:00:00.000Z',
    );
    expect(result.valid.map((v) => v.row)).toEqual([2, 3, 4, 11]);
    const [chair, , , military] = result.valid;
    expect(chair!.cadre).toMatchObject({
      fullName: 'Nguyễn Văn Hùng',
      gender: 'male',
      birthDate: '1975-04-12',
      communeCode: '18073',
      provinceCode: '42',
      block: 'government',
      politicalTheory: 'advanced',
      partyJoinDate: '2001-03-15',
      posts: [
        {
          positionId: 'xa_chu_tich_ubnd',
          unitCode: '18073',
          concurrent: false,
          since: '1998-09-01',
          decisionNo: null,
        },
      ],
    });
    expect(chair!.profile.nationalId).toBe('042075001234');
    expect(chair!.cadre.id).toBe(importedCadreId('18073', '042075001234'));
    expect(chair!.cadre.id).not.toContain('042075001234');
    expect(military!.cadre).toMatchObject({
      block: 'military',
      category: 'military',
      ethnicMinority: true,
      ethnicity: 'Thái',
    });
  });
});

test('a sheet without the required columns is refused before any row is read', () => {
  const result = validateCadreRows(
    [
      ['Họ và tên', 'Ngày sinh'],
      ['A', '01/01/1990'],
    ],
    commune,
    provinces,
    '2026-11-25T08:00:00.000Z',
  );
  expect(result.valid).toHaveLength(0);
  expect(result.issues.every((i) => i.row === 1 && i.en === 'Required column missing')).toBe(true);
  expect(result.issues.map((i) => i.column)).toContain('số cccd');
});

describe('importing the same list again', () => {
  const imported = {
    cadre: person('18073-x1', '18073', 'xa_van_thu', {
      fullName: 'Nguyễn Văn Mới',
      politicalTheory: 'advanced',
    }),
    profile: profile(),
  };

  test('a new person is written as the sheet says', () => {
    expect(mergeWithExisting(imported, {})).toEqual(imported);
  });

  test('a person already in the system keeps what movements and callables recorded', () => {
    const moved = person('18073-x1', '18100', 'xa_ke_toan', {
      fullName: 'Nguyễn Văn Cũ',
      status: 'seconded_out',
      homeUnitCode: '18073',
      homeCommuneCode: '18073',
      openMovements: [{ id: 'mv-42-1', type: 'secondment', status: 'active' }],
    });
    const recorded = profile(
      { headRestriction: { decisionNo: '12/QĐ', decidedOn: '2026-10-01', note: 'Chờ kết luận' } },
      [{ relation: 'spouse', fullName: 'Lê Thị B', birthYear: 1987, cadreId: 'c-b' }],
    );
    const merged = mergeWithExisting(
      { ...imported, profile: { ...imported.profile, phone: '0912345678' } },
      { cadre: moved, profile: recorded },
    );
    expect(merged.cadre).toMatchObject({
      fullName: 'Nguyễn Văn Mới',
      politicalTheory: 'advanced',
      status: 'seconded_out',
      homeUnitCode: '18073',
      currentUnitCode: '18100',
      communeCode: '18100',
      posts: moved.posts,
      openMovements: [{ id: 'mv-42-1', type: 'secondment', status: 'active' }],
    });
    expect(merged.profile).toMatchObject({
      phone: '0912345678',
      family: [{ relation: 'spouse', fullName: 'Lê Thị B', birthYear: 1987, cadreId: 'c-b' }],
      restrictions: {
        headRestriction: { decisionNo: '12/QĐ', decidedOn: '2026-10-01', note: 'Chờ kết luận' },
      },
    });
  });
});
