/**
 * jobs/{runId}: state and progress of long jobs (quarterly evaluation,
 * imports, seeding), with per-unit leases so that a crashed worker's units
 * are picked up again.
 */
import { z } from 'zod';
import { IsoDateTime } from './common';

export const Job = z.object({
  id: z.string().min(1),
  kind: z.enum(['quarterly_evaluation', 'import', 'seed', 'movement_alerts']),
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
