/**
 * The relatives rule (docs/legal-basis.md §8) from the catalogue's own data
 * (issue 15): exclusions written on one post only still bind both ways, a
 * relative heading the unit bars the posts a head's relatives may not hold,
 * a relative in another unit does not count, and relations are read from the
 * mover's side. Expected messages are written out.
 */
import {
  DEFAULT_CHECK_PARAMS,
  runChecks,
  type CheckContext,
} from '../../../functions/src/domain/movement-checks';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import {
  familyCadreIds,
  moverRelatives,
  relativesInSystem,
  type RelativeInSystem,
} from '../../../functions/src/domain/relatives';
import type { Position } from '@canbo/model';
import { person, profile } from '../../helpers/province';

const post = (positionId: string, unitCode = '18100') => ({
  positionId,
  unitCode,
  concurrent: false,
  since: '2020-01-01',
  decisionNo: null,
});

/** A relative of the mover holding `positionId` in `unitCode`. */
const relative = (
  positionId: string,
  opts: { relation?: string; recordedOn?: 'mover' | 'relative'; unitCode?: string; id?: string } = {},
): RelativeInSystem => ({
  relation: opts.relation ?? 'spouse',
  recordedOn: opts.recordedOn,
  cadre: { id: opts.id ?? 'r1', fullName: 'Lê Thị Hoa', posts: [post(positionId, opts.unitCode)] },
});

/** The relatives check of a transfer of 18073-0010 to `toPositionId` in 18100. */
function relativesCheck(
  toPositionId: string,
  relatives: RelativeInSystem[],
  targetPosition: Position | undefined = POSITION_BY_ID.get(toPositionId),
) {
  const ctx: CheckContext = {
    request: {
      type: 'transfer',
      toUnitCode: '18100',
      toProvinceCode: '42',
      toPositionId,
      startDate: '2027-01-01',
      plannedEndDate: null,
    },
    cadre: person('18073-0010', '18073', 'xa_tu_phap_ho_tich'),
    profile: profile(),
    targetPosition,
    positions: POSITION_BY_ID,
    openMovements: [],
    relatives,
    targetQuota: { allocated: 32, filled: 30, reservedForReturn: 0, incoming: 0 },
    sendingQuota: undefined,
    sendingNorm: undefined,
    holdersOfCadrePost: 2,
    holdersOfTargetPost: 0,
    params: DEFAULT_CHECK_PARAMS,
  };
  const r = runChecks(ctx).find((c) => c.code === 'relatives')!;
  return { outcome: r.outcome, overridable: r.overridable, messageEn: r.messageEn };
}

const PASS = {
  outcome: 'pass',
  overridable: false,
  messageEn: 'No relative holds a related post in the unit.',
};
const fail = (conflict: string) => ({
  outcome: 'fail',
  overridable: false,
  messageEn: `Relatives rule broken: ${conflict}.`,
});

describe('paired posts: an exclusion written on either post binds both ways', () => {
  test('the catalogue writes some exclusions on one post only', () => {
    expect(POSITION_BY_ID.get('xa_pho_chanh_van_phong')!.relativeExclusions).toEqual(['xa_chanh_van_phong']);
    expect(POSITION_BY_ID.get('xa_chanh_van_phong')!.relativeExclusions).toEqual([]);
    expect(POSITION_BY_ID.get('xa_chu_tich_ubnd')!.relativeExclusions).toEqual([
      'xa_pho_chu_tich_ubnd',
      'xa_cong_chuc_noi_vu',
    ]);
    expect(POSITION_BY_ID.get('xa_cong_chuc_noi_vu')!.relativeExclusions).toEqual([]);
  });

  test('moving to the post that names the relative’s post', () => {
    expect(relativesCheck('xa_pho_chanh_van_phong', [relative('xa_chanh_van_phong')])).toEqual(
      fail('Lê Thị Hoa (spouse) holds Head, Council and Committee Office'),
    );
  });

  test('moving to the post the relative’s post names (written on the relative’s post only)', () => {
    expect(relativesCheck('xa_chanh_van_phong', [relative('xa_pho_chanh_van_phong')])).toEqual(
      fail('Lê Thị Hoa (spouse) holds Deputy Head, Office'),
    );
    // The personnel officer under a chair: written only on the chair's post, and it is a pairing, not only a barred post.
    expect(relativesCheck('xa_cong_chuc_noi_vu', [relative('xa_chu_tich_ubnd')])).toEqual(
      fail('Lê Thị Hoa (spouse) holds Chair, Commune People’s Committee'),
    );
  });

  test('the same posts in another unit, or no relation between the posts: no conflict', () => {
    expect(
      relativesCheck('xa_chanh_van_phong', [relative('xa_pho_chanh_van_phong', { unitCode: '18115' })]),
    ).toEqual(PASS);
    expect(relativesCheck('xa_chanh_van_phong', [relative('xa_tu_phap_ho_tich')])).toEqual(PASS);
    // A post outside the catalogue held by the relative names nothing.
    expect(relativesCheck('xa_chanh_van_phong', [relative('xa_chuc_danh_cu')])).toEqual(PASS);
  });

  test('a post outside the catalogue is named by its id', () => {
    const target = { ...POSITION_BY_ID.get('xa_tu_phap_ho_tich')!, relativeExclusions: ['xa_chuc_danh_cu'] };
    expect(relativesCheck('xa_tu_phap_ho_tich', [relative('xa_chuc_danh_cu')], target)).toEqual(
      fail('Lê Thị Hoa (spouse) holds xa_chuc_danh_cu'),
    );
  });
});

describe('posts barred to the relatives of the unit’s head (Anti-Corruption Law, Art. 20)', () => {
  test.each([
    ['xa_chu_tich_ubnd', 'Chair, Commune People’s Committee'],
    ['xa_bi_thu', 'Commune Party Secretary'],
    ['xa_giam_doc_ttpvhcc', 'Director, Public Administrative Service Centre'],
    ['xa_truong_phong_kinh_te', 'Head, Economic Division'],
    ['xa_pho_chu_tich_ubnd', 'Vice-Chair, People’s Committee'],
  ])('an accountant under a relative who is %s', (head, name) => {
    expect(relativesCheck('xa_ke_toan', [relative(head)])).toEqual(
      fail(`Lê Thị Hoa (spouse) is head or deputy (${name})`),
    );
  });

  test('a leader who is not head or deputy of the unit, or a head of another unit, bars nothing', () => {
    expect(relativesCheck('xa_ke_toan', [relative('xa_chanh_van_phong')])).toEqual(PASS);
    expect(relativesCheck('xa_ke_toan', [relative('xa_chu_tich_ubnd', { unitCode: '18115' })])).toEqual(PASS);
    // A post that is not barred, under a relative who chairs.
    expect(relativesCheck('xa_tu_phap_ho_tich', [relative('xa_chu_tich_ubnd')])).toEqual(PASS);
    // An id that reads like a head's, outside the catalogue (no leadership known): not a head.
    expect(relativesCheck('xa_ke_toan', [relative('xa_truong_cu')])).toEqual(PASS);
  });

  test('becoming head over a relative in a barred post', () => {
    expect(relativesCheck('xa_giam_doc_ttpvhcc', [relative('xa_thu_quy')])).toEqual(
      fail('Lê Thị Hoa (spouse) holds Treasurer, which may not serve under a relative'),
    );
    // Becoming a leader who is not head or deputy: no conflict.
    expect(relativesCheck('xa_chanh_van_phong', [relative('xa_thu_quy')])).toEqual(PASS);
    // Becoming head over a relative in a post that is not barred: no conflict.
    expect(relativesCheck('xa_giam_doc_ttpvhcc', [relative('xa_tu_phap_ho_tich')])).toEqual(PASS);
  });

  test('several relatives: every conflict is listed, relations read from the mover’s side', () => {
    expect(
      relativesCheck('xa_ke_toan', [
        relative('xa_chu_tich_ubnd', { relation: 'parent_in_law', recordedOn: 'relative', id: 'r1' }),
        relative('xa_pho_chu_tich_ubnd', { relation: 'child', recordedOn: 'mover', id: 'r2' }),
        relative('xa_tu_phap_ho_tich', { relation: 'sibling', id: 'r3' }),
      ]),
    ).toEqual(
      fail(
        'Lê Thị Hoa (child) is head or deputy (Vice-Chair, People’s Committee); ' +
          'Lê Thị Hoa (child-in-law) is head or deputy (Chair, Commune People’s Committee)',
      ),
    );
  });
});

describe('moverRelatives: once each, from the mover’s side', () => {
  const cadre = (id: string) => ({ id, fullName: id, posts: [] });

  test('the mover’s own record comes first and wins, whatever the input order', () => {
    const fromRelative: RelativeInSystem = { relation: 'parent', cadre: cadre('a'), recordedOn: 'relative' };
    const fromMover: RelativeInSystem = { relation: 'sibling', cadre: cadre('b'), recordedOn: 'mover' };
    const unmarked: RelativeInSystem = { relation: 'spouse', cadre: cadre('c') };
    expect(moverRelatives([fromRelative, fromMover, unmarked], 'me')).toEqual([
      { relation: 'sibling', cadre: cadre('b') },
      { relation: 'spouse', cadre: cadre('c') },
      { relation: 'child', cadre: cadre('a') },
    ]);
    const aAgain: RelativeInSystem = { relation: 'child', cadre: cadre('a'), recordedOn: 'mover' };
    expect(moverRelatives([fromRelative, aAgain], 'me')).toEqual([{ relation: 'child', cadre: cadre('a') }]);
    expect(moverRelatives([aAgain, fromRelative], 'me')).toEqual([{ relation: 'child', cadre: cadre('a') }]);
  });

  test('the order between relatives of one side is kept; an unmarked entry is the mover’s own', () => {
    const a: RelativeInSystem = { relation: 'parent', cadre: cadre('a'), recordedOn: 'relative' };
    const b: RelativeInSystem = { relation: 'child', cadre: cadre('b'), recordedOn: 'relative' };
    expect(moverRelatives([a, b]).map((r) => r.cadre.id)).toEqual(['a', 'b']);
    expect(moverRelatives([b, a]).map((r) => r.cadre.id)).toEqual(['b', 'a']);
    // Found twice on the mover's side (once unmarked): the first entry is kept.
    const unmarked: RelativeInSystem = { relation: 'spouse', cadre: cadre('a') };
    const marked: RelativeInSystem = { relation: 'sibling', cadre: cadre('a'), recordedOn: 'mover' };
    expect(moverRelatives([unmarked, marked]).map((r) => r.relation)).toEqual(['spouse']);
    expect(moverRelatives([marked, unmarked]).map((r) => r.relation)).toEqual(['sibling']);
  });

  test('each relation is inverted only when read from the relative’s record', () => {
    const read = (relation: string, recordedOn?: 'mover' | 'relative') =>
      moverRelatives([{ relation, cadre: cadre('x'), recordedOn }])[0]!.relation;
    expect(
      ['spouse', 'parent', 'child', 'parent_in_law', 'child_in_law', 'sibling'].map((r) =>
        read(r, 'relative'),
      ),
    ).toEqual(['spouse', 'child', 'parent', 'child_in_law', 'parent_in_law', 'sibling']);
    expect(['parent', 'child_in_law'].map((r) => read(r, 'mover'))).toEqual(['parent', 'child_in_law']);
    expect(read('parent')).toBe('parent');
    // A relation the system does not know is kept as written.
    expect(read('cousin', 'relative')).toBe('cousin');
  });

  test('without a mover id nobody is left out', () => {
    expect(moverRelatives([{ relation: 'spouse', cadre: cadre('me') }]).map((r) => r.cadre.id)).toEqual([
      'me',
    ]);
    expect(moverRelatives([{ relation: 'spouse', cadre: cadre('me') }], 'me')).toEqual([]);
  });
});

test('relativesInSystem and familyCadreIds read only the entries that name someone in the system', () => {
  const rel = (id: string) => ({ id, fullName: id, posts: [] });
  const entry = (relation: 'spouse' | 'child' | 'parent', cadreId: string | null) => ({
    relation,
    fullName: 'x',
    birthYear: 1960,
    cadreId,
  });
  expect(relativesInSystem('me', [entry('child', null)], new Map([['me', rel('me')]]), [])).toEqual([]);
  expect(
    relativesInSystem('me', [], new Map(), [
      { cadre: rel('p'), family: [entry('child', 'me'), entry('parent', 'me'), entry('spouse', 'other')] },
    ]),
  ).toEqual([
    { relation: 'child', cadre: rel('p'), recordedOn: 'relative' },
    { relation: 'parent', cadre: rel('p'), recordedOn: 'relative' },
  ]);
  expect(
    familyCadreIds([entry('child', 'c'), entry('child', 'a'), entry('spouse', 'b'), entry('parent', 'a')]),
  ).toEqual(['a', 'b', 'c']);
  expect(familyCadreIds([entry('child', null)])).toEqual([]);
});
