/** Estimated region and population of a commune: the official list has neither. */
import type { Region, Unit } from '@canbo/model';
import { Random } from './random';
import { MOUNTAIN_SHARE } from './tables';

export function estimateCommune(commune: {
  code: string;
  type: string;
  provinceCode: string;
}): Pick<Unit, 'region' | 'population'> {
  const rng = new Random(`estimate:${commune.code}`);
  // Provinces not listed are delta or coastal plains.
  const mountainShare = MOUNTAIN_SHARE[commune.provinceCode] ?? 0.02;
  let region: Region;
  if (commune.type === 'dac_khu') region = 'island';
  else if (commune.type === 'phuong') region = rng.chance(0.8) ? 'lowland' : 'midland';
  else if (rng.chance(mountainShare)) region = 'mountain';
  else region = rng.chance(0.3) ? 'midland' : 'lowland';
  const mean =
    commune.type === 'phuong'
      ? 45_000
      : region === 'mountain'
        ? 14_000
        : region === 'island'
          ? 8_000
          : 28_000;
  return { region, population: Math.round(rng.normal(mean, mean * 0.3, 1_500, 200_000)) };
}
