/** checkQuota's default year is the current year of Vietnam's calendar, from the injected clock. */
import type { Actor } from '../../functions/src/lib/actor';
import { fixedClock } from '../../functions/src/lib/clock';
import { randomId } from '../../functions/src/lib/deps';
import { useCaseDeps } from '../../functions/src/services';
import { checkQuota } from '../../functions/src/services/movements';
import { adminFirestore, closeClients, uniqueProjectId } from '../helpers/firestore';
import { quota, writeProvince } from '../helpers/province';

afterAll(closeClients);

const admin: Actor = { uid: 'u-admin', role: 'province_admin', province: '42', communes: [], cadreId: null };

test('at 01:00 on 1 January in Vietnam (still 31 December in UTC) the year is the new one', async () => {
  const db = adminFirestore(uniqueProjectId('check-quota'));
  await writeProvince(
    db,
    [quota('18100', 32, 31, { year: 2026 }), quota('18100', 33, 30, { year: 2027 })],
    [],
  );
  const deps = useCaseDeps(db, { clock: fixedClock('2026-12-31T18:00:00.000Z'), newId: randomId });
  expect(await checkQuota(deps, admin, { unitCode: '18100', block: 'government' })).toMatchObject({
    year: 2027,
    allocated: 33,
    free: 3,
  });
});
