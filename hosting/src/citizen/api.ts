/**
 * The two citizen callables through the callable protocol itself (a POST of
 * `{ data }` answered by `{ result }` or `{ error }`), with fetch: no Firebase
 * SDK and no sign-in code on this page (issue 11: at most 50 KB of gzipped
 * JavaScript). The address is the Functions emulator for a `demo-` project
 * (as in lib/firebase.ts) and `https://<region>-<project>.cloudfunctions.net`
 * otherwise. When the deployment enforces App Check, it sets
 * VITE_APPCHECK_SITE_KEY and the token is sent in `X-Firebase-AppCheck`; the
 * App Check SDK is then loaded on the first call only.
 */
import type { Bilingual } from '@canbo/model/messages/format';
import type {
  ReceiptForRating,
  SubmitRatingResult,
  TGetReceiptForRatingInput,
  TSubmitRatingInput,
} from '@canbo/model';

const REGION = 'asia-southeast1';

function projectId(): string {
  const given = import.meta.env.VITE_FIREBASE_CONFIG as string | undefined;
  if (!given) return 'demo-canbo';
  const parsed: unknown = JSON.parse(given);
  return typeof parsed === 'object' &&
    parsed !== null &&
    'projectId' in parsed &&
    typeof parsed.projectId === 'string'
    ? parsed.projectId
    : 'demo-canbo';
}

function endpoint(name: string): string {
  const project = projectId();
  if (project.startsWith('demo-'))
    return `http://${location.hostname || '127.0.0.1'}:5001/${project}/${REGION}/${name}`;
  return `https://${REGION}-${project}.cloudfunctions.net/${name}`;
}

/** A refusal as the server worded it (details.message), or a generic one. */
export class CallError extends Error {
  constructor(
    readonly status: string,
    readonly text: Bilingual | null,
  ) {
    super(status);
  }
}

async function appCheckHeader(): Promise<Record<string, string>> {
  const siteKey = import.meta.env.VITE_APPCHECK_SITE_KEY as string | undefined;
  const config = import.meta.env.VITE_FIREBASE_CONFIG as string | undefined;
  if (!siteKey || !config) return {};
  const [{ initializeApp }, appCheck] = await Promise.all([
    import('firebase/app'),
    import('firebase/app-check'),
  ]);
  const check = appCheck.initializeAppCheck(initializeApp(JSON.parse(config) as Record<string, string>), {
    provider: new appCheck.ReCaptchaEnterpriseProvider(siteKey),
    isTokenAutoRefreshEnabled: false,
  });
  const { token } = await appCheck.getToken(check);
  return { 'X-Firebase-AppCheck': token };
}

async function call<I, O>(name: string, data: I): Promise<O> {
  let body: { result?: O; error?: { status?: string; details?: { message?: Bilingual } } };
  try {
    const res = await fetch(endpoint(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await appCheckHeader()) },
      body: JSON.stringify({ data }),
    });
    body = (await res.json()) as typeof body;
  } catch {
    throw new CallError('UNAVAILABLE', null);
  }
  if (body.error) throw new CallError(body.error.status ?? 'INTERNAL', body.error.details?.message ?? null);
  return body.result as O;
}

export const getReceiptForRating = (input: TGetReceiptForRatingInput) =>
  call<TGetReceiptForRatingInput, ReceiptForRating>('getReceiptForRating', input);

export const submitRating = (input: TSubmitRatingInput) =>
  call<TSubmitRatingInput, SubmitRatingResult>('submitRating', input);
