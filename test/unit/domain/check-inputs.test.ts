/**
 * The inputs a rule decides for the checks' context (functions/src/domain/check-inputs.ts),
 * the edges not covered in movement-checks.test.ts: posts outside the catalogue, the target's
 * count, the uncounted values, a commune's own agencies. Expected values written out.
 */
import {
  countHolders,
  holdersNeeded,
  mainPostOf,
  sendingNormFor,
  UNCOUNTED_HOLDERS,
} from '../../../functions/src/domain/check-inputs';
import { DEFAULT_NORMS } from '../../../functions/src/domain/norms';
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';

const posts = (...held: [positionId: string, concurrent: boolean][]) => ({
  homeUnitCode: '18073',
  posts: held.map(([positionId, concurrent]) => ({
    positionId,
    unitCode: '18073',
    concurrent,
    since: '2020-01-01',
    decisionNo: null,
  })),
});

test('the main post: concurrent posts only are no main post', () => {
  expect(mainPostOf(posts(['xa_chu_tich_hdnd', true]))).toBeUndefined();
  expect(mainPostOf(posts(['xa_chu_tich_hdnd', true], ['xa_bi_thu', false], ['xa_ke_toan', false]))).toBe(
    'xa_bi_thu',
  );
});

describe('holdersNeeded', () => {
  test('a main post outside the catalogue, or not a key post, is not counted', () => {
    expect(holdersNeeded(posts(['xa_chuc_danh_cu', false]), '18100', null, POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
    expect(holdersNeeded(posts(['xa_ke_toan', false]), '18100', null, POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
    // A key post held only concurrently is not the main post.
    expect(holdersNeeded(posts(['xa_bi_thu', true]), '18100', null, POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
  });

  test('a target post outside the catalogue, or without a fixed number of holders, is not counted', () => {
    expect(holdersNeeded(posts(), '18100', 'xa_chuc_danh_cu', POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
    expect(holdersNeeded(posts(), '18100', 'xa_pho_chu_tich_ubnd', POSITION_BY_ID)).toEqual({
      home: null,
      target: null,
    });
    expect(holdersNeeded(posts(), '18115', 'xa_chanh_van_phong', POSITION_BY_ID)).toEqual({
      home: null,
      target: { unitCode: '18115', positionId: 'xa_chanh_van_phong' },
    });
  });
});

test('countHolders counts what is needed, and reads two at home and none at the target otherwise', () => {
  expect(UNCOUNTED_HOLDERS).toEqual({ home: 2, target: 0 });
  const asked: string[] = [];
  const count = (q: { unitCode: string; positionId: string }) => {
    asked.push(`${q.unitCode}/${q.positionId}`);
    return 7;
  };
  expect(countHolders({ home: null, target: { unitCode: '18100', positionId: 'xa_bi_thu' } }, count)).toEqual(
    {
      home: 2,
      target: 7,
    },
  );
  expect(
    countHolders(
      {
        home: { unitCode: '18073', positionId: 'xa_chu_tich_ubnd' },
        target: { unitCode: '18100', positionId: 'xa_bi_thu' },
      },
      count,
    ),
  ).toEqual({ home: 7, target: 7 });
  expect(asked).toEqual(['18100/xa_bi_thu', '18073/xa_chu_tich_ubnd', '18100/xa_bi_thu']);
});

test('a commune’s own agency is held to the commune norm; a provincial agency to none', () => {
  expect(sendingNormFor('18073-ttpvhcc', 'government', DEFAULT_NORMS)).toBe(32);
  expect(sendingNormFor('18073', 'party', DEFAULT_NORMS)).toBe(16);
  expect(sendingNormFor('42-so-noi-vu', 'government', DEFAULT_NORMS)).toBeUndefined();
});
