/**
 * The demo accounts `npm start` creates in the Auth emulator, one per role of
 * docs/data-model.md (userScopes), with the custom claims that carry their scope
 * (`{ role, province, communes?, cadreId? }`, under 1,000 bytes).
 *
 * Each has a fixed uid, so that what the audit log records as the actor of a
 * change still names the same account after a restart (the Auth emulator
 * forgets its users when it stops; `npm start` recreates them with these uids).
 */

import type { Claims } from '@canbo/model';

export const DEMO_PASSWORD = 'canbo-demo';

export interface DemoAccount {
  /** Stable across restarts: `demo-<role>`, and `-<commune>` for the two commune officers. */
  uid: string;
  email: string;
  displayName: string;
  description: string;
  claims: Claims;
}

export function demoAccounts(province: string, communes: string[], cadreId: string | null): DemoAccount[] {
  const [first, second] = communes;
  const accounts: DemoAccount[] = [
    {
      uid: 'demo-province-admin',
      email: 'admin@tinh.canbo.test',
      displayName: 'Ban Tổ chức Tỉnh ủy',
      description: 'province_admin — toàn tỉnh / whole province',
      claims: { role: 'province_admin', province },
    },
    {
      uid: 'demo-area-monitor',
      email: 'theodoi@tinh.canbo.test',
      displayName: 'Cán bộ theo dõi địa bàn',
      description: `area_monitor — xã ${communes.join(', ')}`,
      claims: { role: 'area_monitor', province, communes },
    },
    {
      uid: `demo-commune-admin-${first}`,
      email: `xa${first}@xa.canbo.test`,
      displayName: `Văn phòng xã ${first}`,
      description: `commune_admin — xã ${first}`,
      claims: { role: 'commune_admin', province, communes: [first!] },
    },
    {
      uid: `demo-commune-admin-${second}`,
      email: `xa${second}@xa.canbo.test`,
      displayName: `Văn phòng xã ${second}`,
      description: `commune_admin — xã ${second}`,
      claims: { role: 'commune_admin', province, communes: [second!] },
    },
    {
      uid: 'demo-auditor',
      email: 'thanhtra@tinh.canbo.test',
      displayName: 'Thanh tra',
      description: 'auditor — chỉ đọc, nhật ký / read-only, audit log',
      claims: { role: 'auditor', province },
    },
  ];
  if (cadreId) {
    accounts.push({
      uid: 'demo-cadre',
      email: 'canbo@xa.canbo.test',
      displayName: 'Cán bộ',
      description: `cadre — hồ sơ của mình / own record (${cadreId})`,
      claims: { role: 'cadre', province, cadreId },
    });
  }
  for (const a of accounts) {
    if (Buffer.byteLength(JSON.stringify(a.claims)) >= 1000)
      throw new Error(`claims of ${a.email} are over 1,000 bytes`);
  }
  return accounts;
}
