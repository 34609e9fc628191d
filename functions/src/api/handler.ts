/**
 * The shape every callable follows: authenticate, parse (strict zod), call
 * one use case (which authorises the scope against the data), and map errors
 * in one place (lib/errors.ts, `toHttpsError`). The region is set once, in
 * ../global-options.ts.
 */
import '../global-options';
import { onCall, type CallableFunction } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { actorFrom, type Actor } from '../lib/actor';
import { toHttpsError, ValidationFailed } from '../lib/errors';
import { getUseCases, type UseCases } from '../services';

export function callable<S extends z.ZodType, R>(
  schema: S,
  run: (actor: Actor, input: z.infer<S>, useCases: UseCases) => Promise<R>,
): CallableFunction<unknown, Promise<R>> {
  return onCall(async (request) => {
    try {
      const actor = actorFrom(request.auth);
      const parsed = schema.safeParse(request.data);
      if (!parsed.success) throw ValidationFailed.from(parsed.error);
      return await run(actor, parsed.data, getUseCases());
    } catch (err) {
      throw toHttpsError(err);
    }
  });
}
