/**
 * Index requirements end to end: the test emulator checks queries against the repository's
 * firestore.indexes.json (test/setup/global-setup.ts); a project can be given its own
 * configuration through `PUT /emulator/v1/projects/{p}:indexes`. A query no index serves is
 * refused with FAILED_PRECONDITION over gRPC (Admin SDK) and REST (lite SDK), with the JSON
 * of the index to add.
 */
import {
  adminFirestore,
  closeClients,
  emulatorUrl,
  lite,
  liteFirestore,
  ourEmulatorOnly,
  uniqueProjectId,
} from '../helpers/firestore';

afterAll(closeClients);

async function setIndexes(projectId: string, body: unknown): Promise<number> {
  const res = await fetch(`${emulatorUrl()}/emulator/v1/projects/${projectId}:indexes`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
  return res.status;
}

const EXPECTED =
  'The query requires an index. Add this composite index to "indexes" in firestore.indexes.json: ' +
  '{"collectionGroup":"cities","queryScope":"COLLECTION","fields":[{"fieldPath":"state","order":"ASCENDING"},{"fieldPath":"population","order":"DESCENDING"}]}';

describe('index requirements', () => {
  ourEmulatorOnly(
    'a query without its composite index fails over gRPC and REST; declared, it runs',
    async () => {
      const projectId = uniqueProjectId('indexes');
      expect(await setIndexes(projectId, { indexes: [], fieldOverrides: [] })).toBe(200);
      const db = adminFirestore(projectId);
      await db.doc('cities/a').set({ state: 'CA', population: 5 });
      await db.doc('cities/b').set({ state: 'CA', population: 9 });
      await db.doc('cities/c').set({ state: 'NY', population: 7 });

      // Equalities alone are served by merging the automatic single-field indexes.
      const merged = await db
        .collection('cities')
        .where('state', '==', 'CA')
        .where('population', '==', 9)
        .get();
      expect(merged.docs.map((d) => d.id)).toEqual(['b']);

      const query = db.collection('cities').where('state', '==', 'CA').orderBy('population', 'desc');
      await expect(query.get()).rejects.toMatchObject({ code: 9, details: EXPECTED });
      await expect(query.count().get()).rejects.toMatchObject({ code: 9 });

      const client = liteFirestore(projectId);
      const liteQuery = lite.query(
        lite.collection(client, 'cities'),
        lite.where('state', '==', 'CA'),
        lite.orderBy('population', 'desc'),
      );
      await expect(lite.getDocs(liteQuery)).rejects.toMatchObject({ code: 'failed-precondition' });

      // The JSON in the message is what firestore.indexes.json takes.
      const index = JSON.parse(EXPECTED.slice(EXPECTED.indexOf('{'))) as unknown;
      expect(await setIndexes(projectId, { indexes: [index] })).toBe(200);
      expect((await query.get()).docs.map((d) => d.id)).toEqual(['b', 'a']);
      expect((await lite.getDocs(liteQuery)).docs.map((d) => d.id)).toEqual(['b', 'a']);
    },
  );

  ourEmulatorOnly(
    'enforce: false turns the check off for a project; a malformed file is refused',
    async () => {
      const projectId = uniqueProjectId('indexes-off');
      const db = adminFirestore(projectId);
      await db.doc('cities/a').set({ state: 'CA', population: 5 });
      expect(await setIndexes(projectId, { enforce: false })).toBe(200);
      const snap = await db
        .collection('cities')
        .where('state', '==', 'CA')
        .orderBy('population', 'desc')
        .get();
      expect(snap.size).toBe(1);
      expect(await setIndexes(projectId, { indexes: [{ collectionGroup: 'x', fields: [] }] })).toBe(400);
    },
  );

  ourEmulatorOnly("the test emulator enforces the repository's indexes by default", async () => {
    const db = adminFirestore(uniqueProjectId('indexes-default'));
    await db.doc('cities/a').set({ state: 'CA', population: 5 });
    await expect(
      db.collection('cities').where('state', '==', 'CA').orderBy('population', 'desc').get(),
    ).rejects.toMatchObject({ code: 9, details: EXPECTED });
  });
});
