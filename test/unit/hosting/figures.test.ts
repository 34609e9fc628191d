/**
 * The dashboard's arithmetic (hosting/src/data/figures.ts): quota figures per
 * commune and per block from the per-unit statistics or the quota documents,
 * over quota and below the commune norm, age bands from birth years and the
 * lowland/mountain comparison.
 */
import {
  ageBand,
  ageBands,
  blockRows,
  COMMUNE_NORMS,
  communeRows,
  quotasFromDocs,
  quotasFromStats,
  regionGroup,
  structureByRegion,
  vacantKeyPosts,
  type StatsDoc,
} from '../../../hosting/src/data/figures';

const q = (allocated: number, filled: number, reservedForReturn = 0, incoming = 0) => ({
  allocated,
  filled,
  reservedForReturn,
  incoming,
});

const stats: StatsDoc[] = [
  {
    unitCode: '18073',
    communeCode: '18073',
    people: {
      inService: 10,
      byGender: { female: 4, male: 6 },
      ethnicMinority: 1,
      byEducation: { bachelor: 7, master: 3 },
      byBirthYear: { '1998': 2, '1990': 3, '1970': 5 },
    },
    quotas: {
      '2026': { government: q(32, 30, 1, 1), party: q(16, 15) },
      '2025': { government: q(32, 20) },
    },
  },
  {
    unitCode: '18073-ubnd',
    communeCode: '18073',
    people: { inService: 2, byGender: { female: 2 } },
    quotas: { '2026': { public_service: q(5, 6) } },
  },
  {
    unitCode: '18115',
    communeCode: '18115',
    people: { inService: 6, byGender: { female: 1 }, ethnicMinority: 5, byBirthYear: { '1966': 6 } },
    quotas: { '2026': { government: q(30, 33) } },
  },
  {
    unitCode: '42-snv',
    communeCode: null,
    people: { inService: 20 },
    quotas: { '2026': { government: q(40, 38) } },
  },
];

describe('quota figures', () => {
  test('the norms of a commune come from data/catalogue/norms.json (the Party block: middle of 15–17)', () => {
    expect(COMMUNE_NORMS).toEqual({ government: 32, party: 16, military: 3, public_service: 24 });
  });

  test('the quotas of the year are read from the statistics, missing counts as zero', () => {
    const records = quotasFromStats(stats, 2026);
    expect(records.map((r) => `${r.unitCode}/${r.block}`)).toEqual([
      '18073/government',
      '18073/party',
      '18073-ubnd/public_service',
      '18115/government',
      '42-snv/government',
    ]);
    expect(
      quotasFromStats(
        [{ unitCode: '18100', communeCode: '18100', quotas: { '2026': { party: { allocated: 3 } } } }],
        2026,
      ),
    ).toEqual([
      {
        unitCode: '18100',
        communeCode: '18100',
        block: 'party',
        allocated: 3,
        filled: 0,
        reservedForReturn: 0,
        incoming: 0,
      },
    ]);
  });

  test('a row per commune sums its own and its agencies quotas; over quota and below norm are marked', () => {
    const rows = communeRows(quotasFromStats(stats, 2026), [
      { code: '18073', name: 'Xã A', region: 'lowland' },
      { code: '18115', name: 'Xã B', region: 'mountain' },
      { code: '18100', name: 'Xã C', region: null },
    ]);
    expect(rows).toEqual([
      {
        code: '18073',
        name: 'Xã A',
        region: 'lowland',
        allocated: 53,
        filled: 51,
        reservedForReturn: 1,
        incoming: 1,
        free: 0,
        // the agency's public-service quota is over (6 > 5)
        over: true,
        // 30 < 32 government and 15 < 16 party; the agency is not held to the commune norm
        belowNorm: ['government', 'party'],
      },
      {
        code: '18115',
        name: 'Xã B',
        region: 'mountain',
        allocated: 30,
        filled: 33,
        reservedForReturn: 0,
        incoming: 0,
        free: -3,
        over: true,
        belowNorm: [],
      },
      {
        code: '18100',
        name: 'Xã C',
        region: null,
        allocated: 0,
        filled: 0,
        reservedForReturn: 0,
        incoming: 0,
        free: 0,
        over: false,
        belowNorm: [],
      },
    ]);
  });

  test('totals per block include the province and its agencies, with the units over', () => {
    const rows = blockRows(quotasFromStats(stats, 2026));
    expect(rows.find((r) => r.block === 'government')).toEqual({
      block: 'government',
      allocated: 102,
      filled: 101,
      reservedForReturn: 1,
      incoming: 1,
      free: -1,
      unitsOver: 1,
    });
    expect(rows.find((r) => r.block === 'military')).toEqual({
      block: 'military',
      allocated: 0,
      filled: 0,
      reservedForReturn: 0,
      incoming: 0,
      free: 0,
      unitsOver: 0,
    });
  });

  test('quota documents give the same records', () => {
    expect(
      quotasFromDocs([
        { unitCode: '18073', communeCode: '18073', block: 'military', allocated: 3, filled: 2 },
      ]),
    ).toEqual([
      {
        unitCode: '18073',
        communeCode: '18073',
        block: 'military',
        allocated: 3,
        filled: 2,
        reservedForReturn: 0,
        incoming: 0,
      },
    ]);
  });
});

describe('workforce structure', () => {
  test('age bands by the age reached in the year', () => {
    expect(ageBand(29)).toBe('under30');
    expect(ageBand(30)).toBe('30to39');
    expect(ageBand(59)).toBe('50to59');
    expect(ageBand(60)).toBe('60plus');
    expect(ageBands({ '1997': 2, '1996': 1, '1966': 4, '1967': 1 }, 2026)).toEqual({
      under30: 2,
      '30to39': 1,
      '40to49': 0,
      '50to59': 1,
      '60plus': 4,
    });
  });

  test('midland and island count with the lowland; unknown regions with neither', () => {
    expect(regionGroup('midland')).toBe('lowland');
    expect(regionGroup('island')).toBe('lowland');
    expect(regionGroup('mountain')).toBe('mountain');
    expect(regionGroup(null)).toBeNull();
  });

  test('the province, its lowland and its mountain communes (province-level units only in the total)', () => {
    const regions = new Map([
      ['18073', 'lowland' as const],
      ['18115', 'mountain' as const],
    ]);
    const s = structureByRegion(stats, regions, 2026);
    expect(s.all.headcount).toBe(38);
    expect(s.all.women).toBe(7);
    expect(s.lowland).toEqual({
      headcount: 12,
      women: 6,
      minorities: 1,
      ages: { under30: 2, '30to39': 3, '40to49': 0, '50to59': 5, '60plus': 0 },
      education: { secondary: 0, college: 0, bachelor: 7, master: 3, doctor: 0 },
    });
    expect(s.mountain.minorities).toBe(5);
    expect(s.mountain.ages['60plus']).toBe(6);
  });
});

describe('vacant key posts', () => {
  const positions = [
    { id: 'xa_bi_thu', name: 'Bí thư', holdersPerUnit: 1 },
    { id: 'xa_chu_tich_ubnd', name: 'Chủ tịch UBND', holdersPerUnit: 1 },
  ];
  const communes = [
    { code: '18073', name: 'Xã A', region: null },
    { code: '18115', name: 'Xã B', region: null },
  ];

  test('unknown (null) while the statistics carry no key posts', () => {
    expect(vacantKeyPosts(stats, communes, positions)).toBeNull();
  });

  test('each key post of a commune with fewer holders than it has places', () => {
    const withPosts: StatsDoc[] = [
      { unitCode: '18073', communeCode: '18073', keyPosts: { xa_bi_thu: 1, xa_chu_tich_ubnd: 1 } },
      { unitCode: '18115', communeCode: '18115', keyPosts: { xa_bi_thu: 1 } },
      // an agency of 18073 holding nothing does not make 18073's posts vacant
      { unitCode: '18073-ubnd', communeCode: '18073', keyPosts: {} },
    ];
    expect(vacantKeyPosts(withPosts, communes, positions)).toEqual([
      { communeCode: '18115', communeName: 'Xã B', positionId: 'xa_chu_tich_ubnd', holders: 0, required: 1 },
    ]);
  });
});
