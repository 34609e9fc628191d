/**
 * `npm run bench:web [-- --skip-build] [--scale 1] [--route /] [--screenshot docs/img/province-dashboard.png]`: what the web
 * client costs a province office on a rural connection (issue 10's budgets).
 * It prints figures and never fails on them: speed is measured here, not
 * asserted in tests.
 *
 * 1. Builds the client (hosting/dist) and prints every chunk's size, raw and
 *    gzipped.
 * 2. Starts `npm start`'s stack with Nghệ An (province 40) seeded at full
 *    scale (10,003 people; its data is kept in .data/bench-web-40, so later
 *    runs skip the seeding) and signs the province admin in, in headless
 *    Chromium (/usr/bin/chromium).
 * 3. With the HTTP cache, the service worker and its caches and the
 *    client's own stored data (the figures of the last visit in IndexedDB,
 *    the commune list in localStorage) cleared, but
 *    the session kept (Auth's own IndexedDB), throttles the network through
 *    the DevTools protocol (Network.emulateNetworkConditions: 1.6 Mbps down,
 *    750 kbps up, 150 ms round trip) and times navigation → the province
 *    dashboard showing its figures (`[data-shown="true"]`, budget 3 s) and
 *    showing this visit's own read of them (`[data-ready="true"]`); then the
 *    repeat visit (budget 1.5 s: the app shell from the service worker, the
 *    figures of the last visit at once, then the fresh ones); then both at
 *    400 kbps / 400 ms ("slow 3G"). Each visit's requests are printed as a
 *    waterfall (start, end, bytes, where from), and the machine's load
 *    average next to the figures (a shared machine slows everything down).
 * 4. For the first visit: the JavaScript the signed-in dashboard route loads
 *    (gzipped size of each file, budget 150 KB), the bytes transferred, and
 *    the Firestore document reads (the emulator's operations counter,
 *    emulator/README.md); the reads of the repeat visit too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as zlib from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../../test/e2e/helpers/browser';
import { signIn } from '../../test/e2e/helpers/web';
import { FIRESTORE_URL, PROJECT, ROOT, startStack, WEB_URL } from '../../test/e2e/helpers/stack';

const DIST = path.join(ROOT, 'hosting', 'dist');
const KB = 1024;
const BUDGET = { initialJsGzip: 150 * KB, firstVisitMs: 3000, repeatVisitMs: 1500 };
const PROFILES = {
  rural: { label: '1.6 Mbps / 750 kbps / 150 ms', down: 1_600_000, up: 750_000, rtt: 150 },
  slow3g: { label: '400 kbps / 400 kbps / 400 ms', down: 400_000, up: 400_000, rtt: 400 },
} as const;
type Profile = (typeof PROFILES)[keyof typeof PROFILES];

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function build(): void {
  console.log('Biên dịch giao diện web / building the web client (vite build)…');
  // The same build `npm run build` makes (hosting/package.json: vite build).
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'hosting', '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function printChunks(): void {
  const files = walk(DIST)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => ({ name: path.relative(DIST, f), raw: fs.statSync(f).size, gzip: gzipSize(f) }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log('\nChunks (raw → gzip -9):');
  for (const f of files)
    console.log(`  ${f.name.padEnd(52)} ${kb(f.raw).padStart(10)} → ${kb(f.gzip).padStart(9)}`);
  const js = files.filter((f) => f.name.endsWith('.js'));
  console.log(
    `  ${'all JavaScript'.padEnd(52)} ${kb(js.reduce((s, f) => s + f.raw, 0)).padStart(10)} → ${kb(js.reduce((s, f) => s + f.gzip, 0)).padStart(9)}`,
  );
}

async function operations(): Promise<Record<string, number>> {
  const res = await fetch(`${FIRESTORE_URL}/emulator/v1/projects/${PROJECT}/operations`);
  return (await res.json()) as Record<string, number>;
}

/** Resets the counter once nothing else reads (the scheduler's start-up runs end first). */
async function quietCounter(): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    await fetch(`${FIRESTORE_URL}/emulator/v1/projects/${PROJECT}/operations`, { method: 'DELETE' });
    await new Promise((r) => setTimeout(r, 1500));
    const ops = await operations();
    if ((ops.documentReads ?? 0) === 0 && (ops.documentWrites ?? 0) === 0) return;
    if (Date.now() > until) throw new Error(`Firestore is still busy: ${JSON.stringify(ops)}`);
  }
}

interface Request {
  url: string;
  start: number;
  end?: number;
  bytes: number;
  status?: number;
  /** network, HTTP cache, service worker; and the answer's encoding when compressed. */
  from?: string;
}

interface Visit {
  /** Navigation → figures on the page (stored or fresh). */
  shownMs: number;
  /** Navigation → this visit's own read of the figures on the page. */
  freshMs: number;
  bytes: number;
  scripts: string[];
  requests: Request[];
  /** The client's own marks (ms after navigation): session back, stored figures shown, fresh figures shown. */
  marks: [string, number][];
}

/**
 * Clears what a first visit must not find: the HTTP cache, service workers and their caches, and the
 * client's stored data (figures of the last visit, commune list). The session stays.
 */
async function forgetCache(page: Page, cdp: CDPSession): Promise<void> {
  // Runs in the page (a string: this file is type-checked without the DOM library).
  await page.evaluate(`(async () => {
    for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
    if (globalThis.caches) for (const k of await caches.keys()) await caches.delete(k);
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('canbo-cache');
      req.onsuccess = req.onerror = req.onblocked = () => resolve(undefined);
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('canbo.communes.')) localStorage.removeItem(k);
  })()`);
  await cdp.send('Network.clearBrowserCache');
}

/** One navigation to the dashboard under a network profile: times to figures, bytes, scripts, requests. */
async function visit(page: Page, cdp: CDPSession, route: string, profile: Profile): Promise<Visit> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rtt,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
  await page.goto('about:blank');
  let bytes = 0;
  const scripts: string[] = [];
  const requests = new Map<string, Request>();
  let t0: number | undefined;
  const onSent = (e: { requestId: string; timestamp: number; request: { url: string } }) => {
    if (e.request.url.startsWith('data:')) return;
    t0 ??= e.timestamp;
    requests.set(e.requestId, { url: e.request.url, start: e.timestamp, bytes: 0 });
  };
  const onFinished = (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  };
  const onResponse = (e: {
    requestId: string;
    type: string;
    response: {
      url: string;
      status: number;
      fromDiskCache?: boolean;
      fromServiceWorker?: boolean;
      fromPrefetchCache?: boolean;
      headers: Record<string, string>;
    };
  }) => {
    if (e.type === 'Script') scripts.push(e.response.url);
    const r = requests.get(e.requestId);
    if (!r) return;
    const res = e.response;
    const encoding = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
    const where = res.fromServiceWorker ? 'service worker' : res.fromDiskCache ? 'HTTP cache' : 'network';
    Object.assign(r, { status: res.status, from: encoding ? `${where}, ${encoding}` : where });
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.responseReceived', onResponse);
  await page.goto(`${WEB_URL}${route}`, { waitUntil: 'commit' });
  const at = async (selector: string) =>
    Number(
      await (
        await page.waitForFunction(
          `document.querySelector('${selector}') ? performance.now() : false`,
          undefined,
          { timeout: 60_000, polling: 50 },
        )
      ).jsonValue(),
    );
  const shownMs = await at('[data-shown="true"]');
  const freshMs = await at('[data-ready="true"]');
  const marks = (await page.evaluate(
    `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('canbo:')).map((m) => [m.name, m.startTime])`,
  )) as [string, number][];
  // Let the last responses of the view finish before counting their bytes.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  cdp.off('Network.requestWillBeSent', onSent);
  cdp.off('Network.loadingFinished', onFinished);
  cdp.off('Network.responseReceived', onResponse);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const list = [...requests.values()].map((r) => ({
    ...r,
    start: (r.start - (t0 ?? r.start)) * 1000,
    end: r.end === undefined ? undefined : (r.end - (t0 ?? r.end)) * 1000,
  }));
  return { shownMs, freshMs, bytes, scripts: [...new Set(scripts)], requests: list, marks };
}

/** Each request of a visit: when it started and ended (ms after the page's request), its size and origin. */
function printWaterfall(title: string, v: Visit): void {
  console.log(
    `\n${title}: ${v.marks.map(([name, ms]) => `${name.replace('canbo:', '')} ${ms.toFixed(0)} ms`).join(', ')}`,
  );
  console.log('  requests (ms after navigation; bytes on the wire):');
  for (const r of [...v.requests].sort((a, b) => a.start - b.start)) {
    const u = new URL(r.url);
    const name = `${u.port ? `:${u.port}` : ''}${u.pathname.replace(/^\/v1\/projects\/[^/]+\/databases\/[^/]+\/documents/, '…')}${u.search ? '?…' : ''}`;
    const end = r.end === undefined ? '   …' : r.end.toFixed(0).padStart(5);
    console.log(
      `  ${r.start.toFixed(0).padStart(5)} → ${end}  ${kb(r.bytes).padStart(9)}  ${String(r.status ?? '').padEnd(3)} ${(r.from ?? '').padEnd(22)} ${name}`,
    );
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function initialJs(scripts: string[]): { files: { name: string; gzip: number }[]; total: number } {
  const files = scripts
    .map((u) => new URL(u))
    .filter((u) => u.origin === WEB_URL)
    .map((u) => path.join(DIST, decodeURIComponent(u.pathname)))
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ name: path.relative(DIST, f), gzip: gzipSize(f) }));
  return { files, total: files.reduce((s, f) => s + f.gzip, 0) };
}

const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER BUDGET');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'skip-build': { type: 'boolean', default: false },
      scale: { type: 'string', default: '1' },
      route: { type: 'string', default: '/' },
      email: { type: 'string', default: 'admin@tinh.canbo.test' },
      /** Also save a full-page screenshot of the dashboard there (the README's picture, docs/img/). */
      screenshot: { type: 'string' },
    },
  });
  if (!values['skip-build']) build();
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error(`${DIST} has no build: run without --skip-build`);
  printChunks();

  const dataDir = path.join(ROOT, '.data', `bench-web-40-${values.scale}`);
  console.log(
    process.env.CANBO_E2E_REUSE_STACK === '1'
      ? '\nDùng hệ thống đang chạy / using the stack already running (CANBO_E2E_REUSE_STACK=1): its province and scale'
      : `\nKhởi động hệ thống với dữ liệu Nghệ An / starting the stack with Nghệ An (40), data in ${dataDir}…`,
  );
  const stack = await startStack({
    province: '40',
    scale: Number(values.scale),
    dataDir,
    timeoutMs: 600_000,
  });
  const browser = await launchBrowser();
  let context: BrowserContext | undefined;
  try {
    context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, values.email);
    // The page signed in to must be done loading (and storing) before its stores are cleared.
    await page
      .locator('[data-ready="true"]')
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const route = values.route;

    await forgetCache(page, cdp);
    await quietCounter();
    const loadBefore = load();
    const first = await visit(page, cdp, route, PROFILES.rural);
    const ops = await operations();
    const repeat = await visit(page, cdp, route, PROFILES.rural);
    const opsRepeat = await operations();
    await forgetCache(page, cdp);
    const slow = await visit(page, cdp, route, PROFILES.slow3g);
    const slowRepeat = await visit(page, cdp, route, PROFILES.slow3g);
    const loadAfter = load();

    if (values.screenshot) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: path.resolve(values.screenshot), fullPage: false });
      console.log(`\nScreenshot of the dashboard: ${values.screenshot}`);
    }

    const js = initialJs(first.scripts);
    console.log(`\nJavaScript of the signed-in dashboard route (${route}), first visit (gzip -9):`);
    for (const f of js.files) console.log(`  ${f.name.padEnd(52)} ${kb(f.gzip).padStart(9)}`);
    console.log(
      `  total ${kb(js.total)} (budget ${kb(BUDGET.initialJsGzip)}: ${verdict(js.total, BUDGET.initialJsGzip)})`,
    );
    const line = (v: Visit, budget: number) =>
      `figures shown ${v.shownMs.toFixed(0)} ms (budget ${budget}: ${verdict(v.shownMs, budget)}), this visit's own figures ${v.freshMs.toFixed(0)} ms`;
    console.log(`\nProvince dashboard, navigation → figures shown (${values.email}):`);
    console.log(`  ${PROFILES.rural.label}:`);
    console.log(`    first visit:  ${line(first, BUDGET.firstVisitMs)}`);
    console.log(`    repeat visit: ${line(repeat, BUDGET.repeatVisitMs)}`);
    console.log(`  ${PROFILES.slow3g.label}:`);
    console.log(
      `    first visit:  figures shown ${slow.shownMs.toFixed(0)} ms, own ${slow.freshMs.toFixed(0)} ms`,
    );
    console.log(
      `    repeat visit: figures shown ${slowRepeat.shownMs.toFixed(0)} ms, own ${slowRepeat.freshMs.toFixed(0)} ms`,
    );
    console.log(`\nFirst dashboard view: ${kb(first.bytes)} transferred (repeat visit ${kb(repeat.bytes)})`);
    console.log(
      `  Firestore: ${ops.documentReads ?? 0} document reads, ${ops.queries ?? 0} queries (emulator operations counter); repeat visit ${(opsRepeat.documentReads ?? 0) - (ops.documentReads ?? 0)} reads`,
    );
    console.log(
      `\nLoad average of the machine (1 / 5 / 15 min; ${os.cpus().length} cores): ${loadBefore} before the visits, ${loadAfter} after`,
    );
    printWaterfall(`First visit, ${PROFILES.rural.label}`, first);
    printWaterfall(`Repeat visit, ${PROFILES.rural.label}`, repeat);
  } finally {
    await context?.close().catch(() => undefined);
    await browser.close();
    const code = await stack.stop();
    if (code !== 0) console.error(`npm start exited with ${code}`);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:web: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
