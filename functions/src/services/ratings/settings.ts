/**
 * The deploy-time settings of citizen ratings (docs/satisfaction.md,
 * "Settings"), as `firebase-functions/params`, read once with their defaults
 * where the deployment did not set them (tests, the emulator):
 * - RATING_CODE_SECRET (a Secret Manager secret): the key of the rating codes
 *   and of the client keys. Outside an emulator a missing secret is an error;
 *   in an emulator a fixed local default is used, so links made locally work
 *   locally and nowhere else;
 * - RATINGS_ENFORCE_APP_CHECK (default false): the citizen callables refuse a
 *   request without a valid App Check token;
 * - RATING_WINDOW_DAYS (30): days after the return during which a rating is accepted;
 * - RATING_LIMIT_PER_MINUTE (10) and RATING_LIMIT_PER_DAY (300): requests per client address;
 * - RATING_CRITERIA ("overall,attitude,timeliness,guidance"): the criteria asked.
 */
import { defineBoolean, defineInt, defineSecret, defineString } from 'firebase-functions/params';
import { CriterionId, DEFAULT_CRITERIA } from '@canbo/model';

export const ratingParams = {
  secret: defineSecret('RATING_CODE_SECRET'),
  enforceAppCheck: defineBoolean('RATINGS_ENFORCE_APP_CHECK', {
    default: false,
    description: 'Refuse citizen rating requests without a valid App Check token',
  }),
  windowDays: defineInt('RATING_WINDOW_DAYS', {
    default: 30,
    description: 'Days after a dossier result is returned during which the citizen may rate it',
  }),
  perMinute: defineInt('RATING_LIMIT_PER_MINUTE', {
    default: 10,
    description: 'Rating requests accepted per client address and minute',
  }),
  perDay: defineInt('RATING_LIMIT_PER_DAY', {
    default: 300,
    description:
      'Rating requests accepted per client address and day (a one-stop centre kiosk shares one address)',
  }),
  criteria: defineString('RATING_CRITERIA', {
    default: DEFAULT_CRITERIA.join(','),
    description: 'The criteria a citizen rates, comma-separated; overall is always asked',
  }),
};

/** The secret used in emulators only (FUNCTIONS_EMULATOR or FIRESTORE_EMULATOR_HOST set). */
export const LOCAL_RATING_SECRET = 'canbo-local-rating-secret-not-for-production';

export interface RatingSettings {
  secret: string;
  enforceAppCheck: boolean;
  windowDays: number;
  perMinute: number;
  perDay: number;
  criteria: CriterionId[];
}

function inEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === 'true' || process.env.FIRESTORE_EMULATOR_HOST !== undefined;
}

function intParam(p: ReturnType<typeof defineInt>, fallback: number): number {
  return process.env[p.name] === undefined ? fallback : p.value();
}

/** `overall` first, then the configured criteria that exist, each once. */
export function parseCriteria(list: string): CriterionId[] {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .flatMap((s) => {
      const parsed = CriterionId.safeParse(s);
      return parsed.success ? [parsed.data] : [];
    });
  return [...new Set<CriterionId>(['overall', ...ids])];
}

/** The settings from the environment (params), with defaults. */
export function readRatingSettings(): RatingSettings {
  const secret = process.env[ratingParams.secret.name] ? ratingParams.secret.value() : '';
  if (!secret && !inEmulator()) throw new Error('RATING_CODE_SECRET is not set');
  return {
    secret: secret || LOCAL_RATING_SECRET,
    enforceAppCheck:
      process.env[ratingParams.enforceAppCheck.name] === undefined
        ? false
        : ratingParams.enforceAppCheck.value(),
    windowDays: intParam(ratingParams.windowDays, 30),
    perMinute: intParam(ratingParams.perMinute, 10),
    perDay: intParam(ratingParams.perDay, 300),
    criteria: parseCriteria(process.env[ratingParams.criteria.name] ?? DEFAULT_CRITERIA.join(',')),
  };
}
