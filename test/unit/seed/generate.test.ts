/**
 * The demo province is deterministic and realistic: distributions fall inside
 * stated bounds, and the quota counts agree with the people generated.
 */
import { POSITION_BY_ID } from '../../../functions/src/domain/positions';
import { quotaId } from '@canbo/model';
import { yearsBetween } from '../../../functions/src/domain/dates';
import { generateProvince } from '../../../scripts/seed/generate';
import { loadOfficialUnits } from '../../../scripts/seed/official';

const units = loadOfficialUnits();
const asOf = '2026-11-25';
const ngheAn = generateProvince(units, { provinceCode: '40', scale: 1, seed: 7, asOf });

const share = <T>(items: T[], test: (x: T) => boolean) => items.filter(test).length / items.length;

test('the same options give the same province; another seed gives another', () => {
  const again = generateProvince(units, { provinceCode: '40', scale: 1, seed: 7, asOf });
  expect(JSON.stringify(again.cadres)).toBe(JSON.stringify(ngheAn.cadres));
  expect(JSON.stringify(again.movements)).toBe(JSON.stringify(ngheAn.movements));
  const other = generateProvince(units, { provinceCode: '40', scale: 1, seed: 8, asOf });
  expect(
    other.cadres[0]!.fullName === ngheAn.cadres[0]!.fullName &&
      other.cadres[1]!.birthDate === ngheAn.cadres[1]!.birthDate,
  ).toBe(false);
});

test('Nghệ An has about 10,000 people, about 75 per commune', () => {
  expect(ngheAn.cadres.length).toBeGreaterThan(9000);
  expect(ngheAn.cadres.length).toBeLessThan(11000);
  const perCommune = ngheAn.cadres.filter((c) => c.homeUnitCode.length === 5).length / 130;
  expect(perCommune).toBeGreaterThan(65);
  expect(perCommune).toBeLessThan(85);
});

test('ages 23 to 60 in a pyramid: most between 30 and 50', () => {
  const ages = ngheAn.cadres.map((c) => yearsBetween(c.birthDate, asOf));
  expect(Math.min(...ages)).toBeGreaterThanOrEqual(23);
  expect(Math.max(...ages)).toBeLessThanOrEqual(60);
  expect(share(ages, (a) => a >= 30 && a <= 50)).toBeGreaterThan(0.55);
  expect(share(ages, (a) => a < 30)).toBeGreaterThan(0.08);
});

test('women: about 40 % overall, fewer in key posts, almost none in the military command', () => {
  expect(share(ngheAn.cadres, (c) => c.gender === 'female')).toBeGreaterThan(0.33);
  expect(share(ngheAn.cadres, (c) => c.gender === 'female')).toBeLessThan(0.5);
  const key = ngheAn.cadres.filter((c) => POSITION_BY_ID.get(c.posts[0]!.positionId)!.keyPost);
  expect(share(key, (c) => c.gender === 'female')).toBeLessThan(0.25);
  expect(
    share(
      ngheAn.cadres.filter((c) => c.block === 'military'),
      (c) => c.gender === 'female',
    ),
  ).toBeLessThan(0.1);
});

test('ethnic minorities depend on region: many in mountain Nghệ An, few in the Red River delta', () => {
  const ngheAnShare = share(ngheAn.cadres, (c) => c.ethnicMinority);
  expect(ngheAnShare).toBeGreaterThan(0.1);
  expect(ngheAnShare).toBeLessThan(0.4);
  const hungYen = generateProvince(units, { provinceCode: '33', scale: 0.2, seed: 7, asOf });
  expect(share(hungYen.cadres, (c) => c.ethnicMinority)).toBeLessThan(0.08);
});

test('qualifications, party membership and hometowns are plausible', () => {
  expect(
    share(ngheAn.cadres, (c) => ['bachelor', 'master', 'doctor'].includes(c.education.level)),
  ).toBeGreaterThan(0.7);
  const leaders = ngheAn.cadres.filter((c) => POSITION_BY_ID.get(c.posts[0]!.positionId)!.leadership);
  const partyPosts = ngheAn.cadres.filter(
    (c) => POSITION_BY_ID.get(c.posts[0]!.positionId)!.standards.partyMemberRequired,
  );
  expect(partyPosts.length).toBeGreaterThan(1000);
  expect(partyPosts.every((c) => c.partyMember)).toBe(true);
  expect(share(leaders, (c) => ['intermediate', 'advanced'].includes(c.politicalTheory))).toBeGreaterThan(
    0.8,
  );
  expect(share(ngheAn.cadres, (c) => c.hometown.provinceCode !== '40')).toBeGreaterThan(0.05);
  expect(share(ngheAn.cadres, (c) => c.hometown.provinceCode !== '40')).toBeLessThan(0.25);
});

test('quotas near the norms, some communes over and some short, counts agreeing with the people', () => {
  const gov = ngheAn.quotas.filter((q) => q.block === 'government' && q.communeCode);
  expect(gov).toHaveLength(130);
  expect(gov.every((q) => q.allocated >= 30 && q.allocated <= 35)).toBe(true);
  expect(gov.some((q) => q.filled + q.reservedForReturn > q.allocated)).toBe(true);
  expect(gov.some((q) => q.filled + q.reservedForReturn < q.allocated)).toBe(true);
  const byQuota = new Map<string, number>();
  const add = (id: string) => byQuota.set(id, (byQuota.get(id) ?? 0) + 1);
  for (const c of ngheAn.cadres) {
    if (c.status !== 'active' && c.status !== 'seconded_out') continue;
    add(quotaId(c.homeUnitCode, c.block, 2026));
  }
  // A rotation also takes a post at its target while it lasts (the lifecycle's quota effects).
  for (const m of ngheAn.movements)
    if (m.type === 'rotation' && m.status === 'active') add(quotaId(m.toUnitCode, m.block, 2026));
  for (const q of ngheAn.quotas) expect(q.filled + q.reservedForReturn).toBe(byQuota.get(q.id) ?? 0);
  // Approved moves into another unit hold an incoming post there until they start.
  const incoming = new Map<string, number>();
  for (const m of ngheAn.movements) {
    if (m.status !== 'approved' || !['transfer', 'rotation', 'appointment'].includes(m.type)) continue;
    if (m.toUnitCode === m.fromUnitCode) continue;
    const id = quotaId(m.toUnitCode, m.block, 2026);
    incoming.set(id, (incoming.get(id) ?? 0) + 1);
  }
  for (const q of ngheAn.quotas) expect(q.incoming).toBe(incoming.get(q.id) ?? 0);
});

test('some key posts are vacant, some posts are concurrent, planning has at most 3 people per post', () => {
  const secretaries = ngheAn.cadres.filter((c) => c.posts[0]!.positionId === 'xa_bi_thu').length;
  expect(secretaries).toBeLessThan(130);
  expect(secretaries).toBeGreaterThan(110);
  expect(ngheAn.cadres.filter((c) => c.posts.some((p) => p.concurrent)).length).toBeGreaterThan(200);
  const planned = new Map<string, number>();
  for (const c of ngheAn.cadres)
    for (const p of c.planning)
      planned.set(`${p.unitCode}:${p.positionId}`, (planned.get(`${p.unitCode}:${p.positionId}`) ?? 0) + 1);
  expect(planned.size).toBeGreaterThan(100);
  expect(Math.max(...planned.values())).toBeLessThanOrEqual(3);
});

test('a few hundred movements in every state, secondments ending soon among them', () => {
  expect(ngheAn.movements.length).toBeGreaterThan(200);
  expect(ngheAn.movements.length).toBeLessThan(400);
  const statuses = new Set(ngheAn.movements.map((m) => m.status));
  expect([...statuses].sort()).toEqual([
    'active',
    'approved',
    'cancelled',
    'completed',
    'draft',
    'proposed',
    'rejected',
  ]);
  const endingSoon = ngheAn.movements.filter(
    (m) => m.type === 'secondment' && m.status === 'active' && m.plannedEndDate! <= '2027-01-24',
  );
  expect(endingSoon.length).toBeGreaterThan(5);
  expect(
    ngheAn.movements.some(
      (m) => m.type === 'rotation' && m.status === 'active' && m.fromUnitCode.startsWith('40-'),
    ),
  ).toBe(true);
  for (const m of ngheAn.movements.filter((x) => x.type === 'secondment' && x.status === 'active')) {
    expect(ngheAn.cadres.find((c) => c.id === m.cadreId)!.status).toBe('seconded_out');
  }
});

test('two past quarters of evaluation inputs, scored as their runs left them, and one rating per receipt', () => {
  const periods = new Set(ngheAn.evaluationInputs.map((e) => e.period));
  expect([...periods].sort()).toEqual(['2026-Q2', '2026-Q3']);
  // Each quarter as its run left it: one result per input, every one scorable.
  expect(ngheAn.evaluations.map((e) => e.id).sort()).toEqual(ngheAn.evaluationInputs.map((e) => e.id).sort());
  const q2 = ngheAn.evaluationInputs.filter((e) => e.period === '2026-Q2').length;
  const q3 = ngheAn.evaluationInputs.length - q2;
  expect(
    ngheAn.evaluationRuns.map((j) => [
      j.id,
      j.state,
      j.params.generation,
      j.result?.evaluated,
      j.result?.problems,
    ]),
  ).toEqual([
    ['evaluation_2026-Q2_40', 'succeeded', 1, q2, 0],
    ['evaluation_2026-Q3_40', 'succeeded', 1, q3, 0],
  ]);
  const rated = ngheAn.evaluations.filter((e) => e.rated);
  expect(rated.length / ngheAn.evaluations.length).toBeGreaterThan(0.95);
  // Mostly HTT, some HTXS and HT, a few KHT (forced by discipline or weak results).
  expect(share(rated, (e) => e.level === 'HTT')).toBeGreaterThan(0.4);
  expect(share(rated, (e) => e.level === 'HTXS')).toBeGreaterThan(0.05);
  expect(share(rated, (e) => e.level === 'KHT')).toBeLessThan(0.1);
  expect(
    ngheAn.evaluations.filter((e) => e.leader).every((e) => e.tasks === null || e.tasks.d !== null),
  ).toBe(true);
  expect(new Set(ngheAn.ratings.map((r) => r.id)).size).toBe(ngheAn.ratings.length);
  expect(share(ngheAn.ratings, (r) => r.criteria.overall >= 4)).toBeGreaterThan(0.7);
});
