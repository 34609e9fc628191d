/**
 * The unit helpers (functions/src/domain/units.ts) on a small hand-written
 * list: official type labels, the unit documents of provinces and communes,
 * and pre-reform codes resolved only through the lineage.
 */
import {
  buildUnits,
  Lineage,
  type LineageRecord,
  type OfficialChange,
  type OfficialProvince,
  REFORM_DATE,
  unitType,
} from '../../../functions/src/domain/units';

test('the reform date is 1 July 2025', () => {
  expect(REFORM_DATE).toBe('2025-07-01');
});

describe('unitType', () => {
  test.each([
    ['tỉnh', 'tinh'],
    ['thành phố', 'thanh_pho'],
    ['xã', 'xa'],
    ['phường', 'phuong'],
    ['đặc khu', 'dac_khu'],
    // Capitalised, as the official list writes them.
    ['Tỉnh', 'tinh'],
    ['Thành phố', 'thanh_pho'],
    ['Phường', 'phuong'],
    ['Đặc khu', 'dac_khu'],
    // Decomposed (NFD) Unicode is normalised first.
    ['ph\u0075\u031b\u01a1\u0300ng'.normalize('NFD'), 'phuong'],
    ['Xa\u0303', 'xa'],
  ] as const)('"%s" is %s', (label, type) => {
    expect(unitType(label)).toBe(type);
  });

  test('an unknown label is refused, naming it', () => {
    expect(() => unitType('huyện')).toThrow(new Error('Unknown unit type "huyện"'));
    expect(() => unitType('')).toThrow(new Error('Unknown unit type ""'));
  });
});

const provinces: OfficialProvince[] = [
  {
    code: '42',
    name: 'Tỉnh Hà Tĩnh',
    type: 'tỉnh',
    communes: [
      { code: '18073', name: 'Phường Thành Sen', type: 'phường' },
      { code: '18100', name: 'Xã Thạch Hà', type: 'xã' },
    ],
  },
  { code: '75', name: 'Thành phố Đồng Nai', type: 'thành phố', communes: [] },
];

const lineage: LineageRecord[] = [
  {
    newCode: '18073',
    newName: 'Phường Thành Sen',
    provinceCode: '42',
    predecessors: [
      {
        oldCode: '18070',
        oldName: 'Phường Bắc Hà',
        oldDistrictCode: '436',
        oldDistrictName: 'Thành phố Hà Tĩnh',
        oldProvinceCode: '42',
        oldProvinceName: 'Tỉnh Hà Tĩnh',
        part: false,
        note: '',
      },
      {
        oldCode: null,
        oldName: 'Một phần xã không mã',
        oldDistrictCode: '436',
        oldDistrictName: 'Thành phố Hà Tĩnh',
        oldProvinceCode: '42',
        oldProvinceName: 'Tỉnh Hà Tĩnh',
        part: true,
        note: 'no code',
      },
      {
        oldCode: '18080',
        oldName: 'Xã Thạch Trung',
        oldDistrictCode: '436',
        oldDistrictName: 'Thành phố Hà Tĩnh',
        oldProvinceCode: '42',
        oldProvinceName: 'Tỉnh Hà Tĩnh',
        part: true,
        note: 'split',
      },
    ],
  },
  {
    newCode: '18100',
    newName: 'Xã Thạch Hà',
    provinceCode: '42',
    predecessors: [
      {
        oldCode: '18080',
        oldName: 'Xã Thạch Trung',
        oldDistrictCode: '436',
        oldDistrictName: 'Thành phố Hà Tĩnh',
        oldProvinceCode: '42',
        oldProvinceName: 'Tỉnh Hà Tĩnh',
        part: true,
        note: 'split',
      },
    ],
  },
];

const changes: OfficialChange[] = [
  {
    level: 'province',
    code: '75',
    from: { name: 'Tỉnh Đồng Nai', type: 'tỉnh' },
    to: { name: 'Thành phố Đồng Nai', type: 'thành phố' },
    basis: '30/2026/QH16',
  },
  {
    level: 'commune',
    code: '18100',
    from: { name: 'Xã Thạch Hà', type: 'xã' },
    to: { name: 'Xã Thạch Hà', type: 'xã' },
    basis: '99/2026/NQ-UBTVQH',
  },
  // A commune-level change whose code is a province's: it must not apply to the province.
  {
    level: 'commune',
    code: '42',
    from: { name: 'x', type: 'xã' },
    to: { name: 'x', type: 'xã' },
    basis: 'never read',
  },
];

describe('buildUnits', () => {
  // Built inside each test (not when the describe block is collected), so
  // that mutation testing sees the code run by the test that checks it.
  let seen: unknown[] = [];
  let units: ReturnType<typeof buildUnits> = [];
  beforeEach(() => {
    seen = [];
    units = build();
  });
  const build = () =>
    buildUnits(provinces, lineage, changes, (c) => {
      seen.push(c);
      return c.type === 'phuong'
        ? { region: 'lowland', population: 31000 }
        : { region: 'mountain', population: 9000 };
    });

  test('provinces first, each followed by its communes', () => {
    expect(units.map((u) => u.code)).toEqual(['42', '18073', '18100', '75']);
  });

  test('a province: its own type, no parent, region or population, the default basis unless changed', () => {
    expect(units[0]).toEqual({
      code: '42',
      name: 'Tỉnh Hà Tĩnh',
      type: 'tinh',
      level: 'province',
      provinceCode: '42',
      parentCode: null,
      region: null,
      population: null,
      estimated: false,
      validFrom: '2025-07-01',
      validTo: null,
      predecessors: [],
      legalBasis: 'Nghị quyết 202/2025/QH15',
    });
    expect(units[3]).toMatchObject({ code: '75', type: 'thanh_pho', legalBasis: '30/2026/QH16' });
  });

  test('a commune: parent province, estimated region and population, predecessors from the lineage', () => {
    expect(units[1]).toEqual({
      code: '18073',
      name: 'Phường Thành Sen',
      type: 'phuong',
      level: 'commune',
      provinceCode: '42',
      parentCode: '42',
      region: 'lowland',
      population: 31000,
      estimated: true,
      validFrom: '2025-07-01',
      validTo: null,
      predecessors: [
        {
          oldCode: '18070',
          oldName: 'Phường Bắc Hà',
          oldDistrictName: 'Thành phố Hà Tĩnh',
          oldProvinceCode: '42',
          part: false,
        },
        {
          oldCode: null,
          oldName: 'Một phần xã không mã',
          oldDistrictName: 'Thành phố Hà Tĩnh',
          oldProvinceCode: '42',
          part: true,
        },
        {
          oldCode: '18080',
          oldName: 'Xã Thạch Trung',
          oldDistrictName: 'Thành phố Hà Tĩnh',
          oldProvinceCode: '42',
          part: true,
        },
      ],
      legalBasis: null,
    });
    expect(units[2]).toMatchObject({
      code: '18100',
      type: 'xa',
      region: 'mountain',
      population: 9000,
      legalBasis: '99/2026/NQ-UBTVQH',
    });
  });

  test('a commune missing from the lineage has no predecessors', () => {
    const [, commune] = buildUnits(
      [
        {
          code: '42',
          name: 'Tỉnh Hà Tĩnh',
          type: 'tỉnh',
          communes: [{ code: '18115', name: 'X', type: 'xã' }],
        },
      ],
      [],
      [],
      () => ({ region: 'lowland', population: 1 }),
    );
    expect(commune).toMatchObject({ code: '18115', predecessors: [], legalBasis: null });
  });

  test('the estimate is asked once per commune with its code, type and province', () => {
    expect(seen).toEqual([
      { code: '18073', type: 'phuong', provinceCode: '42' },
      { code: '18100', type: 'xa', provinceCode: '42' },
    ]);
  });
});

describe('Lineage', () => {
  let index = new Lineage([]);
  beforeEach(() => {
    index = new Lineage(lineage);
  });

  test('an old code resolves to the new commune it went into', () => {
    expect(index.successorsOf('18070')).toEqual([
      { newCode: '18073', newName: 'Phường Thành Sen', provinceCode: '42', part: false },
    ]);
  });

  test('an old commune split between two new ones lists both, in order, as parts', () => {
    expect(index.successorsOf('18080')).toEqual([
      { newCode: '18073', newName: 'Phường Thành Sen', provinceCode: '42', part: true },
      { newCode: '18100', newName: 'Xã Thạch Hà', provinceCode: '42', part: true },
    ]);
  });

  test('a new code is not an old one; unknown codes and predecessors without a code resolve to nothing', () => {
    expect(index.successorsOf('18073')).toEqual([]);
    expect(index.successorsOf('99999')).toEqual([]);
    expect(index.successorsOf('null')).toEqual([]);
    expect(index.successorsOf('')).toEqual([]);
  });
});
