import { render } from 'preact';
import { onAuthStateChanged } from 'firebase/auth';
import { App } from './app';
import { keepOnly } from './data/cache';
import { auth } from './lib/firebase';
import './styles.css';

render(<App />, document.getElementById('app')!);

// The figures kept for a quick repeat visit belong to one account: on every change of account
// (signing out included) the others' are deleted (data/cache.ts).
onAuthStateChanged(auth, (user) => void keepOnly(user?.uid ?? null));

// The app shell kept by a service worker (public/sw.js), registered once the page has loaded so that it
// never competes with the first visit's own downloads. Not in `vite dev`, whose files are not hashed.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
