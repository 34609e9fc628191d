/**
 * The planning callables against the emulator (issue 13, docs/planning.md):
 * adding a person within the QĐ 377 rules and being refused with the rule
 * broken and its basis (nothing written), the list and the person's entries
 * kept in step, removal with its reason, the audit entries, scope, the
 * annual review's flags and the structure against targets
 * (docs/legal-basis.md §15).
 */
import { collections } from '../../functions/src/data/refs';
import { systemClock } from '../../functions/src/lib/clock';
import { reviewEveryProvince } from '../../functions/src/services/planning';
import { callableHarness, failure } from '../helpers/callable';
import { claims, evaluation, movement, person, profile, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('planning');

jest.spyOn(systemClock, 'now').mockImplementation(() => new Date('2027-01-05T02:00:00.000Z'));

let c: ReturnType<typeof collections>;
const listOf = async (id: string) => (await firestore().doc(`planning/${id}`).get()).data();
const planningOf = async (id: string) => (await c.cadres.doc(id).get()).data()!.planning;
const auditOf = async (listId: string) =>
  (await c.audit.where('target', '==', `planning/${listId}`).get()).docs
    .map((d) => d.data())
    .sort((a, b) => a.at.localeCompare(b.at) || a.action.localeCompare(b.action));

const add = (cadreId: string, unitCode = '18073', positionId = 'xa_chu_tich_ubnd', extra = {}) => ({
  cadreId,
  term: '2026-2031',
  unitCode,
  positionId,
  reason: 'Nghị quyết 12-NQ/ĐU về quy hoạch nhiệm kỳ 2026-2031',
  ...extra,
});

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  const vice = (id: string, unit = '18073', extra = {}) => ({
    cadre: person(id, unit, 'xa_pho_chu_tich_ubnd', { birthDate: '1982-04-10', ...extra }),
  });
  await writeProvince(
    db,
    [quota('18073', 32, 30), quota('18100', 32, 20)],
    [
      vice('p-vice', '18073', { gender: 'female', ethnicMinority: true }),
      vice('p-a', '18100'),
      vice('p-b', '18100'),
      vice('p-c', '18100'),
      vice('p-d', '18100'),
      { cadre: person('p-chair', '18073', 'xa_chu_tich_ubnd') },
      {
        cadre: person('p-disc', '18073', 'xa_pho_chu_tich_ubnd'),
        profile: {
          ...profile(),
          discipline: [
            { level: 'reprimand', decidedOn: '2025-06-01', decisionNo: '5/QĐ-KL', reason: 'Chậm trễ' },
          ],
        },
      },
      vice('p-appt', '18073', {
        openMovements: [{ id: 'mv-42-planning', type: 'appointment', status: 'proposed' }],
      }),
      vice('p-kht', '18073'),
      vice('p-scope', '18073'),
    ],
  );
  await c.movements.doc('mv-42-planning').set(
    movement('mv-42-planning', 'appointment', {
      cadreId: 'p-appt',
      fromUnitCode: '18073',
      fromPositionId: 'xa_pho_chu_tich_ubnd',
      toUnitCode: '18073',
      toPositionId: 'xa_chu_tich_ubnd',
      communeCodes: ['18073'],
    }),
  );
  await c.evaluations
    .doc('2027-Q1_p-kht')
    .set(evaluation('p-kht', '2027-Q1', { level: 'KHT', scoreLevel: 'KHT' }));
});

afterAll(cleanup);

describe('adding a person to planning', () => {
  test('a vice-chair planned for chair: the list, the person’s entry and the audit entry, together', async () => {
    const result = await call('addToPlanning', add('p-vice'));
    expect(result.rules.map((r: { code: string; outcome: string }) => [r.code, r.outcome])).toEqual([
      ['cadre_status', 'pass'],
      ['already_planned', 'pass'],
      ['higher_post', 'pass'],
      ['per_post_cap', 'pass'],
      ['per_person_cap', 'pass'],
      ['age', 'pass'],
      ['discipline', 'pass'],
      ['appointment_pending', 'pass'],
    ]);
    const list = await listOf('2026-2031_18073_xa_chu_tich_ubnd');
    expect(list).toMatchObject({
      provinceCode: '42',
      communeCode: '18073',
      term: '2026-2031',
      unitCode: '18073',
      positionId: 'xa_chu_tich_ubnd',
      level: 'commune',
      rank: 5,
      cadreIds: ['p-vice'],
    });
    expect(list!.entries).toEqual([
      {
        cadreId: 'p-vice',
        fullName: 'Cán bộ p-vice',
        gender: 'female',
        birthDate: '1982-04-10',
        ethnicMinority: true,
        fromUnitCode: '18073',
        addedOn: '2027-01-05',
        addedBy: 'u-admin',
        reason: 'Nghị quyết 12-NQ/ĐU về quy hoạch nhiệm kỳ 2026-2031',
        flags: [],
        reviewedOn: null,
      },
    ]);
    expect(await planningOf('p-vice')).toEqual([
      { positionId: 'xa_chu_tich_ubnd', unitCode: '18073', term: '2026-2031', addedOn: '2027-01-05' },
    ]);
    const audit = await auditOf('2026-2031_18073_xa_chu_tich_ubnd');
    expect(audit.map((a) => [a.action, a.actor.uid, a.before, a.after, a.reason])).toEqual([
      [
        'planning.add',
        'u-admin',
        { cadreIds: [] },
        { cadreIds: ['p-vice'], added: 'p-vice' },
        'Nghị quyết 12-NQ/ĐU về quy hoạch nhiệm kỳ 2026-2031',
      ],
    ]);
  });

  test('a fourth person for one post is refused with the rule and its basis; nothing is written', async () => {
    for (const id of ['p-a', 'p-b', 'p-c']) await call('addToPlanning', add(id, '18100'));
    const err = await failure(call('addToPlanning', add('p-d', '18100')));
    expect(err.code).toBe('failed-precondition');
    expect(err.details!.checks).toEqual([
      {
        code: 'per_post_cap',
        outcome: 'fail',
        overridable: false,
        basis: 'Quy định 377-QĐ/TW: mỗi chức danh quy hoạch không quá 3 người',
        basisEn: 'Regulation 377-QĐ/TW: at most 3 people planned per post',
        message: 'Chức danh đã đủ 3 người quy hoạch.',
        messageEn: 'The post already has 3 people planned.',
      },
    ]);
    expect(err.details!.message).toEqual({
      vi: 'Không thể đưa vào quy hoạch: Chức danh đã đủ 3 người quy hoạch.',
      en: 'Cannot be planned: The post already has 3 people planned.',
    });
    expect((await listOf('2026-2031_18100_xa_chu_tich_ubnd'))!.cadreIds).toEqual(['p-a', 'p-b', 'p-c']);
    expect(await planningOf('p-d')).toEqual([]);
  });

  test('a chair for a deputy post, a disciplined person, one proposed for the post: each refused by its rule', async () => {
    const codes = async (input: object) =>
      (await failure(call('addToPlanning', input))).details!.checks!.map((x) => x.code);
    expect(await codes(add('p-chair', '18073', 'xa_pho_bi_thu'))).toEqual(['higher_post']);
    expect(await codes(add('p-disc'))).toEqual(['discipline']);
    expect(await codes(add('p-appt'))).toEqual(['appointment_pending']);
    expect(await codes(add('p-vice'))).toEqual(['already_planned']);
    for (const id of ['p-chair', 'p-disc', 'p-appt']) expect(await planningOf(id)).toEqual([]);
  });

  test('an unknown post, a staff post and a commune post in the province are invalid-argument on positionId', async () => {
    const fields = async (input: object) => {
      const err = await failure(call('addToPlanning', input));
      return [err.code, err.details!.fields!.map((f) => f.path), err.details!.message!.en];
    };
    expect(await fields(add('p-scope', '18073', 'no_such_post'))).toEqual([
      'invalid-argument',
      ['positionId'],
      'No post no_such_post in the catalogue',
    ]);
    expect(await fields(add('p-scope', '18073', 'xa_ke_toan'))).toEqual([
      'invalid-argument',
      ['positionId'],
      'Only leadership posts are planned; xa_ke_toan is not one',
    ]);
    expect(await fields(add('p-scope', '42', 'xa_chu_tich_ubnd'))).toEqual([
      'invalid-argument',
      ['positionId'],
      'Post xa_chu_tich_ubnd is a commune-level post, not one of unit 42',
    ]);
  });

  test('a term outside the two planned, or a short reason, is refused by the input schema', async () => {
    expect(
      (
        await failure(
          call('addToPlanning', add('p-scope', '18073', 'xa_chu_tich_ubnd', { term: '2025-2030' })),
        )
      ).code,
    ).toBe('invalid-argument');
    expect(
      (await failure(call('addToPlanning', add('p-scope', '18073', 'xa_chu_tich_ubnd', { reason: 'x' }))))
        .code,
    ).toBe('invalid-argument');
  });

  test('commune admins, another province and cadres may not add; nothing is written', async () => {
    const refusals = await Promise.all([
      failure(call('addToPlanning', add('p-scope'), claims.commune18073, 'u-commune')),
      failure(call('addToPlanning', add('p-scope'), claims.otherProvince, 'u-other')),
      failure(
        call('addToPlanning', add('p-scope'), { role: 'cadre', province: '42', cadreId: 'p-scope' }, 'u-c'),
      ),
    ]);
    expect(refusals.map((e) => e.code)).toEqual([
      'permission-denied',
      'permission-denied',
      'permission-denied',
    ]);
    expect(await planningOf('p-scope')).toEqual([]);
  });

  test('checkPlanningCandidate lists every rule without writing', async () => {
    const r = await call('checkPlanningCandidate', {
      cadreId: 'p-d',
      term: '2026-2031',
      unitCode: '18100',
      positionId: 'xa_chu_tich_ubnd',
    });
    expect(r.listId).toBe('2026-2031_18100_xa_chu_tich_ubnd');
    expect(r.allowed).toBe(false);
    expect(
      r.rules.filter((x: { outcome: string }) => x.outcome === 'fail').map((x: { code: string }) => x.code),
    ).toEqual(['per_post_cap']);
    expect(await planningOf('p-d')).toEqual([]);
  });
});

describe('removing a person', () => {
  test('with its reason: the list and the person’s entries change together, audited', async () => {
    const reason = 'Không còn đủ tiêu chuẩn theo kết quả rà soát';
    await call('removeFromPlanning', { ...add('p-c', '18100'), reason });
    expect((await listOf('2026-2031_18100_xa_chu_tich_ubnd'))!.cadreIds).toEqual(['p-a', 'p-b']);
    expect(await planningOf('p-c')).toEqual([]);
    const audit = await auditOf('2026-2031_18100_xa_chu_tich_ubnd');
    expect(
      audit.filter((a) => a.action === 'planning.remove').map((a) => [a.before, a.after, a.reason]),
    ).toEqual([
      [
        { cadreIds: ['p-a', 'p-b', 'p-c'], removed: { cadreId: 'p-c', flags: [] } },
        { cadreIds: ['p-a', 'p-b'] },
        reason,
      ],
    ]);
    // The freed place can be taken.
    await call('addToPlanning', add('p-d', '18100'));
    expect((await listOf('2026-2031_18100_xa_chu_tich_ubnd'))!.cadreIds).toEqual(['p-a', 'p-b', 'p-d']);
  });

  test('someone not on the list is not-found; a commune admin is permission-denied', async () => {
    const missing = await failure(call('removeFromPlanning', { ...add('p-scope'), reason: 'Rà soát' }));
    expect(missing.code).toBe('not-found');
    expect(missing.details!.message!.en).toBe(
      'Person p-scope is not on planning list 2026-2031_18073_xa_chu_tich_ubnd',
    );
    const denied = await failure(
      call('removeFromPlanning', { ...add('p-vice'), reason: 'Rà soát' }, claims.commune18073, 'u-commune'),
    );
    expect(denied.code).toBe('permission-denied');
    expect(await planningOf('p-vice')).toHaveLength(1);
  });
});

describe('the annual review and the structure', () => {
  test('the review flags a KHT quarter and leaves the others unflagged; nobody is removed', async () => {
    await call('addToPlanning', add('p-kht', '18073', 'xa_bi_thu'));
    const r = await call('reviewPlanning', { term: '2026-2031' });
    expect(r).toEqual({ term: '2026-2031', year: 2027, lists: 3, changed: 3, flagged: 1 });
    const list = await listOf('2026-2031_18073_xa_bi_thu');
    expect(
      list!.entries.map((e: { cadreId: string; flags: unknown; reviewedOn: string }) => [
        e.cadreId,
        e.flags,
        e.reviewedOn,
      ]),
    ).toEqual([
      [
        'p-kht',
        [
          {
            code: 'kht',
            vi: 'Xếp loại không hoàn thành nhiệm vụ năm 2027 (2027-Q1).',
            en: 'Rated KHT (did not complete) in 2027 (2027-Q1).',
          },
        ],
        '2027-01-05',
      ],
    ]);
    expect((await listOf('2026-2031_18073_xa_chu_tich_ubnd'))!.entries[0].flags).toEqual([]);
    const audit = await auditOf('2026-2031_18073_xa_bi_thu');
    expect(audit.map((a) => [a.action, a.after])).toEqual([
      ['planning.add', { cadreIds: ['p-kht'], added: 'p-kht' }],
      ['planning.review', { flags: { 'p-kht': ['kht'] } }],
    ]);
    // Run again the same day: nothing changes, nothing is written.
    expect(await call('reviewPlanning', { term: '2026-2031' })).toEqual({
      term: '2026-2031',
      year: 2027,
      lists: 3,
      changed: 0,
      flagged: 1,
    });
    expect(
      (await failure(call('reviewPlanning', { term: '2026-2031' }, claims.commune18073, 'u-commune'))).code,
    ).toBe('permission-denied');
  });

  test('the yearly job reviews every province with lists, each term that has some', async () => {
    expect(await reviewEveryProvince(firestore())).toEqual([
      { term: '2026-2031', year: 2027, lists: 3, changed: 0, flagged: 1 },
    ]);
  });

  test('structure vs targets: the province and each commune for the admin, their commune for a commune admin', async () => {
    const admin = await call('getPlanningStructure', { term: '2026-2031' });
    expect(admin.province).toMatchObject({ unitCode: '42', term: '2026-2031', people: 5 });
    expect(admin.units.map((u: { unitCode: string; people: number }) => [u.unitCode, u.people])).toEqual([
      ['18073', 2],
      ['18100', 3],
    ]);
    const women = admin.province.figures.find((f: { id: string }) => f.id === 'women');
    expect(women).toEqual({
      id: 'women',
      vi: 'Cán bộ nữ',
      en: 'Women',
      count: 1,
      share: 0.2,
      minShare: 0.25,
      met: false,
      certainty: 'unconfirmed',
    });
    const commune = await call(
      'getPlanningStructure',
      { term: '2026-2031' },
      claims.commune18073,
      'u-commune',
    );
    expect(commune.province).toBeNull();
    expect(commune.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['18073']);
    const ethnic = commune.units[0].figures.find((f: { id: string }) => f.id === 'ethnicMinority');
    expect(ethnic).toEqual({
      id: 'ethnicMinority',
      vi: 'Dân tộc thiểu số',
      en: 'Ethnic minorities',
      count: 1,
      share: 0.5,
      minShare: 0.1,
      met: true,
      certainty: 'unconfirmed',
    });
  });

  test('an appointment of a planned person passes in_planning; of someone not planned it fails, overridable', async () => {
    const propose = (cadreId: string) =>
      call('proposeMovement', {
        type: 'appointment',
        cadreId,
        toUnitCode: '18073',
        toPositionId: 'xa_chu_tich_ubnd',
        startDate: '2027-02-01',
        reason: 'Bổ nhiệm Chủ tịch UBND',
      });
    const planned = await propose('p-vice');
    expect(planned.checks.find((x: { code: string }) => x.code === 'in_planning')).toMatchObject({
      outcome: 'pass',
      overridable: true,
    });
    const unplanned = await propose('p-scope');
    expect(unplanned.checks.find((x: { code: string }) => x.code === 'in_planning')).toMatchObject({
      outcome: 'fail',
      overridable: true,
      messageEn: 'The person is not planned for Chair, Commune People’s Committee or an equivalent post.',
    });
  });
});
