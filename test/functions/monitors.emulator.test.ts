/**
 * The area monitors' callables (issue 13, docs/monitors.md) through
 * firebase-functions-test against the emulator: assignments and their
 * history, a reassignment that closes a commune to the monitor at once
 * (the same ID token is refused on its very next call), the work log and its
 * follow-up, the periodic report, and who may do what.
 */
import type { Role } from '@canbo/model';
import { collections } from '../../functions/src/data/refs';
import { callableHarness, failure } from '../helpers/callable';
import { claims, quota, writeProvince } from '../helpers/province';

const { call, firestore, cleanup } = callableHarness('monitors');

afterAll(cleanup);

const scope = (uid: string, role: Role, communes: string[], provinceCode = '42') => ({
  uid,
  role,
  provinceCode,
  communes,
  cadreId: null,
  version: 1,
  claimsAppliedVersion: 1,
  claimsPending: false,
  updatedAt: '2026-11-01T08:00:00.000Z',
  updatedBy: 'u-admin',
});

/** Tokens as Auth issued them before any change: A's names 18073 and 18115, B's nothing. */
const TOKEN_A = { role: 'area_monitor', province: '42', communes: ['18073', '18115'] };
const TOKEN_B = { role: 'area_monitor', province: '42' };

beforeAll(async () => {
  const db = firestore();
  await writeProvince(db, [quota('18073', 32, 2)], []);
  const c = collections(db);
  await c.userScopes.doc('u-mon-a').set(scope('u-mon-a', 'area_monitor', ['18073', '18115']));
  await c.userScopes.doc('u-mon-b').set(scope('u-mon-b', 'area_monitor', []));
  await c.userScopes.doc('u-mon-c').set(scope('u-mon-c', 'area_monitor', []));
  await c.userScopes.doc('u-commune').set(scope('u-commune', 'commune_admin', ['18073']));
});

const visit = (communeCode: string, extra: Record<string, unknown> = {}) => ({
  communeCode,
  kind: 'visit',
  date: '2026-11-20',
  field: 'government',
  summary: 'Làm việc với UBND xã về bộ phận một cửa',
  ...extra,
});

describe('assignMonitor', () => {
  test('a province admin assigns communes and fields; the next assignment closes the previous one', async () => {
    const first = await call('assignMonitor', {
      monitorUid: 'u-mon-c',
      communes: ['18100'],
      fields: ['party_building', 'government'],
      decision: 'QĐ 12-QĐ/TU',
      reason: 'Phân công theo dõi địa bàn năm 2026',
    });
    expect(first).toMatchObject({
      provinceCode: '42',
      monitorUid: 'u-mon-c',
      communes: ['18100'],
      fields: ['party_building', 'government'],
      to: null,
      decision: 'QĐ 12-QĐ/TU',
      decidedBy: 'u-admin',
      endedBy: null,
    });
    const second = await call('assignMonitor', {
      monitorUid: 'u-mon-c',
      communes: ['18100', '18115'],
      fields: ['socio_economic'],
      reason: 'Bổ sung xã',
    });
    const db = firestore();
    const closed = (await db.doc(`monitorAssignments/${first.id}`).get()).data();
    // Both began today: the first is superseded the same day.
    expect(closed).toMatchObject({ to: first.from, endedBy: 'u-admin', endReason: 'Bổ sung xã' });
    expect(second).toMatchObject({ communes: ['18100', '18115'], fields: ['socio_economic'], to: null });
    const s = (await collections(db).userScopes.doc('u-mon-c').get()).data();
    expect(s).toMatchObject({
      communes: ['18100', '18115'],
      version: 3,
      claimsAppliedVersion: 3,
      claimsPending: false,
    });
    const audit = await db.collection('audit').where('action', '==', 'monitor.assign').get();
    expect(audit.docs.map((d) => d.get('target')).sort()).toEqual(
      [`monitorAssignments/${first.id}`, `monitorAssignments/${second.id}`].sort(),
    );
  });

  test('only province admins assign, only area monitors of the province, only communes of the province', async () => {
    const input = { monitorUid: 'u-mon-c', communes: ['18100'], fields: ['government'], reason: 'Phân công' };
    expect((await failure(call('assignMonitor', input, TOKEN_A, 'u-mon-a'))).code).toBe('permission-denied');
    expect((await failure(call('assignMonitor', input, { role: 'auditor', province: '42' }))).code).toBe(
      'permission-denied',
    );
    const notMonitor = await failure(call('assignMonitor', { ...input, monitorUid: 'u-commune' }));
    expect(notMonitor.code).toBe('failed-precondition');
    expect(notMonitor.details?.message).toEqual({
      vi: 'Tài khoản u-commune không phải cán bộ theo dõi địa bàn của tỉnh',
      en: 'account u-commune is not an area monitor of the province',
    });
    const otherProvince = await failure(call('assignMonitor', input, claims.otherProvince, 'u-admin-40'));
    // Province 40's admin: 18100 is not a commune of theirs (checked before the monitor).
    expect(otherProvince.code).toBe('permission-denied');
    expect(otherProvince.details?.message?.en).toBe('commune 18100 is not in your province');
    const otherMonitor = await failure(
      call('assignMonitor', { ...input, communes: [] }, claims.otherProvince, 'u-admin-40'),
    );
    expect(otherMonitor.code).toBe('failed-precondition');
    expect((await failure(call('assignMonitor', { ...input, communes: ['18999'] }))).code).toBe('not-found');
    const badField = await failure(call('assignMonitor', { ...input, fields: ['sports'] }));
    expect(badField.code).toBe('invalid-argument');
    expect(badField.details?.fields?.map((f) => f.path)).toEqual(['fields.0']);
  });
});

describe('a reassigned commune is closed to the monitor at once', () => {
  test('A records in 18073; 18073 moves to B; A’s very next call with the same token is refused', async () => {
    const entry = await call(
      'recordMonitorEntry',
      visit('18073', { kind: 'recommendation', dueDate: '2026-12-31' }),
      TOKEN_A,
      'u-mon-a',
    );
    expect(entry).toMatchObject({ communeCode: '18073', monitorUid: 'u-mon-a', followUp: 'open' });

    const moved = await call('reassignMonitorCommune', {
      communeCode: '18073',
      fromUid: 'u-mon-a',
      toUid: 'u-mon-b',
      reason: 'Điều chỉnh địa bàn',
    });
    expect(moved.from).toMatchObject({ monitorUid: 'u-mon-a', communes: ['18115'] });
    expect(moved.to).toMatchObject({ monitorUid: 'u-mon-b', communes: ['18073'] });

    // The same token as before, which still names 18073.
    const refused = await failure(call('recordMonitorEntry', visit('18073'), TOKEN_A, 'u-mon-a'));
    expect(refused.code).toBe('permission-denied');
    expect(refused.details?.message).toEqual({
      vi: 'Anh/chị không được phân công theo dõi xã 18073',
      en: 'you are not assigned to monitor commune 18073',
    });
    const update = await failure(
      call('updateMonitorEntry', { id: entry.id, followUp: 'done' }, TOKEN_A, 'u-mon-a'),
    );
    expect(update.code).toBe('permission-denied');
    // Every other callable authorises A by the same scope document (api/handler.ts: withCurrentScope).
    const quotaOf18073 = { unitCode: '18073', block: 'government', year: 2027 };
    expect((await failure(call('checkQuota', quotaOf18073, TOKEN_A, 'u-mon-a'))).code).toBe(
      'permission-denied',
    );
    expect(await call('checkQuota', quotaOf18073, TOKEN_B, 'u-mon-b')).toMatchObject({
      allocated: 32,
      filled: 2,
    });
    // A keeps 18115.
    expect(await call('recordMonitorEntry', visit('18115'), TOKEN_A, 'u-mon-a')).toMatchObject({
      communeCode: '18115',
    });

    // B, whose token names no commune, takes over 18073 and its open recommendation.
    expect(await call('recordMonitorEntry', visit('18073'), TOKEN_B, 'u-mon-b')).toMatchObject({
      communeCode: '18073',
      monitorUid: 'u-mon-b',
      followUp: null,
    });
    const progressed = await call(
      'updateMonitorEntry',
      { id: entry.id, followUp: 'in_progress', note: 'Xã đã lập kế hoạch' },
      TOKEN_B,
      'u-mon-b',
    );
    expect(progressed.followUp).toBe('in_progress');
    expect(progressed.history.map((h: { state: string; by: string }) => [h.state, h.by])).toEqual([
      ['open', 'u-mon-a'],
      ['in_progress', 'u-mon-b'],
    ]);

    // Moving a commune the giver does not follow is refused.
    const again = await failure(
      call('reassignMonitorCommune', {
        communeCode: '18073',
        fromUid: 'u-mon-a',
        toUid: 'u-mon-b',
        reason: 'Lần nữa',
      }),
    );
    expect(again.code).toBe('failed-precondition');
    expect(again.details?.message?.en).toBe('monitor u-mon-a does not follow commune 18073 now');
  });
});

describe('the work log', () => {
  test('entries are checked: no future date, a due date only on a recommendation and not before it', async () => {
    const future = await failure(
      call('recordMonitorEntry', visit('18115', { date: '2099-01-01' }), TOKEN_A, 'u-mon-a'),
    );
    expect(future.code).toBe('invalid-argument');
    expect(future.details?.message?.en).toBe('the date 2099-01-01 is in the future');
    const due = await failure(
      call('recordMonitorEntry', visit('18115', { dueDate: '2026-12-01' }), TOKEN_A, 'u-mon-a'),
    );
    expect(due.details?.message?.en).toBe('only a recommendation has a due date');
    const early = await failure(
      call(
        'recordMonitorEntry',
        visit('18115', { kind: 'recommendation', dueDate: '2026-11-19' }),
        TOKEN_A,
        'u-mon-a',
      ),
    );
    expect(early.details?.message?.en).toBe('the due date must be on or after the date recorded');
    const unknown = await failure(
      call('recordMonitorEntry', { ...visit('18115'), extra: 1 }, TOKEN_A, 'u-mon-a'),
    );
    expect(unknown.code).toBe('invalid-argument');
  });

  test('a visit has no follow-up; province admins and commune staff do not write the log', async () => {
    const v = await call('recordMonitorEntry', visit('18115'), TOKEN_A, 'u-mon-a');
    const noFollowUp = await failure(
      call('updateMonitorEntry', { id: v.id, followUp: 'done' }, TOKEN_A, 'u-mon-a'),
    );
    expect(noFollowUp.code).toBe('failed-precondition');
    expect((await failure(call('recordMonitorEntry', visit('18115')))).code).toBe('permission-denied');
    expect(
      (await failure(call('recordMonitorEntry', visit('18073'), claims.commune18073, 'u-commune'))).code,
    ).toBe('permission-denied');
    expect(
      (await failure(call('updateMonitorEntry', { id: 'ml-none', followUp: 'done' }, TOKEN_A, 'u-mon-a')))
        .code,
    ).toBe('not-found');
  });
});

describe('getMonitorReport', () => {
  test('per commune: visits, findings, recommendations, open and done; own report or the province’s', async () => {
    const rec = await call(
      'recordMonitorEntry',
      visit('18100', { kind: 'finding', date: '2026-11-05' }),
      { role: 'area_monitor', province: '42' },
      'u-mon-c',
    );
    await call(
      'recordMonitorEntry',
      visit('18100', { kind: 'finding', date: '2026-11-06' }),
      TOKEN_B,
      'u-mon-c',
    );
    await call('updateMonitorEntry', { id: rec.id, followUp: 'done' }, TOKEN_B, 'u-mon-c');
    await call('recordMonitorEntry', visit('18100', { date: '2026-10-30' }), TOKEN_B, 'u-mon-c');
    await call('recordMonitorEntry', visit('18115', { date: '2026-11-30' }), TOKEN_B, 'u-mon-c');

    const own = await call('getMonitorReport', { period: '2026-11' }, TOKEN_B, 'u-mon-c');
    expect(own).toEqual({
      monitorUid: 'u-mon-c',
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        { communeCode: '18100', visits: 0, findings: 2, recommendations: 0, open: 1, done: 1 },
        { communeCode: '18115', visits: 1, findings: 0, recommendations: 0, open: 0, done: 0 },
      ],
      totals: { visits: 1, findings: 2, recommendations: 0, open: 1, done: 1 },
    });
    const quarter = await call('getMonitorReport', { monitorUid: 'u-mon-c', period: '2026-Q4' });
    expect(quarter.totals).toEqual({ visits: 2, findings: 2, recommendations: 0, open: 1, done: 1 });
    expect(quarter.from).toBe('2026-10-01');
    expect(quarter.to).toBe('2026-12-31');

    expect(
      (
        await failure(
          call('getMonitorReport', { monitorUid: 'u-mon-a', period: '2026-11' }, TOKEN_B, 'u-mon-c'),
        )
      ).code,
    ).toBe('permission-denied');
    expect((await failure(call('getMonitorReport', { period: '2026-11' }))).code).toBe('invalid-argument');
    expect((await failure(call('getMonitorReport', { monitorUid: 'u-mon-c', period: '2026-13' }))).code).toBe(
      'invalid-argument',
    );
    expect(
      (
        await failure(
          call('getMonitorReport', { monitorUid: 'u-mon-c', period: '2026-11' }, claims.otherProvince, 'u-x'),
        )
      ).code,
    ).toBe('not-found');
  });
});
