/**
 * A harness for callable tests (firebase-functions-test, "offline" mode
 * against the Firestore emulator): `call` runs an exported callable as a
 * signed-in user with the given custom claims, `failure` returns the
 * HttpsError a call is refused with. Create one harness per test file, at the
 * top of the file: it names the project the default app will use.
 */
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import * as fns from '../../functions/src';
import { getUseCases } from '../../functions/src/services';
import { uniqueProjectId } from './firestore';
import { claims } from './province';

export type Claims = Record<string, unknown>;

/** The exports that are callables: scheduled functions are not called through this harness. */
export type CallableName = Exclude<
  keyof typeof fns,
  | 'flagMovementAlerts'
  | 'carryOverQuotasYearly'
  | 'reconcileClaimsSchedule'
  | 'dossierRetentionSchedule'
  | 'planningReviewYearly'
>;

/** What a refused call throws: the HttpsError as the client sees it. */
export interface CallableFailure {
  code: string;
  message: string;
  details?: {
    message?: { vi: string; en: string };
    checks?: { code: string; basis: string; overridable: boolean; outcome: string }[];
    fields?: { path: string; message: string }[];
    quota?: Record<string, number | boolean>;
    status?: string;
    transition?: string;
  };
}

export interface CallableHarness {
  projectId: string;
  /** Calls `fn` with `data` as `uid` holding `token` (null: not signed in). */
  // Callables answer with their own JSON shapes; tests read them as data.
  call: (fn: CallableName, data: unknown, token?: Claims | null, uid?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The default app's Firestore, initialised as the first call of a function would. */
  firestore: () => Firestore;
  cleanup: () => void;
}

export function callableHarness(label: string): CallableHarness {
  const projectId = uniqueProjectId(label);
  process.env.GCLOUD_PROJECT = projectId;
  process.env.METADATA_SERVER_DETECTION = 'none';
  const fft = functionsTest({ projectId });
  type Wrappable = Parameters<typeof fft.wrap>[0];
  return {
    projectId,
    call: (fn, data, token = claims.admin, uid = 'u-admin') => {
      const wrapped = fft.wrap(fns[fn] as unknown as Wrappable) as unknown as (
        req: unknown,
      ) => Promise<unknown>;
      return wrapped({ data, auth: token ? { uid, token } : undefined, rawRequest: {} });
    },
    firestore: () => {
      getUseCases();
      return getFirestore();
    },
    cleanup: () => fft.cleanup(),
  };
}

/** The error a call was refused with; fails the test when the call succeeds. */
export async function failure(p: Promise<unknown>): Promise<CallableFailure> {
  try {
    await p;
  } catch (e) {
    return e as CallableFailure;
  }
  throw new Error('expected the call to fail');
}
