/* global self, caches */
/**
 * The service worker of the web client: keeps the app shell so that a repeat
 * visit on a slow connection does not wait for it (issue 10, hosting/README.md
 * "Caching"). It never touches the data: Firestore, Auth and Functions are on
 * other origins and their requests pass by untouched.
 *
 * - Hashed files under /assets/ (their names change with their content):
 *   cache first; a missing one is fetched and kept.
 * - Pages of the app (a navigation to a path without a file extension): the
 *   network first, so a new deployment shows at once; when the server does
 *   not answer within NAVIGATION_TIMEOUT_MS (or not at all), the last
 *   index.html kept. The network answer still refreshes the copy.
 * - Everything else (demo-accounts.json, rate.html, /__/…): the network, as
 *   without a service worker.
 *
 * Plain JavaScript, copied as it is from hosting/public/ into the build.
 */
const SHELL = 'canbo-shell-v1';
const ASSETS = 'canbo-assets-v1';
const NAVIGATION_TIMEOUT_MS = 1500;
/** Old builds' files are dropped beyond this many (the oldest first). */
const MAX_ASSETS = 80;

/** The files index.html loads at once (its scripts, module preloads and styles). */
function shellFiles(html) {
  const out = new Set();
  for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) out.add(m[1]);
  return [...out];
}

async function keepShell(response) {
  const html = await response.clone().text();
  const shell = await caches.open(SHELL);
  await shell.put('/', response.clone());
  // From the HTTP cache when the page has just loaded them: no second download.
  const assets = await caches.open(ASSETS);
  await Promise.all(
    shellFiles(html).map(async (url) => {
      if (!(await assets.match(url))) await assets.add(url).catch(() => undefined);
    }),
  );
  await trimAssets();
}

async function trimAssets() {
  const assets = await caches.open(ASSETS);
  const keys = await assets.keys();
  for (const req of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await assets.delete(req);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch('/', { cache: 'no-cache' })
      .then((res) => (res.ok ? keepShell(res) : undefined))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n !== SHELL && n !== ASSETS).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

async function asset(event) {
  const { request } = event;
  const assets = await caches.open(ASSETS);
  const kept = await assets.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  // Kept in the background: the page gets the file as it arrives, not after it has been stored.
  if (res.ok) event.waitUntil(assets.put(request, res.clone()).catch(() => undefined));
  return res;
}

async function page(event) {
  const network = fetch(event.request).then(async (res) => {
    if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html'))
      event.waitUntil(keepShell(res.clone()).catch(() => undefined));
    return res;
  });
  const kept = caches.open(SHELL).then((shell) => shell.match('/'));
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // offline or the server is down: the kept page, if any
  }
  return (await kept) ?? network;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(event));
    return;
  }
  const last = url.pathname.split('/').pop() ?? '';
  if (request.mode === 'navigate' && !last.includes('.') && !url.pathname.startsWith('/__/')) {
    event.respondWith(page(event));
  }
});
