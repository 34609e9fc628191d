/**
 * The retention job against the emulator (issue 13, docs/personal-data.md
 * "Retention"): over small pages of separated people it marks the newly
 * separated, deletes the profiles whose period has ended (a tombstone and an
 * audit entry stay, never the values), unmarks people back in service, and a
 * dry run reports the same without writing. A deleted dossier answers
 * not-found with the reason.
 */
import { dossierCollections } from '../../functions/src/data/dossiers';
import { collections } from '../../functions/src/data/refs';
import { fixedClock, systemClock } from '../../functions/src/lib/clock';
import { randomId } from '../../functions/src/lib/deps';
import { dossierUseCases } from '../../functions/src/services/dossiers';
import { callableHarness, failure } from '../helpers/callable';
import { claims, person, quota, writeProvince } from '../helpers/province';
import { DEFAULT_DOSSIER_SETTINGS } from '@canbo/model';

const { call, firestore, cleanup } = callableHarness('dossier-retention');

const NOW = '2026-12-01T02:00:00.000Z';
jest.spyOn(systemClock, 'now').mockImplementation(() => new Date(NOW));

let c: ReturnType<typeof collections>;
let d: ReturnType<typeof dossierCollections>;

const job = (now = NOW) =>
  dossierUseCases(firestore(), { clock: fixedClock(now), newId: randomId }, DEFAULT_DOSSIER_SETTINGS);

const exists = async (id: string) => (await c.cadrePrivate(id).get()).exists;
const markOf = async (id: string) => (await d.dossierRetention.doc(id).get()).data();

beforeAll(async () => {
  const db = firestore();
  c = collections(db);
  d = dossierCollections(db);
  await writeProvince(
    db,
    [quota('18073', 32, 30)],
    [
      // Retired in 2020: past the 60 months → deleted at the first run.
      {
        cadre: person('r-old', '18073', 'xa_ke_toan', {
          status: 'retired',
          updatedAt: '2020-06-30T03:00:00.000Z',
        }),
      },
      // Left this year: marked, deleted in 2031.
      {
        cadre: person('r-new', '18073', 'xa_van_thu', {
          status: 'left',
          updatedAt: '2026-09-01T03:00:00.000Z',
        }),
      },
      // Retired in 2021, came back: marked by a run, then unmarked.
      {
        cadre: person('r-back', '18073', 'xa_van_thu', {
          status: 'retired',
          updatedAt: '2021-12-15T03:00:00.000Z',
        }),
      },
      { cadre: person('r-active', '18073', 'xa_van_thu') },
      // Another province's, retired long ago: the national job handles it, a province's preview does not.
      {
        cadre: person('r-other', '18073', 'xa_van_thu', {
          provinceCode: '40',
          status: 'retired',
          updatedAt: '2019-01-01T00:00:00.000Z',
        }),
      },
    ],
  );
});

afterAll(cleanup);

test("a province admin's preview is a dry run of their province: it reports and writes nothing", async () => {
  const report = await call('previewDossierRetention', {}, claims.admin);
  expect(report).toMatchObject({ dryRun: true, today: '2026-12-01', retentionMonths: 60 });
  expect(report.deleted).toEqual(['r-old']);
  expect([...report.marked].sort()).toEqual(['r-back', 'r-new']);
  expect(report.unmarked).toEqual([]);
  expect(await exists('r-old')).toBe(true);
  expect((await d.dossierRetention.get()).size).toBe(0);
  expect((await failure(call('previewDossierRetention', {}, { role: 'auditor', province: '42' }))).code).toBe(
    'permission-denied',
  );
});

test('the job in pages of 2: deletes the expired profile with a tombstone and an audit entry, marks the others', async () => {
  const report = await job().runRetention({ dryRun: false, pageSize: 2 });
  expect([...report.deleted].sort()).toEqual(['r-old', 'r-other']);
  expect([...report.marked].sort()).toEqual(['r-back', 'r-new']);
  // Four separated people in pages of 2 (2 + 2 + an empty last page), then the marks (2 + an empty page).
  expect(report.pages).toBe(5);
  expect(await exists('r-old')).toBe(false);
  expect(await exists('r-new')).toBe(true);
  expect(await exists('r-active')).toBe(true);
  expect(await markOf('r-old')).toMatchObject({
    state: 'deleted',
    provinceCode: '42',
    cadreStatus: 'retired',
    separatedOn: '2020-06-30',
    deleteOn: '2025-06-30',
    deletedAt: NOW,
    deletedFields: ['nationalId', 'phone', 'family', 'discipline', 'restrictions'],
  });
  expect(await markOf('r-new')).toMatchObject({
    state: 'marked',
    separatedOn: '2026-09-01',
    deleteOn: '2031-09-01',
  });
  const audit = (await c.audit.where('target', '==', 'cadres/r-old/private/profile').get()).docs.map((x) =>
    x.data(),
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({
    provinceCode: '42',
    actor: { uid: 'system:dossierRetention', role: 'system' },
    action: 'dossier.retentionDeleted',
    after: null,
    reason:
      'Xóa hồ sơ cá nhân khi hết thời hạn lưu trữ (60 tháng sau ngày 2020-06-30) / private dossier deleted when its retention ended (60 months after 2020-06-30)',
  });
  expect(JSON.stringify(audit[0])).not.toContain('040085001234');
});

test('a deleted dossier answers not-found with the reason, and no access-log entry', async () => {
  const err = await failure(
    call('getCadreDossier', {
      cadreId: 'r-old',
      purpose: { code: 'planning', detail: 'Rà soát quy hoạch 2026' },
    }),
  );
  expect(err.code).toBe('not-found');
  expect(err.details!.message!.en).toBe(
    'the private dossier of r-old was deleted when its retention period ended',
  );
  expect((await d.dossierReads.where('cadreId', '==', 'r-old').get()).size).toBe(0);
});

test('a second run changes nothing; a person back in service is unmarked; the period then deletes on its day', async () => {
  const again = await job().runRetention({ dryRun: false, pageSize: 2 });
  expect([again.marked, again.deleted, again.unmarked]).toEqual([[], [], []]);
  await c.cadres.doc('r-back').update({ status: 'active', updatedAt: NOW });
  const back = await job().runRetention({ dryRun: false, pageSize: 2 });
  expect(back.unmarked).toEqual(['r-back']);
  expect(await markOf('r-back')).toBeUndefined();
  expect(await exists('r-back')).toBe(true);
  const before = await job('2031-08-31T02:00:00.000Z').runRetention({ dryRun: true });
  expect(before.deleted).toEqual([]);
  const onTheDay = await job('2031-09-01T02:00:00.000Z').runRetention({ dryRun: false });
  expect(onTheDay.deleted).toEqual(['r-new']);
  expect(await exists('r-new')).toBe(false);
});
