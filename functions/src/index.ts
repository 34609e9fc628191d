/**
 * canbo Cloud Functions (2nd gen). Exports only; every function lives in its
 * own module under api/ or jobs/ (see ../../README.md). Global options pin the
 * region closest to Vietnam.
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { onCall } from 'firebase-functions/v2/https';

setGlobalOptions({ region: 'asia-southeast1' });

/**
 * Liveness probe used by `npm start` and the smoke tests: answers with the
 * service name and the caller's uid (or null), touching no data.
 */
export const ping = onCall((request) => ({ service: 'canbo', uid: request.auth?.uid ?? null }));
