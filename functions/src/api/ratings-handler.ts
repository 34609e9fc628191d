/**
 * The shapes of the rating callables, beside handler.ts's `callable`:
 * - `citizenCallable`: no account. The client address (for the rate limits)
 *   is the rightmost X-Forwarded-For entry, the one Google's front end
 *   appends and a client cannot forge, else the connection's address; App
 *   Check is enforced by the platform when RATINGS_ENFORCE_APP_CHECK is set
 *   at deploy (`enforceAppCheck`), and checked again by the use case.
 * - `registrarCallable`: an `integration` account scoped to a province
 *   (claims `{ role: 'integration', province }`), or a province admin.
 * Both parse strictly and map errors through lib/errors.ts like every callable.
 */
import '../global-options';
import { onCall, type CallableFunction, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { ProvinceCode } from '@canbo/model';
import { actorFrom, requireRole } from '../lib/actor';
import { AppError, NotAuthenticated, toHttpsError, ValidationFailed } from '../lib/errors';
import {
  getRatingUseCases,
  ratingParams,
  type CitizenContext,
  type RatingUseCases,
  type Registrar,
} from '../services/ratings';

/** The client address of a request (see above); `unknown` when there is none (a test harness). */
export function clientAddress(raw: CallableRequest['rawRequest'] | undefined): string {
  const forwarded = raw?.headers?.['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.at(-1) ?? raw?.ip ?? raw?.socket?.remoteAddress ?? 'unknown';
}

export function citizenCallable<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: CitizenContext, input: z.infer<S>, useCases: RatingUseCases) => Promise<R>,
): CallableFunction<unknown, Promise<unknown>> {
  return onCall(
    { secrets: [ratingParams.secret], enforceAppCheck: ratingParams.enforceAppCheck },
    async (request) => {
      try {
        const input: z.infer<S> = ValidationFailed.parse(schema, request.data);
        const ctx: CitizenContext = {
          address: clientAddress(request.rawRequest),
          appCheck: request.app !== undefined,
        };
        return await run(ctx, input, getRatingUseCases());
      } catch (err) {
        throw toHttpsError(err);
      }
    },
  );
}

const IntegrationClaims = z.object({ role: z.literal('integration'), province: ProvinceCode });

/** The registrar of a request: an integration account of a province, or a province admin. */
export function registrarFrom(auth: CallableRequest['auth']): Registrar {
  if (!auth) throw new NotAuthenticated();
  const integration = IntegrationClaims.safeParse(auth.token);
  if (integration.success) return { uid: auth.uid, role: 'integration', province: integration.data.province };
  const actor = actorFrom(auth);
  try {
    requireRole(actor, 'province_admin');
  } catch {
    throw new AppError('permission-denied', 'receipts.roleNotAllowed');
  }
  return { uid: actor.uid, role: 'province_admin', province: actor.province };
}

export function registrarCallable<S extends z.ZodType, R>(
  schema: S,
  run: (registrar: Registrar, input: z.infer<S>, useCases: RatingUseCases) => Promise<R>,
): CallableFunction<unknown, Promise<unknown>> {
  return onCall({ secrets: [ratingParams.secret] }, async (request) => {
    try {
      const registrar = registrarFrom(request.auth);
      const input: z.infer<S> = ValidationFailed.parse(schema, request.data);
      return await run(registrar, input, getRatingUseCases());
    } catch (err) {
      throw toHttpsError(err);
    }
  });
}
