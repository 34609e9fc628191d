/**
 * generateReport and the report's job against the emulator (issue 13,
 * docs/reports.md): who may ask for which scope, a commune's biên chế report
 * answered at once and stored, a province's evaluation report run as a job
 * a page of units at a time with exact progress, a step that crashes half-way
 * and is retried recording each page once, and a failed commune report.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { collections } from '../../functions/src/data/refs';
import type { Actor } from '../../functions/src/lib/actor';
import { fixedClock } from '../../functions/src/lib/clock';
import {
  generateReport,
  LocalReportQueue,
  reportDeps,
  runReportStep,
  type ReportDeps,
} from '../../functions/src/services/reports';
import { callableHarness, failure } from '../helpers/callable';
import { claims, evaluation, person, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('reports');

const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };
let db: Firestore;
let seq = 0;
const newDeps = (queue: LocalReportQueue, pageSize?: number): ReportDeps => ({
  ...reportDeps(db, { clock: fixedClock('2026-12-01T03:00:00.000Z'), newId: (p) => `${p}-t${++seq}` }, queue),
  pageSize,
});

beforeAll(async () => {
  db = firestore();
  await writeProvince(
    db,
    [
      quota('18073', 32, 2, { year: 2026 }),
      quota('18073', 17, 0, { year: 2026, block: 'party' }),
      quota('18100', 30, 1, { year: 2026 }),
    ],
    [
      { cadre: person('18073-001', '18073', 'xa_chu_tich_ubnd') },
      { cadre: person('18073-002', '18073', 'xa_ke_toan') },
      { cadre: person('18100-001', '18100', 'xa_ke_toan') },
    ],
  );
  await call('rebuildUnitStats', {});
  const c = collections(db);
  const batch = db.batch();
  const results: [string, string, 'HTXS' | 'HTT' | 'HT' | 'KHT' | null][] = [
    ['18073-001', '18073', 'HTXS'],
    ['18073-002', '18073', 'HTT'],
    ['18100-001', '18100', 'KHT'],
    ['42-001', '42', 'HT'],
    ['18115-001', '18115', null],
  ];
  for (const [id, unit, level] of results)
    batch.set(
      c.evaluations.doc(`2026-Q3_${id}`),
      evaluation(id, '2026-Q3', {
        unitCode: unit,
        communeCode: unit.length === 5 ? unit : null,
        level,
        scoreLevel: level,
        rated: level !== null,
        ...(level === null ? { total: null, tasks: null } : {}),
      }),
    );
  // Another quarter is not counted.
  batch.set(c.evaluations.doc('2026-Q2_18073-001'), evaluation('18073-001', '2026-Q2', { level: 'KHT' }));
  await batch.commit();
});

afterAll(cleanup);

test('a commune admin gets their commune’s biên chế report at once; it is stored succeeded with its table', async () => {
  const answer = await call(
    'generateReport',
    { kind: 'staffing', scope: 'commune', year: 2026 },
    claims.commune18073,
    'u-commune',
  );
  expect(answer.state).toBe('succeeded');
  expect(answer.progress).toEqual({ done: 1, total: 1 });
  expect(answer.table.unitName).toBe('Phường Thành Sen');
  expect(answer.table.groups.map((g: { key: string }) => g.key)).toEqual(['xa']);
  expect(answer.table.total.cells).toEqual([
    32, 2, 0, 0, 30, 17, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 49, 2, 0, 0, 47,
  ]);
  const stored = (await db.doc(`reports/${answer.id}`).get()).data();
  expect(stored).toMatchObject({
    kind: 'staffing',
    scope: 'commune',
    provinceCode: '42',
    communeCode: '18073',
    state: 'succeeded',
    startedBy: 'u-commune',
    parts: 0,
    params: { year: 2026, from: null, to: null, quarter: null },
  });
  expect(stored?.table.total.cells[20]).toBe(49);
});

test('refusals: unknown fields and missing parameters, another commune, the province scope for commune roles, cadres', async () => {
  expect(
    (await failure(call('generateReport', { kind: 'staffing', scope: 'commune', year: 2026, x: 1 }))).code,
  ).toBe('invalid-argument');
  const noYear = await failure(call('generateReport', { kind: 'staffing', scope: 'province' }));
  expect(noYear.code).toBe('invalid-argument');
  expect(noYear.details?.fields?.map((f) => f.path)).toEqual(['year']);
  const backwards = await failure(
    call('generateReport', { kind: 'movements', scope: 'province', from: '2026-12-01', to: '2026-01-01' }),
  );
  expect(backwards.details?.fields?.map((f) => f.path)).toEqual(['to']);
  for (const [input, token] of [
    [{ kind: 'staffing', scope: 'commune', communeCode: '18100', year: 2026 }, claims.commune18073],
    [{ kind: 'staffing', scope: 'province', year: 2026 }, claims.commune18073],
    [
      { kind: 'staffing', scope: 'province', year: 2026 },
      { role: 'cadre', province: '42', cadreId: '18073-001' },
    ],
  ] as const)
    expect((await failure(call('generateReport', input, token))).code).toBe('permission-denied');
});

test('a province report is a job: created running, then a page of units at a time with exact progress, then the table', async () => {
  const queue = new LocalReportQueue();
  const deps = newDeps(queue, 2);
  const started = await generateReport(deps, admin, {
    kind: 'evaluations',
    scope: 'province',
    quarter: '2026-Q3',
  });
  // Units 42, 18073, 18100, 18115: two pages of two.
  expect(started).toEqual({
    id: 'report-42-t1',
    state: 'running',
    progress: { done: 0, total: 4 },
    table: null,
  });
  expect(queue.pending).toEqual([{ reportId: 'report-42-t1', step: 0 }]);
  expect((await db.doc('reports/report-42-t1').get()).data()).toMatchObject({
    state: 'running',
    startedBy: 'u-admin',
  });
  expect(await queue.drain(deps)).toBe(1);
  const done = (await db.doc('reports/report-42-t1').get()).data();
  expect(done).toMatchObject({ state: 'succeeded', progress: { done: 4, total: 4 }, parts: 0, error: null });
  expect(done?.table.unitName).toBe('Tỉnh Hà Tĩnh');
  expect(
    done?.table.groups.map((g: { rows: { label: { vi: string }; cells: unknown[] }[] }) =>
      g.rows.map((r) => [r.label.vi, ...r.cells]),
    ),
  ).toEqual([
    [['Tỉnh Hà Tĩnh', 1, 0, 0, 1, 0, 0, 0]],
    [
      ['Phường Bắc Hồng Lĩnh', 1, 0, 0, 0, 0, 1, null],
      ['Phường Thành Sen', 2, 1, 1, 0, 0, 0, 100],
      ['Phường Trần Phú', 1, 0, 0, 0, 1, 0, 0],
    ],
  ]);
  expect(done?.table.total.cells).toEqual([5, 1, 1, 1, 1, 1, 50]);
  const pages = await db.collection('reports/report-42-t1/pages').get();
  expect(pages.docs.map((d) => [d.id, d.get('units')])).toEqual([
    ['0000', ['18073', '18100']],
    ['0001', ['18115', '42']],
  ]);
});

test('a step that crashes after its first page is retried: each page is recorded once, the progress counts each unit once', async () => {
  const queue = new LocalReportQueue();
  const deps = newDeps(queue, 1);
  const { id } = await generateReport(deps, admin, {
    kind: 'evaluations',
    scope: 'province',
    quarter: '2026-Q3',
  });
  const real = deps.reports.levels.bind(deps.reports);
  const levels = jest.spyOn(deps.reports, 'levels').mockImplementationOnce(real);
  levels.mockRejectedValueOnce(new Error('deadline exceeded'));
  await expect(runReportStep(deps, id)).rejects.toThrow('deadline exceeded');
  expect((await db.doc(`reports/${id}`).get()).data()).toMatchObject({
    state: 'running',
    progress: { done: 1, total: 4 },
  });
  levels.mockRestore();
  await runReportStep(deps, id);
  const done = (await db.doc(`reports/${id}`).get()).data();
  expect(done).toMatchObject({ state: 'succeeded', progress: { done: 4, total: 4 } });
  expect(done?.table.total.cells).toEqual([5, 1, 1, 1, 1, 1, 50]);
  expect((await db.collection(`reports/${id}/pages`).get()).size).toBe(4);
  // A step dispatched again after the end does nothing.
  expect((await runReportStep(deps, id)).state).toBe('succeeded');
});

test('a commune report whose source fails is stored failed with the error, and the caller is told', async () => {
  const deps = newDeps(new LocalReportQueue());
  jest.spyOn(deps.reports, 'unitStats').mockRejectedValueOnce(new Error('unavailable'));
  const commune: Actor = {
    uid: 'u-c',
    role: 'commune_admin',
    province: '42',
    communes: ['18073'],
    cadreId: null,
  };
  await expect(
    generateReport(deps, commune, { kind: 'staffing', scope: 'commune', year: 2026 }),
  ).rejects.toThrow('unavailable');
  const stored = await db.collection('reports').where('startedBy', '==', 'u-c').get();
  expect(stored.docs.map((d) => [d.get('state'), d.get('error')])).toEqual([['failed', 'unavailable']]);
});

test('a commune’s planning structure and its monitors’ activity come from the planning lists and the work log', async () => {
  const entry = (cadreId: string, birthDate: string, gender: 'male' | 'female') => ({
    cadreId,
    fullName: cadreId,
    gender,
    birthDate,
    ethnicMinority: false,
    fromUnitCode: '18073',
    addedOn: '2026-03-01',
    addedBy: 'u',
    reason: 'NQ 1',
    flags: [],
    reviewedOn: null,
  });
  await db.doc('planning/2026-2031_18073_xa_chu_tich_ubnd').set({
    id: '2026-2031_18073_xa_chu_tich_ubnd',
    provinceCode: '42',
    communeCode: '18073',
    term: '2026-2031',
    unitCode: '18073',
    positionId: 'xa_chu_tich_ubnd',
    level: 'commune',
    rank: 5,
    entries: [entry('18073-001', '1990-01-01', 'female'), entry('18073-002', '1970-01-01', 'male')],
    cadreIds: ['18073-001', '18073-002'],
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
  const log = (id: string, kind: string, date: string, followUp: string | null) => ({
    id,
    provinceCode: '42',
    communeCode: '18073',
    monitorUid: 'mon-a',
    kind,
    date,
    field: 'government',
    summary: 's',
    followUp,
    dueDate: null,
    history: [],
    createdAt: '2026-08-01T00:00:00.000Z',
    updatedAt: '2026-08-01T00:00:00.000Z',
    updatedBy: 'u',
  });
  await db.doc('monitorLog/l1').set(log('l1', 'visit', '2026-08-01', null));
  await db.doc('monitorLog/l2').set(log('l2', 'finding', '2026-09-01', 'open'));
  await db.doc('monitorLog/l3').set(log('l3', 'visit', '2026-10-01', null));

  const planning = await call(
    'generateReport',
    { kind: 'planning', scope: 'commune', term: '2026-2031' },
    claims.commune18073,
  );
  expect(planning.state).toBe('succeeded');
  expect(planning.table.groups[0].rows[0].label.vi).toBe('Phường Thành Sen');
  // Two people: one woman, one of the three age bands each for the young and the older.
  expect(planning.table.groups[0].rows[0].cells[0]).toBe(2);
  expect(planning.table.total.cells.slice(9, 11)).toEqual([1, 50]);

  const monitors = await call(
    'generateReport',
    { kind: 'monitors', scope: 'commune', quarter: '2026-Q3' },
    claims.commune18073,
  );
  expect(
    monitors.table.groups.map((g: { label: { vi: string }; rows: { cells: number[] }[] }) => [
      g.label.vi,
      g.rows.map((r) => r.cells),
    ]),
  ).toEqual([['Cán bộ theo dõi: mon-a', [[1, 1, 0, 1, 0]]]]);
});
