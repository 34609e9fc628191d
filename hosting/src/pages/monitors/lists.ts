/**
 * The values of the model's monitor enums (packages/model/src/monitors.ts),
 * without zod: the pages import values only from zod-free modules.
 * test/unit/monitors/web-data.test.ts keeps them equal to the model's.
 */
import type { FollowUpState, MonitorEntryKind, MonitorField } from '@canbo/model';

export const FIELDS: readonly MonitorField[] = [
  'party_building',
  'government',
  'mass_organisations',
  'socio_economic',
  'defence_security',
];
export const KINDS: readonly MonitorEntryKind[] = ['visit', 'finding', 'recommendation'];
export const FOLLOW_UPS: readonly FollowUpState[] = ['open', 'in_progress', 'done'];
