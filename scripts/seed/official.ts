/** Loads the official unit list and lineage shipped in data/units (see its README). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildUnits,
  Lineage,
  type LineageRecord,
  type OfficialChange,
  type OfficialProvince,
} from '../../functions/src/domain/units';
import { Unit } from '@canbo/model';
import { estimateCommune } from './estimate';

const dir = path.resolve(__dirname, '../../data/units');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;

/** The current units (state of 30 April 2026), validated against the schema. */
export function loadOfficialUnits(): Unit[] {
  const units = buildUnits(
    read<OfficialProvince[]>('units-2026-04-30.json'),
    read<LineageRecord[]>('lineage-2025.json'),
    read<OfficialChange[]>('changes-2025-07-01_to_2026-04-30.json'),
    estimateCommune,
  );
  return units.map((u) => Unit.parse(u));
}

/** The merger lineage index (pre-reform code -> new communes). */
export function loadLineage(): Lineage {
  return new Lineage(read<LineageRecord[]>('lineage-2025.json'));
}
