/**
 * audit/{id}: append-only record of every change, written in the same
 * transaction as the change: who, what, on which document, before and after,
 * why, when.
 */
import { z } from 'zod';
import { IsoDateTime, ProvinceCode } from './common';

export const AuditEntry = z.object({
  id: z.string().min(1),
  provinceCode: ProvinceCode,
  actor: z.object({ uid: z.string(), role: z.string() }),
  action: z.string().min(1),
  target: z.string().min(1),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string(),
  at: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
