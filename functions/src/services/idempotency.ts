/**
 * Idempotency keys of the mutating callables (docs/api.md, "Idempotency").
 * A client sends a fresh UUID as `requestId` and repeats it when it retries
 * (a lost answer, a double click). The first call claims
 * `idempotency/{uid}_{requestId}` with create(), so of concurrent calls
 * exactly one runs; the others see the claim:
 * - the first is still running: already-exists (try again later);
 * - the first is done: its stored result is returned, nothing runs again;
 * - the key came with another operation or input: invalid-argument.
 * A first call that fails releases the key, so the corrected retry may run.
 * Keys live 24 h (`expiresAt`, deleted by a Firestore TTL policy); an expired
 * key, or a claim left pending for longer than any call can run (its
 * process died), is taken over by the next call.
 */
import { createHash } from 'node:crypto';
import { IDEMPOTENCY_TTL_HOURS, type IdempotencyRecord } from '@canbo/model';
import { AppError, ValidationFailed } from '../lib/errors';
import { log } from '../log';
import type { UseCaseDeps } from './deps';

export interface RequestKey {
  /** The caller: keys are per account. */
  uid: string;
  requestId: string;
  /** The callable, e.g. `proposeMovement`. */
  op: string;
}

const HOUR_MS = 3600 * 1000;
const TTL_MS = IDEMPOTENCY_TTL_HOURS * HOUR_MS;
/** Longer than a callable may run (60 s by default, 9 min at most for our settings): the claimant is gone. */
const ABANDONED_MS = 10 * 60 * 1000;

/** JSON with object keys sorted, so that equal inputs hash equally whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** sha256 of the input without its requestId. */
export function inputHash(input: Record<string, unknown>): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'requestId'));
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}

/** A result as Firestore stores it and a client receives it: plain JSON (undefined fields dropped). */
function plain(result: unknown): unknown {
  return result === undefined ? null : JSON.parse(JSON.stringify(result));
}

export class Idempotency {
  constructor(private readonly deps: Pick<UseCaseDeps, 'repos' | 'clock'>) {}

  /**
   * Runs `run` once for `key`: the first call's result (as plain JSON) for
   * every replay within 24 h.
   */
  async once<R>(
    key: RequestKey,
    input: Record<string, unknown>,
    run: () => Promise<R>,
  ): Promise<R | unknown> {
    const repo = this.deps.repos.idempotency;
    const now = this.deps.clock.now();
    const record: IdempotencyRecord = {
      uid: key.uid,
      requestId: key.requestId,
      op: key.op,
      inputHash: inputHash(input),
      state: 'pending',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + TTL_MS),
    };
    const claimed = await repo.claim(record);
    if (claimed !== true) {
      const expired = claimed.expiresAt.getTime() <= now.getTime();
      const abandoned =
        claimed.state === 'pending' && now.getTime() - Date.parse(claimed.createdAt) > ABANDONED_MS;
      if (!expired && !abandoned) return this.replay(claimed, record);
      if (!(await repo.takeOver(claimed, record))) throw this.inProgress(key);
    }
    let result: R;
    try {
      result = await run();
    } catch (err) {
      // Nothing was done (the use case's transaction did not commit): the key is free again.
      // If even that fails, the claim is taken over once abandoned; the caller hears of `err`.
      await repo.release(key.uid, key.requestId).catch((releaseErr: unknown) => {
        log.error('error.unexpected', { during: 'idempotency.release', error: String(releaseErr) });
      });
      throw err;
    }
    try {
      await repo.complete({ ...record, state: 'done', result: plain(result) });
    } catch (err) {
      // The change is made: answer it. Replays see `pending` until the claim is abandoned.
      log.error('error.unexpected', { during: 'idempotency.complete', error: String(err) });
    }
    return result;
  }

  private replay(existing: IdempotencyRecord, record: IdempotencyRecord): unknown {
    if (existing.op !== record.op || existing.inputHash !== record.inputHash) {
      throw ValidationFailed.field('requestId', 'error.requestIdReused', { requestId: record.requestId });
    }
    if (existing.state === 'pending') throw this.inProgress(record);
    log.info('request.replayed', { op: record.op, requestId: record.requestId });
    return existing.result ?? null;
  }

  private inProgress(key: Pick<RequestKey, 'requestId'>): AppError {
    return new AppError('already-exists', 'error.requestInProgress', { requestId: key.requestId });
  }
}
