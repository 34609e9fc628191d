/**
 * Idempotency keys of the mutating callables: the client sends a fresh UUID
 * as `requestId` and repeats it when it retries; a replay within 24 hours
 * returns the first result instead of acting twice (docs/api.md,
 * "Idempotency"). idempotency/{uid}_{requestId} records each key; clients
 * never read it (firestore.rules).
 */
import { z } from 'zod';
import { IsoDateTime } from './common';

/** A client-chosen key for one logical request: a UUID. */
export const RequestId = z.uuid();

/** How long a key is remembered (a Firestore TTL policy on `expiresAt` deletes it afterwards). */
export const IDEMPOTENCY_TTL_HOURS = 24;

export const IdempotencyRecord = z.object({
  uid: z.string().min(1),
  requestId: RequestId,
  /** The callable that claimed the key. */
  op: z.string().min(1),
  /** sha256 of the input (without requestId): the same key with another input is refused. */
  inputHash: z.string().regex(/^[0-9a-f]{64}$/),
  state: z.enum(['pending', 'done']),
  /** The first call's answer (plain JSON), once done. */
  result: z.unknown().optional(),
  createdAt: IsoDateTime,
  /** The TTL field: a Firestore TTL policy deletes the record after this instant. */
  expiresAt: z.preprocess(
    // Firestore hands back a Timestamp; compare and store as a Date.
    (v) =>
      typeof v === 'object' && v !== null && 'toDate' in v && typeof v.toDate === 'function' ? v.toDate() : v,
    z.date(),
  ),
});
export type IdempotencyRecord = z.infer<typeof IdempotencyRecord>;
