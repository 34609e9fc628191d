/**
 * Calls of the rating callables as a citizen (no account) from a given client
 * address, with or without an App Check token, through firebase-functions-test
 * like test/helpers/callable.ts (which sends an empty rawRequest). Create it
 * after callableHarness in the same file: it uses the same project.
 */
import functionsTest from 'firebase-functions-test';
import * as fns from '../../functions/src';

export interface CitizenRequest {
  /** The client address, sent as the X-Forwarded-For entry Google's front end appends. */
  ip: string;
  /** Whether the request carries a valid App Check token. */
  appCheck?: boolean;
}

export function citizenCaller(projectId: string) {
  const fft = functionsTest({ projectId });
  type Wrappable = Parameters<typeof fft.wrap>[0];
  return {
    // Callables answer with their own JSON shapes; tests read them as data.
    call: (
      fn: 'getReceiptForRating' | 'submitRating' | 'registerReceipts',
      data: unknown,
      req: CitizenRequest,
      auth?: { uid: string; token: Record<string, unknown> },
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ): Promise<any> => {
      const wrapped = fft.wrap(fns[fn] as unknown as Wrappable) as unknown as (
        r: unknown,
      ) => Promise<unknown>;
      return wrapped({
        data,
        auth,
        app: req.appCheck ? { appId: 'test-app', token: {} } : undefined,
        rawRequest: { headers: { 'x-forwarded-for': `203.0.113.250, ${req.ip}` }, ip: '10.0.0.1' },
      });
    },
    cleanup: () => fft.cleanup(),
  };
}
