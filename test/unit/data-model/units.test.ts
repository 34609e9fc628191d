/** The official unit list becomes unit documents; pre-reform codes resolve only through the lineage. */
import { loadLineage, loadOfficialUnits } from '../../../scripts/seed/official';

const units = loadOfficialUnits();

test('34 provinces and 3,321 communes, wards and special zones, with Đồng Nai a city since 2026', () => {
  const provinces = units.filter((u) => u.level === 'province');
  const communes = units.filter((u) => u.level === 'commune');
  expect(provinces).toHaveLength(34);
  expect(communes).toHaveLength(3321);
  expect(communes.filter((c) => c.type === 'dac_khu')).toHaveLength(13);
  expect(communes.filter((c) => c.type === 'phuong')).toHaveLength(697);
  expect(provinces.find((p) => p.code === '75')).toMatchObject({
    type: 'thanh_pho',
    legalBasis: '30/2026/QH16',
  });
  expect(communes.filter((c) => c.provinceCode === '40')).toHaveLength(130);
  expect(communes.filter((c) => c.provinceCode === '42')).toHaveLength(69);
});

test('every commune knows its province and its predecessors; estimates are flagged', () => {
  for (const c of units.filter((u) => u.level === 'commune')) {
    expect(c.parentCode).toBe(c.provinceCode);
    expect(c.predecessors.length).toBeGreaterThan(0);
    expect(c.estimated).toBe(true);
  }
  expect(units.filter((u) => u.type === 'dac_khu').every((u) => u.region === 'island')).toBe(true);
});

test('a pre-reform code resolves through the lineage, not to the unit that reuses the code', () => {
  const lineage = loadLineage();
  // 00004 was Phường Trúc Bạch; it went into the new Phường Ba Đình (code 00004).
  expect(lineage.successorsOf('00004').map((s) => s.newName)).toEqual(['Phường Ba Đình']);
  // 00013, Phường Quán Thánh, also went into Ba Đình: resolving it by code would find nothing.
  expect(lineage.successorsOf('00013').map((s) => s.newCode)).toEqual(['00004']);
  expect(units.find((u) => u.code === '00013')).toBeUndefined();
  // A unit split between several new communes lists each, marked as a part.
  const split = [
    ...new Set(units.flatMap((u) => u.predecessors.filter((p) => p.part).map((p) => p.oldCode!))),
  ][0]!;
  const successors = lineage.successorsOf(split);
  expect(successors.length).toBeGreaterThan(1);
  expect(successors.every((s) => s.part)).toBe(true);
  expect(lineage.successorsOf('99999')).toEqual([]);
});
