/**
 * canbo's own firestore.rules, loaded as the emulator will load it for
 * `npm start`. Until the scoped rules land it denies every client request;
 * the Admin SDK (callables) is not subject to rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFails } from '@firebase/rules-unit-testing';
import { closeClients, lite } from '../helpers/firestore';
import { rulesProject } from '../helpers/rules';

afterAll(closeClients);

test('firestore.rules compiles and refuses client reads and writes', async () => {
  const source = fs.readFileSync(path.resolve(__dirname, '../../firestore.rules'), 'utf8');
  const p = await rulesProject('canbo-rules', source);
  await p.admin.doc('units/42').set({ name: 'Hà Tĩnh' });
  const admin = p.as('a1', { role: 'province_admin', province: '42' });
  await assertFails(lite.getDoc(lite.doc(admin, 'units/42')));
  await assertFails(lite.getDocs(lite.collection(admin, 'units')));
  await assertFails(lite.setDoc(lite.doc(admin, 'units/43'), { name: 'x' }));
  await assertFails(lite.getDoc(lite.doc(p.anonymous(), 'units/42')));
  expect((await p.admin.doc('units/42').get()).get('name')).toBe('Hà Tĩnh');
});
