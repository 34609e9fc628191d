/**
 * Personal dossiers against the emulator (issue 13, docs/personal-data.md):
 * getCadreDossier serves a private profile only to the roles, scopes and
 * purposes allowed, and every served read leaves exactly one access-log entry
 * (dossierReads) while every failed read — refused, unknown, invalid — leaves
 * none (entries counted before and after); the person's correction requests
 * and the province's decisions (the profile and the audit entry in one
 * transaction).
 */
import { dossierCollections } from '../../functions/src/data/dossiers';
import { collections } from '../../functions/src/data/refs';
import { fixedClock, systemClock } from '../../functions/src/lib/clock';
import { actorFrom } from '../../functions/src/lib/actor';
import { dossierUseCases } from '../../functions/src/services/dossiers';
import { DEFAULT_DOSSIER_SETTINGS } from '@canbo/model';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, profile, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('dossiers');

// Tuesday 1 December 2026, 09:00 in Vietnam.
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date('2026-12-01T02:00:00.000Z'));

let c: ReturnType<typeof collections>;
let d: ReturnType<typeof dossierCollections>;

const auditor = { role: 'auditor', province: '42' };
const monitor = { role: 'area_monitor', province: '42', communes: ['18073'] };
const self = (cadreId: string) => ({ role: 'cadre', province: '42', cadreId });
const purpose = (code: string, detail = 'Hồ sơ đề nghị số 12/TTr-UBND') => ({ code, detail });

/** The access-log entries about one person. */
const readsOf = async (cadreId: string) =>
  (await d.dossierReads.where('cadreId', '==', cadreId).get()).docs.map((x) => x.data());
const allReads = async () => (await d.dossierReads.get()).size;

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  d = dossierCollections(db);
  await writeProvince(
    db,
    [quota('18073', 32, 30)],
    [
      {
        cadre: person('c-read', '18073', 'xa_ke_toan'),
        profile: {
          ...profile({ seriousIllness: true }, [
            { relation: 'spouse', fullName: 'Trần Thị Hoa', birthYear: 1987, cadreId: null },
          ]),
          phone: '0912345678',
          discipline: [
            { level: 'reprimand', decidedOn: '2024-03-01', decisionNo: '5/QĐ-KL', reason: 'Chậm nộp' },
          ],
        },
      },
      { cadre: person('c-away', '18100', 'xa_ke_toan') },
      { cadre: person('c-self', '18073', 'xa_van_thu') },
      { cadre: person('c-corr', '18073', 'xa_van_thu') },
    ],
  );
  // A person with a record but no private profile.
  await c.cadres.doc('c-noprofile').set(person('c-noprofile', '18073', 'xa_van_thu'));
});

afterAll(cleanup);

describe('a served read leaves exactly one access-log entry', () => {
  test("a province admin reads for an appointment: the purpose's fields, and one entry saying who, when, what and why", async () => {
    expect(await readsOf('c-read')).toEqual([]);
    const view = await call(
      'getCadreDossier',
      { cadreId: 'c-read', purpose: purpose('appointment') },
      claims.admin,
      'u-admin',
    );
    expect(view.fields).toEqual(['nationalId', 'family', 'discipline', 'restrictions']);
    expect(Object.keys(view.content).sort()).toEqual(['discipline', 'family', 'nationalId', 'restrictions']);
    expect(view.content.nationalId).toBe('040085001234');
    expect(view.content.phone).toBeUndefined();
    expect(view.fullName).toBe('Cán bộ c-read');
    const reads = await readsOf('c-read');
    expect(reads).toEqual([
      {
        id: view.readId,
        cadreId: 'c-read',
        provinceCode: '42',
        communeCode: '18073',
        reader: { uid: 'u-admin', role: 'province_admin' },
        self: false,
        at: '2026-12-01T02:00:00.000Z',
        fields: ['nationalId', 'family', 'discipline', 'restrictions'],
        purpose: { code: 'appointment', detail: 'Hồ sơ đề nghị số 12/TTr-UBND' },
      },
    ]);
  });

  test('an auditor, a commune admin of the home commune and the person each add exactly one entry', async () => {
    const before = (await readsOf('c-read')).length;
    await call(
      'getCadreDossier',
      { cadreId: 'c-read', purpose: purpose('inspection', 'Thanh tra công vụ năm 2026'), fields: ['phone'] },
      auditor,
      'u-auditor',
    );
    await call(
      'getCadreDossier',
      { cadreId: 'c-read', purpose: purpose('movement') },
      claims.commune18073,
      'u-xa',
    );
    const mine = await call(
      'getCadreDossier',
      { cadreId: 'c-read', purpose: { code: 'self', detail: '' } },
      self('c-read'),
      'u-self',
    );
    expect(mine.content.phone).toBe('0912345678');
    const reads = await readsOf('c-read');
    expect(reads).toHaveLength(before + 3);
    const byReader = Object.fromEntries(reads.map((r) => [r.reader.uid, [r.reader.role, r.fields, r.self]]));
    expect(byReader['u-auditor']).toEqual(['auditor', ['phone'], false]);
    expect(byReader['u-xa']).toEqual(['commune_admin', ['family', 'discipline', 'restrictions'], false]);
    expect(byReader['u-self']).toEqual([
      'cadre',
      ['nationalId', 'phone', 'family', 'discipline', 'restrictions'],
      true,
    ]);
  });
});

describe('a failed read leaves no entry', () => {
  test('refused roles, purposes, scopes and fields, unknown people, missing profiles and invalid inputs', async () => {
    const before = await allReads();
    const attempts: [string, Promise<unknown>][] = [
      ['viewer', call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('movement') }, claims.viewer)],
      ['monitor', call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('movement') }, monitor)],
      [
        'other province',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('planning') }, claims.otherProvince),
      ],
      [
        'commune outside',
        call('getCadreDossier', { cadreId: 'c-away', purpose: purpose('movement') }, claims.commune18073),
      ],
      [
        'purpose of another role',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('inspection') }, claims.admin),
      ],
      [
        'self by an admin',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('self') }, claims.admin),
      ],
      [
        'someone else as self',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('self', '') }, self('c-self')),
      ],
      [
        'fields outside the purpose',
        call(
          'getCadreDossier',
          { cadreId: 'c-read', purpose: purpose('evaluation'), fields: ['phone'] },
          claims.admin,
        ),
      ],
      [
        'short detail',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('planning', 'xem') }, claims.admin),
      ],
      [
        'unknown purpose',
        call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('curiosity') }, claims.admin),
      ],
      [
        'unknown person',
        call('getCadreDossier', { cadreId: 'c-nobody', purpose: purpose('planning') }, claims.admin),
      ],
      [
        'no profile',
        call('getCadreDossier', { cadreId: 'c-noprofile', purpose: purpose('planning') }, claims.admin),
      ],
      ['not signed in', call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('planning') }, null)],
    ];
    const codes: Record<string, string> = {};
    for (const [name, attempt] of attempts) codes[name] = (await failure(attempt)).code;
    expect(codes).toEqual({
      viewer: 'permission-denied',
      monitor: 'permission-denied',
      'other province': 'permission-denied',
      'commune outside': 'permission-denied',
      'purpose of another role': 'permission-denied',
      'self by an admin': 'permission-denied',
      'someone else as self': 'permission-denied',
      'fields outside the purpose': 'invalid-argument',
      'short detail': 'invalid-argument',
      'unknown purpose': 'invalid-argument',
      'unknown person': 'not-found',
      'no profile': 'not-found',
      'not signed in': 'unauthenticated',
    });
    expect(await allReads()).toBe(before);
  });

  test('refusals say why in both languages', async () => {
    const viewer = await failure(
      call('getCadreDossier', { cadreId: 'c-read', purpose: purpose('movement') }, claims.viewer),
    );
    expect(viewer.details!.message).toEqual({
      vi: 'Vai trò commune_viewer không được xem hồ sơ cá nhân',
      en: 'role commune_viewer may not read personal dossiers',
    });
    const fields = await failure(
      call(
        'getCadreDossier',
        { cadreId: 'c-read', purpose: purpose('evaluation'), fields: ['discipline', 'phone'] },
        claims.admin,
      ),
    );
    expect(fields.details!.message).toEqual({
      vi: 'Mục đích "Đánh giá, xếp loại" không cần các trường: phone',
      en: 'the purpose "Evaluation" does not need the fields: phone',
    });
  });
});

describe('the read and its log entry are one transaction', () => {
  test('when the entry cannot be written, the profile is not served', async () => {
    const db = firestore();
    // The id the next entry will take is already used: the entry's create fails, so the transaction fails.
    await d.dossierReads.doc('dr-taken').set({
      id: 'dr-taken',
      cadreId: 'c-self',
      provinceCode: '42',
      communeCode: '18073',
      reader: { uid: 'u-earlier', role: 'auditor' },
      self: false,
      at: '2026-11-30T02:00:00.000Z',
      fields: ['phone'],
      purpose: { code: 'inspection', detail: 'Thanh tra công vụ năm 2026' },
    });
    const useCases = dossierUseCases(
      db,
      { clock: fixedClock('2026-12-01T02:00:00.000Z'), newId: () => 'dr-taken' },
      DEFAULT_DOSSIER_SETTINGS,
    );
    const actor = actorFrom({ uid: 'u-admin', token: claims.admin });
    await expect(
      useCases.getCadreDossier(actor, {
        cadreId: 'c-self',
        purpose: { code: 'planning', detail: 'Rà soát quy hoạch nhiệm kỳ' },
      }),
    ).rejects.toThrow();
    expect((await readsOf('c-self')).map((r) => r.reader.uid)).toEqual(['u-earlier']);
  });
});

describe('correction requests', () => {
  test('the person asks; the request is due in 2 working days and readable as open', async () => {
    const req = await call(
      'requestDossierCorrection',
      { field: 'phone', proposedValue: '0987654321', reason: 'Tôi đã đổi số điện thoại từ tháng 10' },
      self('c-corr'),
      'u-corr',
    );
    expect(req).toMatchObject({
      cadreId: 'c-corr',
      provinceCode: '42',
      communeCode: '18073',
      field: 'phone',
      status: 'open',
      requestedBy: 'u-corr',
      requestedAt: '2026-12-01T02:00:00.000Z',
      dueOn: '2026-12-03',
      responseWorkingDays: 2,
      decidedBy: null,
    });
    expect((await d.correctionRequests.doc(req.id).get()).data()!.status).toBe('open');
  });

  test('only a cadre requests, for themself', async () => {
    const err = await failure(
      call(
        'requestDossierCorrection',
        { field: 'phone', proposedValue: '0987654321', reason: 'Số điện thoại đã thay đổi' },
        claims.admin,
      ),
    );
    expect(err.code).toBe('permission-denied');
  });

  test('the province admin accepts: the profile field and the request change together, audited without values', async () => {
    const req = await call(
      'requestDossierCorrection',
      { field: 'nationalId', proposedValue: '040085009999', reason: 'Số CCCD ghi sai hai chữ số cuối' },
      self('c-corr'),
      'u-corr',
    );
    const commune = await failure(
      call(
        'decideDossierCorrection',
        { correctionId: req.id, decision: 'accept', note: 'Đúng theo CCCD' },
        claims.commune18073,
      ),
    );
    expect(commune.code).toBe('permission-denied');
    const done = await call(
      'decideDossierCorrection',
      { correctionId: req.id, decision: 'accept', note: 'Đã đối chiếu bản CCCD' },
      claims.admin,
      'u-admin',
    );
    expect(done).toMatchObject({ status: 'accepted', decidedBy: { uid: 'u-admin', role: 'province_admin' } });
    expect((await c.cadrePrivate('c-corr').get()).data()!.nationalId).toBe('040085009999');
    const audit = (await c.audit.where('target', '==', 'cadres/c-corr/private/profile').get()).docs.map((x) =>
      x.data(),
    );
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        'dossier.correctionAccepted',
        { correctionId: req.id, field: 'nationalId', status: 'open' },
        { correctionId: req.id, field: 'nationalId', status: 'accepted' },
      ],
    ]);
    expect(JSON.stringify(audit)).not.toContain('040085009999');
    const again = await failure(
      call(
        'decideDossierCorrection',
        { correctionId: req.id, decision: 'reject', note: 'Nhầm, từ chối lại' },
        claims.admin,
      ),
    );
    expect(again.code).toBe('failed-precondition');
  });

  test('a rejection needs a reason of 10 characters and leaves the profile as it was', async () => {
    const req = await call(
      'requestDossierCorrection',
      { field: 'family', proposedValue: 'Thêm con gái sinh năm 2015', reason: 'Hồ sơ thiếu con thứ hai' },
      self('c-corr'),
      'u-corr',
    );
    const short = await failure(
      call(
        'decideDossierCorrection',
        { correctionId: req.id, decision: 'reject', note: 'Không' },
        claims.admin,
      ),
    );
    expect(short.code).toBe('invalid-argument');
    const noValue = await failure(
      call(
        'decideDossierCorrection',
        { correctionId: req.id, decision: 'accept', note: 'Đồng ý' },
        claims.admin,
      ),
    );
    expect(noValue.code).toBe('invalid-argument');
    const rejected = await call(
      'decideDossierCorrection',
      { correctionId: req.id, decision: 'reject', note: 'Cần nộp giấy khai sinh của con' },
      claims.admin,
    );
    expect(rejected.status).toBe('rejected');
    expect(rejected.decisionNote).toBe('Cần nộp giấy khai sinh của con');
    expect((await c.cadrePrivate('c-corr').get()).data()!.family).toEqual([]);
  });

  test('an accepted family correction writes the structured value', async () => {
    const req = await call(
      'requestDossierCorrection',
      { field: 'family', proposedValue: 'Vợ: Lê Thị Mai, sinh 1990', reason: 'Hồ sơ chưa có thông tin vợ' },
      self('c-corr'),
      'u-corr',
    );
    const family = [{ relation: 'spouse', fullName: 'Lê Thị Mai', birthYear: 1990, cadreId: null }];
    await call(
      'decideDossierCorrection',
      { correctionId: req.id, decision: 'accept', value: family, note: 'Theo giấy đăng ký kết hôn' },
      claims.admin,
    );
    expect((await c.cadrePrivate('c-corr').get()).data()!.family).toEqual(family);
  });
});
