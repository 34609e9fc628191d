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
 * Keys live 24 h (`expiresAt`, deleted by a Firestore TTL policy); only an
 * expired key is taken over by the next call. A claim left pending (its call
 * died, or its result could not be stored after the change committed) answers
 * already-exists until it expires: whether its change was made is unknown, so
 * running the use case again could make it twice (a second movement).
 * `complete` and `release` touch only the pending claim this call made.
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
      if (!expired) return this.replay(claimed, record);
      if (!(await repo.takeOver(claimed, record))) throw this.inProgress(key);
    }
    let result: R;
    try {
      result = await run();
    } catch (err) {
      // Nothing was done (the use case's transaction did not commit): the key is free again.
      // If even that fails, the claim answers already-exists until it expires; the caller hears of `err`.
      await repo.release(record).catch((releaseErr: unknown) => {
        log.error('error.unexpected', { during: 'idempotency.release', error: String(releaseErr) });
      });
      throw err;
    }
    try {
      if (!(await repo.complete({ ...record, state: 'done', result: plain(result) }))) {
        log.warn('error.unexpected', { during: 'idempotency.complete', error: 'claim no longer ours' });
      }
    } catch (err) {
      // The change is made: answer it. Replays see `pending` (already-exists) until the key expires.
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
