/**
 * The shape every callable follows: authenticate, safeParse, call one service
 * (which authorises the scope against the data), map errors in one place.
 */
import { onCall, type CallableFunction } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { actorFrom, type Actor } from '../lib/actor';
import { toHttpsError, ValidationFailed } from '../lib/errors';
import { getServices, type Services } from '../services';

export function callable<S extends z.ZodType, R>(
  schema: S,
  run: (actor: Actor, input: z.infer<S>, services: Services) => Promise<R>,
): CallableFunction<unknown, Promise<R>> {
  return onCall({ region: 'asia-southeast1' }, async (request) => {
    try {
      const actor = actorFrom(request.auth);
      const parsed = schema.safeParse(request.data);
      if (!parsed.success) throw ValidationFailed.from(parsed.error);
      return await run(actor, parsed.data, getServices());
    } catch (err) {
      throw toHttpsError(err);
    }
  });
}
