/**
 * The catalogue loader's refusals, each written out (issue 15): which file,
 * which entry and what is wrong, so that a check that stops running or names
 * the wrong thing fails here. The files themselves are data/catalogue/*.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CATALOGUE_POSITIONS,
  CatalogueInvalid,
  parseCatalogue,
  PROCEDURE_BY_ID,
  PROCEDURES,
} from '../../../functions/src/domain/catalogue';

const dir = path.resolve(__dirname, '../../../data/catalogue');
const raw = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
const files = () => ({
  positions: raw('positions.json'),
  communeTemplate: raw('commune-template.json'),
  procedures: raw('procedures.json'),
  norms: raw('norms.json'),
});
type Files = ReturnType<typeof files>;
type Template = { blocks: Record<string, { positionId: string }[]>; genericPost: Record<string, string> };

/** The refusal parseCatalogue throws for these files. */
function refusal(f: Parameters<typeof parseCatalogue>[0]): CatalogueInvalid {
  try {
    parseCatalogue(f);
  } catch (e) {
    if (e instanceof CatalogueInvalid) return e;
    throw e;
  }
  throw new Error('the catalogue was accepted');
}

const withTemplate = (edit: (t: Template) => void): Files => {
  const f = files();
  edit(f.communeTemplate as unknown as Template);
  return f;
};

describe('the commune template names commune posts of its own block', () => {
  test('an unknown position', () => {
    const e = refusal(
      withTemplate((t) => {
        t.blocks.party![0]!.positionId = 'xa_khong_co';
      }),
    );
    expect(e.file).toBe('commune-template.json');
    expect(e.issues).toEqual(['blocks.party: unknown position xa_khong_co']);
    expect(e.message).toBe(
      'data/catalogue/commune-template.json is invalid: blocks.party: unknown position xa_khong_co',
    );
    expect(e).toBeInstanceOf(Error);
  });

  test('a provincial post of the right block', () => {
    const e = refusal(
      withTemplate((t) => {
        t.blocks.government![0]!.positionId = 'tinh_chuyen_vien';
      }),
    );
    expect(e.issues).toEqual([
      'blocks.government: tinh_chuyen_vien is not a commune post of the government block',
    ]);
  });

  test('a commune post of another block', () => {
    const e = refusal(
      withTemplate((t) => {
        t.blocks.government![0]!.positionId = 'xa_bi_thu';
      }),
    );
    expect(e.issues).toEqual(['blocks.government: xa_bi_thu is not a commune post of the government block']);
  });

  test('the generic post of a block, and every problem listed at once', () => {
    const e = refusal(
      withTemplate((t) => {
        t.genericPost.military = 'xa_van_thu';
        t.genericPost.party = 'xa_khong_co';
        t.blocks.military![0]!.positionId = 'xa_chuyen_vien_dang';
      }),
    );
    expect(e.issues).toEqual([
      'blocks.military: xa_chuyen_vien_dang is not a commune post of the military block',
      'genericPost.party: unknown position xa_khong_co',
      'genericPost.military: xa_van_thu is not a commune post of the military block',
    ]);
    expect(e.message).toBe(
      'data/catalogue/commune-template.json is invalid: ' +
        'blocks.military: xa_chuyen_vien_dang is not a commune post of the military block; ' +
        'genericPost.party: unknown position xa_khong_co; ' +
        'genericPost.military: xa_van_thu is not a commune post of the military block',
    );
  });

  test('the shipped template passes: commune posts of their blocks', () => {
    expect(() => parseCatalogue(files())).not.toThrow();
  });
});

describe('a file that does not match its schema names the file and the path of each problem', () => {
  test('the whole file', () => {
    const e = refusal({ ...files(), norms: null });
    expect(e.file).toBe('norms.json');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatch(/^\(root\): \S/);
    expect(e.message).toMatch(/^data\/catalogue\/norms\.json is invalid: \(root\): \S/);
  });

  test('a field deep inside, its path joined with dots', () => {
    const f = files();
    delete (f.positions.positions as { rank?: number }[])[2]!.rank;
    const e = refusal(f);
    expect(e.file).toBe('positions.json');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatch(/^positions\.2\.rank: \S/);
  });

  test('each file is read with its own schema', () => {
    expect(refusal({ ...files(), procedures: {} }).file).toBe('procedures.json');
    expect(refusal({ ...files(), communeTemplate: {} }).file).toBe('commune-template.json');
    expect(refusal({ ...files(), positions: {} }).file).toBe('positions.json');
  });
});

test('the catalogue as loaded: the parsed files, and the procedures by id', () => {
  const c = parseCatalogue(files());
  expect(c.positions.positions.map((p) => p.id).slice(0, 3)).toEqual([
    'xa_bi_thu',
    'xa_pho_bi_thu',
    'xa_chu_nhiem_ubkt',
  ]);
  expect(c.communeTemplate.genericPost.government).toBe('xa_van_hoa_xa_hoi');
  expect(c.norms.norms.communeGovernmentPosts).toMatchObject({ basis: 'Công văn 09/CV-BCĐ' });
  expect(c.procedures.procedures).toHaveLength(15);
  expect(CATALOGUE_POSITIONS).toHaveLength(50);
  expect(PROCEDURES).toHaveLength(15);
  expect(PROCEDURE_BY_ID.size).toBe(15);
  expect(PROCEDURE_BY_ID.get('khai_sinh')?.nameEn).toBe('Birth registration');
  expect(PROCEDURE_BY_ID.get('khong_co')).toBeUndefined();
});
