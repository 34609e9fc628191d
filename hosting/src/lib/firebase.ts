/**
 * The Firebase apps of the client: Auth, and Firestore Lite for reads (REST:
 * small, and served by our own emulator). Functions is loaded on the first
 * call (lib/api.ts) so that read-only pages never download it.
 *
 * A `demo-` project (the default, `demo-canbo`) only exists in the emulators,
 * so it always talks to them, on the host the page was served from: Auth
 * 9099, Firestore 8080, Functions 5001 (firebase.json, scripts/start.ts). A
 * real deployment passes its web config at build time in VITE_FIREBASE_CONFIG
 * (the JSON the console gives).
 */
import { initializeApp, type FirebaseOptions } from 'firebase/app';
import { browserLocalPersistence, connectAuthEmulator, initializeAuth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore } from 'firebase/firestore/lite';
import { keptIdToken, tokenPayload } from '../data/session-hint';

/** The region of every callable (functions/src/config.ts, REGION). */
export const FUNCTIONS_REGION = 'asia-southeast1';

const DEMO_CONFIG: FirebaseOptions = {
  apiKey: 'demo-api-key',
  authDomain: 'demo-canbo.firebaseapp.com',
  projectId: 'demo-canbo',
  appId: 'demo-canbo-web',
};

function config(): FirebaseOptions {
  const given = import.meta.env.VITE_FIREBASE_CONFIG as string | undefined;
  return given ? (JSON.parse(given) as FirebaseOptions) : DEMO_CONFIG;
}

export const app = initializeApp(config());

/** True when the app talks to the local emulators (a demo project). */
export const usesEmulators = (app.options.projectId ?? '').startsWith('demo-');

/** The emulators listen on the host that served the page (127.0.0.1 or localhost). */
export const emulatorHost = typeof location !== 'undefined' ? location.hostname || '127.0.0.1' : '127.0.0.1';

export const auth = initializeAuth(app, { persistence: browserLocalPersistence });
export const db = getFirestore(app);

if (usesEmulators) {
  connectAuthEmulator(auth, `http://${emulatorHost}:9099`, { disableWarnings: true });
  connectFirestoreEmulator(db, emulatorHost, 8080);
}

/**
 * The custom claims in the ID token of the session the Auth SDK keeps in this
 * browser (browserLocalPersistence: localStorage, under
 * `firebase:authUser:<apiKey>:<app name>`), read without any check and
 * without waiting for Auth to restore the session (which asks the server
 * first). Only a hint — which page to start downloading while the session
 * is restored (app.tsx) — never a decision about access. Null when there is
 * no kept session or it cannot be read (data/session-hint.ts).
 */
export function keptSessionClaims(): Record<string, unknown> | null {
  try {
    const token = keptIdToken(localStorage.getItem(`firebase:authUser:${app.options.apiKey}:${app.name}`));
    return token ? tokenPayload(token) : null;
  } catch {
    return null;
  }
}
