/**
 * The data layer against the emulator: converters refuse corrupt documents on
 * read and invalid ones on write, repositories work inside a transaction, and
 * seeding twice duplicates nothing.
 */
import { CorruptDocumentError } from '../../functions/src/data/converter';
import { repositories } from '../../functions/src/data/repositories';
import { fixedClock } from '../../functions/src/lib/clock';
import { seedProvince } from '../../scripts/seed/seed';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { profile } from '../helpers/province';

afterAll(closeClients);

describe('converters', () => {
  const db = adminFirestore(uniqueProjectId('converters'));
  const { collections: c, quotas } = repositories(db);
  const quota = {
    provinceCode: '42',
    communeCode: '18073',
    unitCode: '18073',
    block: 'government' as const,
    year: 2026,
    allocated: 32,
    status: 'final' as const,
    decision: null,
    filled: 30,
    reservedForReturn: 1,
    incoming: 0,
    updatedAt: '2026-11-25T08:00:00.000Z',
  };

  test('a document written without the converter and missing fields is refused on read', async () => {
    await db.doc('quotas/18073_government_2026').set({ ...quota, allocated: 'thirty-two' });
    await expect(
      c.quotas
        .doc('18073_government_2026')
        .get()
        .then((s) => s.data()),
    ).rejects.toThrow(CorruptDocumentError);
    // Converters run when data() is called; a query hands back the same error per document.
    await expect(
      c.quotas
        .where('communeCode', '==', '18073')
        .get()
        .then((q) => q.docs.map((d) => d.data())),
    ).rejects.toThrow(/allocated/);
  });

  test('a document stored under the wrong id is corrupt', async () => {
    await db.doc('quotas/18073_party_2026').set(quota); // the data says government
    await expect(
      c.quotas
        .doc('18073_party_2026')
        .get()
        .then((s) => s.data()),
    ).rejects.toThrow(/stored under id/);
  });

  test('an invalid value is refused on write and nothing is stored', async () => {
    // The converter throws before any request is sent.
    expect(() =>
      c.quotas
        .doc('18100_government_2026')
        .set({ ...quota, unitCode: '18100', communeCode: '18100', filled: -3 }),
    ).toThrow(CorruptDocumentError);
    expect((await db.doc('quotas/18100_government_2026').get()).exists).toBe(false);
  });

  test('repositories read and write inside one transaction', async () => {
    await c.quotas.doc('18115_government_2026').set({ ...quota, unitCode: '18115', communeCode: '18115' });
    await db.runTransaction(async (tx) => {
      const q = await quotas.find('18115', 'government', 2026, tx);
      expect(q?.filled).toBe(30);
      quotas.save(tx, { ...q!, filled: q!.filled + 1 });
    });
    expect((await c.quotas.doc('18115_government_2026').get()).data()!.filled).toBe(31);
  });

  test('a profile stores the ids of its relatives in the system, whatever the writer sent', async () => {
    const family = [
      { relation: 'spouse' as const, fullName: 'Lê Thị B', birthYear: 1987, cadreId: 'c-b' },
      { relation: 'child' as const, fullName: 'Trần Văn C', birthYear: 2012, cadreId: null },
      { relation: 'parent_in_law' as const, fullName: 'Lê Văn A', birthYear: 1960, cadreId: 'c-a' },
    ];
    await c.cadrePrivate('c-x').set({ ...profile({}, family), familyCadreIds: ['c-stale'] });
    expect((await db.doc('cadres/c-x/private/profile').get()).get('familyCadreIds')).toEqual(['c-a', 'c-b']);
    await c.cadrePrivate('c-y').set(profile({}, family.slice(0, 2)));
    expect((await db.doc('cadres/c-y/private/profile').get()).get('familyCadreIds')).toEqual(['c-b']);
  });
});

describe('the audit log', () => {
  const db = adminFirestore(uniqueProjectId('audit'));
  const ids = ['audit-1', 'audit-2'];
  const { audit, collections: c } = repositories(db, {
    clock: fixedClock('2026-11-25T08:00:00.000Z'),
    newId: () => ids.shift()!,
  });
  const record = {
    actor: { uid: 'u-admin', role: 'province_admin', province: '42' },
    action: 'movement.cancel',
    target: 'movements/m1',
    before: { status: 'approved', note: undefined },
    after: { status: 'cancelled' },
    reason: 'Rút đề xuất',
  };

  test('an entry is written with its transaction, or not at all', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        audit.append(tx, record);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await c.audit.doc('audit-1').get()).exists).toBe(false);

    await db.runTransaction(async (tx) => {
      audit.append(tx, record);
    });
    expect((await c.audit.doc('audit-2').get()).data()).toEqual({
      id: 'audit-2',
      provinceCode: '42',
      actor: { uid: 'u-admin', role: 'province_admin' },
      action: 'movement.cancel',
      target: 'movements/m1',
      before: { status: 'approved' },
      after: { status: 'cancelled' },
      reason: 'Rút đề xuất',
      at: '2026-11-25T08:00:00.000Z',
    });
  });
});

test('seeding twice gives the same documents and duplicates nothing', async () => {
  const projectId = uniqueProjectId('seed');
  const db = adminFirestore(projectId);
  const options = { provinceCode: '12', scale: 0.1, seed: 3, asOf: '2026-11-25' };
  const stages: string[] = [];
  const first = await seedProvince(db, options, (stage) => stages.push(stage));
  expect(stages.some((s) => s.includes('writing'))).toBe(true);
  const count = async (collection: string) => (await db.collection(collection).count().get()).data().count;
  const sizes = {
    units: await count('units'),
    cadres: await count('cadres'),
    movements: await count('movements'),
    ratings: await count('ratings'),
  };
  expect(sizes.units).toBe(first.counts.units);
  expect(sizes.cadres).toBe(first.counts.cadres);
  expect(sizes.units).toBeGreaterThan(3355);
  const before = (await db.collection('cadres').orderBy('__name__').limit(5).get()).docs.map((d) => d.data());
  await seedProvince(db, options);
  expect({
    units: await count('units'),
    cadres: await count('cadres'),
    movements: await count('movements'),
    ratings: await count('ratings'),
  }).toEqual(sizes);
  const after = (await db.collection('cadres').orderBy('__name__').limit(5).get()).docs.map((d) => d.data());
  expect(after).toEqual(before);
  expect((await db.collectionGroup('private').count().get()).data().count).toBe(first.counts.cadres);
  // The seed flags alerts as the daily job would, as of its date.
  const endingSoon = await db
    .collection('movements')
    .where('flags', 'array-contains', 'ending_soon')
    .count()
    .get();
  expect(endingSoon.data().count).toBe(first.counts['alerts: ending soon']);
  expect(first.counts['alerts: ending soon']).toBeGreaterThan(0);
});
