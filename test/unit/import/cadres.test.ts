/**
 * Import of a real-looking commune spreadsheet (xlsx and the same as csv)
 * with mistakes on some rows: every problem is reported by row and column,
 * in Vietnamese and English, and the valid rows become valid documents.
 */
import * as path from 'node:path';
import { validateCadreRows, importedCadreId } from '../../../scripts/import/cadres';
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
