/**
 * The shape every callable follows: authenticate, parse (strict zod), call
 * one use case (which authorises the scope against the data), and map errors
 * in one place (lib/errors.ts, `toHttpsError`). The region is set once, in
 * ../global-options.ts.
 *
 * Idempotency: an input that carries a `requestId` (every mutating input
 * accepts one, packages/model/src/api.ts) runs at most once per account and
 * key within 24 h; a replay returns the first result (services/idempotency.ts).
 * The operation's name is the schema's (`ZProposeMovementInput` →
 * `proposeMovement`) unless `options.op` names it.
 */
import '../global-options';
import { onCall, type CallableFunction } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { actorFrom, type Actor } from '../lib/actor';
import { withCurrentScope } from '../services/scopes/current-scope';
import { toHttpsError, ValidationFailed } from '../lib/errors';
import { getIdempotency, getUseCases, type UseCases } from '../services';
import * as model from '@canbo/model';

export interface CallableOptions {
  /** The operation an idempotency key is recorded for (default: from the schema's export name). */
  op?: string;
}

/** `ZProposeMovementInput` → `proposeMovement`: the callable a model input schema belongs to. */
function opOf(schema: z.ZodType): string {
  for (const [name, value] of Object.entries(model)) {
    const m = /^Z(\w+)Input$/.exec(name);
    if (m && value === schema) return m[1]!.charAt(0).toLowerCase() + m[1]!.slice(1);
  }
  return 'callable';
}

/** A parsed input's fields and its requestId, if it carries one. */
function keyed(input: unknown): { fields: Record<string, unknown>; requestId: string } | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(input));
  return typeof fields.requestId === 'string' ? { fields, requestId: fields.requestId } : undefined;
}

export function callable<S extends z.ZodType, R>(
  schema: S,
  run: (actor: Actor, input: z.infer<S>, useCases: UseCases) => Promise<R>,
  options: CallableOptions = {},
): CallableFunction<unknown, Promise<unknown>> {
  const op = options.op ?? opOf(schema);
  return onCall(async (request) => {
    try {
      // An area monitor's communes are its scope document's, current at once (docs/monitors.md).
      const actor = await withCurrentScope(actorFrom(request.auth));
      // zod's own messages in Vietnamese and English, each field with its format hint.
      const input: z.infer<S> = ValidationFailed.parse(schema, request.data);
      const key = keyed(input);
      if (!key) return await run(actor, input, getUseCases());
      return await getIdempotency().once({ uid: actor.uid, requestId: key.requestId, op }, key.fields, () =>
        run(actor, input, getUseCases()),
      );
    } catch (err) {
      throw toHttpsError(err);
    }
  });
}
