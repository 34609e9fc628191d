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
 * 3. With the HTTP cache and any service worker cleared, throttles the
 *    network through the DevTools protocol (Network.emulateNetworkConditions:
 *    1.6 Mbps down, 750 kbps up, 150 ms round trip) and times navigation →
 *    the province dashboard showing its data (`[data-ready="true"]`): first
 *    visit (budget 3 s) and repeat visit (1.5 s); then the first visit at
 *    400 kbps / 400 ms ("slow 3G").
 * 4. For the first visit: the JavaScript the signed-in dashboard route loads
 *    (gzipped size of each file, budget 150 KB), the bytes transferred, and
 *    the Firestore document reads (the emulator's operations counter,
 *    emulator/README.md).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
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

interface Visit {
  ms: number;
  bytes: number;
  scripts: string[];
}

/** Clears what a first visit must not find: the HTTP cache, service workers and their caches. */
async function forgetCache(page: Page, cdp: CDPSession): Promise<void> {
  // Runs in the page (a string: this file is type-checked without the DOM library).
  await page.evaluate(`(async () => {
    for (const r of (await navigator.serviceWorker?.getRegistrations()) ?? []) await r.unregister();
    if (globalThis.caches) for (const k of await caches.keys()) await caches.delete(k);
  })()`);
  await cdp.send('Network.clearBrowserCache');
}

/** One navigation to the dashboard under a network profile: time to data, bytes, scripts loaded. */
async function visit(page: Page, cdp: CDPSession, route: string, profile: Profile): Promise<Visit> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rtt,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
  let bytes = 0;
  const scripts: string[] = [];
  const onFinished = (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength);
  const onResponse = (e: { type: string; response: { url: string } }) => {
    if (e.type === 'Script') scripts.push(e.response.url);
  };
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.responseReceived', onResponse);
  await page.goto('about:blank');
  bytes = 0;
  scripts.length = 0;
  await page.goto(`${WEB_URL}${route}`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `document.querySelector('[data-ready="true"]') ? performance.now() : false`,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const ms = Number(await handle.jsonValue());
  // Let the last responses of the view finish before counting their bytes.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  cdp.off('Network.loadingFinished', onFinished);
  cdp.off('Network.responseReceived', onResponse);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  return { ms, bytes, scripts: [...new Set(scripts)] };
}

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
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const route = values.route;

    await forgetCache(page, cdp);
    await quietCounter();
    const first = await visit(page, cdp, route, PROFILES.rural);
    const ops = await operations();
    const repeat = await visit(page, cdp, route, PROFILES.rural);
    await forgetCache(page, cdp);
    const slow = await visit(page, cdp, route, PROFILES.slow3g);
    const slowRepeat = await visit(page, cdp, route, PROFILES.slow3g);

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
    console.log(`\nProvince dashboard, navigation → data shown (${values.email}):`);
    console.log(
      `  ${PROFILES.rural.label}: first visit ${first.ms.toFixed(0)} ms (budget ${BUDGET.firstVisitMs}: ${verdict(first.ms, BUDGET.firstVisitMs)}), repeat visit ${repeat.ms.toFixed(0)} ms (budget ${BUDGET.repeatVisitMs}: ${verdict(repeat.ms, BUDGET.repeatVisitMs)})`,
    );
    console.log(
      `  ${PROFILES.slow3g.label}: first visit ${slow.ms.toFixed(0)} ms, repeat visit ${slowRepeat.ms.toFixed(0)} ms`,
    );
    console.log(`\nFirst dashboard view: ${kb(first.bytes)} transferred (repeat visit ${kb(repeat.bytes)})`);
    console.log(
      `  Firestore: ${ops.documentReads ?? 0} document reads, ${ops.queries ?? 0} queries (emulator operations counter)`,
    );
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
