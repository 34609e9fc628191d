/**
 * The demo accounts `npm start` creates in the Auth emulator, one per role of
 * design.md, with the custom claims that carry their scope
 * (`{ role, province, communes?, cadreId? }`, under 1,000 bytes).
 */

export const DEMO_PASSWORD = 'canbo-demo';

export interface DemoAccount {
  email: string;
  displayName: string;
  description: string;
  claims: { role: string; province: string; communes?: string[]; cadreId?: string };
}

export function demoAccounts(province: string, communes: string[], cadreId: string | null): DemoAccount[] {
  const [first, second] = communes;
  const accounts: DemoAccount[] = [
    {
      email: 'admin@tinh.canbo.test',
      displayName: 'Ban Tổ chức Tỉnh ủy',
      description: 'province_admin — toàn tỉnh / whole province',
      claims: { role: 'province_admin', province },
    },
    {
      email: 'theodoi@tinh.canbo.test',
      displayName: 'Cán bộ theo dõi địa bàn',
      description: `area_monitor — xã ${communes.join(', ')}`,
      claims: { role: 'area_monitor', province, communes },
    },
    {
      email: `xa${first}@xa.canbo.test`,
      displayName: `Văn phòng xã ${first}`,
      description: `commune_admin — xã ${first}`,
      claims: { role: 'commune_admin', province, communes: [first!] },
    },
    {
      email: `xa${second}@xa.canbo.test`,
      displayName: `Văn phòng xã ${second}`,
      description: `commune_admin — xã ${second}`,
      claims: { role: 'commune_admin', province, communes: [second!] },
    },
    {
      email: 'thanhtra@tinh.canbo.test',
      displayName: 'Thanh tra',
      description: 'auditor — chỉ đọc, nhật ký / read-only, audit log',
      claims: { role: 'auditor', province },
    },
  ];
  if (cadreId) {
    accounts.push({
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
