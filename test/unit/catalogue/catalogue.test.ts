/**
 * The catalogue files (data/catalogue) load, validate and cross-check; the
 * historic exports (POSITIONS, POSITION_BY_ID, DEFAULT_NORMS) come from them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CATALOGUE,
  CatalogueInvalid,
  parseCatalogue,
  PROCEDURE_BY_ID,
} from '../../../functions/src/domain/catalogue';
import { communeNorm, DEFAULT_NORMS } from '../../../functions/src/domain/norms';
import { POSITION_BY_ID, POSITIONS } from '../../../functions/src/domain/positions';

const dir = path.resolve(__dirname, '../../../data/catalogue');
const raw = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
const files = () => ({
  positions: raw('positions.json'),
  communeTemplate: raw('commune-template.json'),
  procedures: raw('procedures.json'),
  norms: raw('norms.json'),
});

test('50 positions, each on the rank scale of equivalent posts', () => {
  expect(POSITIONS).toHaveLength(50);
  expect(POSITION_BY_ID.size).toBe(50);
  expect(CATALOGUE.positions.rankScale.levels.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(CATALOGUE.positions.rankScale.note).toMatch(/project's own ordering/);
  const rank = (id: string) => POSITION_BY_ID.get(id)!.rank;
  expect([rank('xa_vien_chuc'), rank('xa_tu_phap_ho_tich'), rank('tinh_chuyen_vien')]).toEqual([1, 1, 2]);
  expect([rank('xa_pho_truong_phong_kinh_te'), rank('xa_truong_phong_kinh_te')]).toEqual([2, 3]);
  expect([rank('xa_pho_chu_tich_ubnd'), rank('tinh_truong_phong_so')]).toEqual([4, 4]);
  expect([rank('xa_chu_tich_ubnd'), rank('xa_bi_thu'), rank('tinh_pho_giam_doc_so')]).toEqual([5, 5, 5]);
  expect([rank('tinh_giam_doc_so_noi_vu'), rank('tinh_pho_chu_tich_ubnd'), rank('tinh_bi_thu')]).toEqual([
    6, 7, 8,
  ]);
});

test('the position data kept its standards and policy flags', () => {
  expect(POSITION_BY_ID.get('xa_bi_thu')).toMatchObject({
    level: 'commune',
    block: 'party',
    keyPost: true,
    nonLocalRequired: true,
    relativeExclusions: ['xa_bi_thu', 'xa_pho_bi_thu', 'xa_chu_nhiem_ubkt'],
    holdersPerUnit: 1,
    standards: {
      minEducation: 'bachelor',
      minPoliticalTheory: 'intermediate',
      minYearsExperience: 5,
      partyMemberRequired: true,
    },
  });
  expect(POSITION_BY_ID.get('tinh_chu_tich_ubnd')!.standards.minPoliticalTheory).toBe('advanced');
  expect(POSITION_BY_ID.get('xa_chu_tich_hdnd')!.usuallyConcurrent).toBe(true);
});

test('the commune template fills the norms with commune posts of each block', () => {
  const t = CATALOGUE.communeTemplate;
  const total = (block: keyof typeof t.blocks) =>
    t.blocks[block].reduce(
      (s, e) => [
        s[0]! + (typeof e.count === 'number' ? e.count : e.count.min),
        s[1]! + (typeof e.count === 'number' ? e.count : e.count.max),
      ],
      [0, 0],
    );
  expect(total('party')).toEqual([16, 16]);
  expect(total('government')).toEqual([31, 32]);
  expect(total('military')).toEqual([3, 3]);
  expect(total('public_service')).toEqual([24, 24]);
  expect(t.genericPost).toEqual({
    party: 'xa_chuyen_vien_dang',
    government: 'xa_van_hoa_xa_hoi',
    military: 'xa_tro_ly_qs',
    public_service: 'xa_vien_chuc',
  });
});

test('staffing norms keep their values, basis and certainty', () => {
  expect(DEFAULT_NORMS).toEqual({
    communeGovernmentPosts: 32,
    communePartyPosts: { min: 15, max: 17, withPoliticalCentre: 20 },
    communeMilitaryPosts: 3,
    communePublicServicePosts: 24,
    averageViceChairsPerCommune: 2.5,
    averageBodiesPerCommune: 4.5,
    averageBodiesPerCommuneLargeCities: 4.7,
    averageDeputiesPerBody: 2,
  });
  expect([communeNorm(DEFAULT_NORMS, 'party'), communeNorm(DEFAULT_NORMS, 'government')]).toEqual([16, 32]);
  const n = CATALOGUE.norms.norms;
  expect(n.communeGovernmentPosts).toMatchObject({ basis: 'Công văn 09/CV-BCĐ', certainty: 'confirmed' });
  const unconfirmed = Object.entries(n)
    .filter(([, v]) => v.certainty === 'unconfirmed')
    .map(([k]) => k);
  expect(unconfirmed).toEqual(['communeMilitaryPosts', 'communePublicServicePosts']);
});

test('administrative procedures: an example catalogue with stable ids, each in a field', () => {
  const p = CATALOGUE.procedures;
  expect(p.about.example).toBe(true);
  expect(p.procedures).toHaveLength(15);
  expect(PROCEDURE_BY_ID.get('khai_sinh')).toEqual({
    id: 'khai_sinh',
    name: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    field: 'ho_tich',
  });
  expect(p.fields.map((f) => f.id)).toEqual([
    'ho_tich',
    'chung_thuc',
    'cu_tru',
    'dat_dai',
    'xay_dung',
    'bao_tro_xa_hoi',
    'kinh_doanh',
  ]);
});

test('a broken catalogue file is refused, naming the file and the problem', () => {
  const fail = (f: ReturnType<typeof files>) => {
    try {
      parseCatalogue(f);
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueInvalid);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  const dup = files();
  const positions = dup.positions.positions as { id: string; rank: number }[];
  positions.push({ ...positions[0]! });
  expect(fail(dup)).toMatch(/positions\.json.*duplicate position id xa_bi_thu/);

  const offScale = files();
  (offScale.positions.positions as { rank: number }[])[0]!.rank = 9;
  expect(fail(offScale)).toMatch(/positions\.json.*rank 9 is not on the scale/);

  const noRank = files();
  delete (noRank.positions.positions as { rank?: number }[])[0]!.rank;
  expect(fail(noRank)).toMatch(/positions\.json.*positions\.0\.rank/);

  const wrongBlock = files();
  (wrongBlock.communeTemplate.blocks as Record<string, { positionId: string }[]>).military![0]!.positionId =
    'tinh_bi_thu';
  expect(fail(wrongBlock)).toMatch(
    /commune-template\.json.*tinh_bi_thu is not a commune post of the military block/,
  );

  const unknownField = files();
  (unknownField.procedures.procedures as { field: string }[])[0]!.field = 'thue';
  expect(fail(unknownField)).toMatch(/procedures\.json.*unknown field thue/);

  const badNorm = files();
  (badNorm.norms.norms as Record<string, { certainty: string }>).communeMilitaryPosts!.certainty = 'maybe';
  expect(fail(badNorm)).toMatch(/norms\.json.*communeMilitaryPosts\.certainty/);

  expect(parseCatalogue(files()).positions.positions).toHaveLength(50);
});
