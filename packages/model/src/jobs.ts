/**
 * jobs/{runId}: state and progress of long jobs (quarterly evaluation,
 * imports, seeding), with per-unit leases so that a crashed worker's units
 * are picked up again. `provinceCode` names the province a run belongs to
 * (null: a national run, such as the daily alerts over every province); the
 * rules let the province-wide roles of that province read it, and nobody
 * else (firestore.rules).
 */
import { z } from 'zod';
import { IsoDateTime, ProvinceCode } from './common';

export const Job = z.object({
  id: z.string().min(1),
  kind: z.enum([
    'quarterly_evaluation',
    'import',
    'seed',
    'movement_alerts',
    'claims_reconcile',
    'quota_carry_over',
    // unitStats recomputed from the people and quotas of a province (rebuildUnitStats).
    'unit_stats_rebuild',
  ]),
  /** The province of the run; null for a national run (not readable by clients). */
  provinceCode: ProvinceCode.nullable(),
  state: z.enum(['pending', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  leases: z.record(z.string(), z.object({ holder: z.string(), until: IsoDateTime })),
  params: z.record(z.string(), z.unknown()),
  error: z.string().nullable(),
  /** What a finished run found or did (counts). */
  result: z.record(z.string(), z.number()).optional(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Job = z.infer<typeof Job>;
