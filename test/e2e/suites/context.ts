/**
 * What web.e2e.test.ts shares with the suites of test/e2e/suites/: one stack
 * (`npm start`, Hà Tĩnh at a small scale), one browser and an Admin SDK handle
 * on the stack's Firestore and Auth. Starting the stack takes about a minute
 * on the 2-core machine, so the browser tests of every area run in that one
 * file: a suite module exports `function <area>Suite(e2e: E2E): void` that
 * declares its `describe`/`test` blocks, and web.e2e.test.ts calls it in its
 * suite registry. The fields are filled in by web.e2e.test.ts's `beforeAll`,
 * so read them inside tests and hooks, never at module or describe level.
 *
 * Suites run after the file's own tests, in registry order, on the same data:
 * a suite must not depend on another suite's changes, and should make the
 * records it changes itself (or pick people no other test touches).
 */
import type { App } from 'firebase-admin/app';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '../helpers/stack';

export interface SignedInPage {
  page: Page;
  /** Console errors and failed requests seen so far (helpers/browser.ts pageProblems). */
  problems: () => string[];
  close: () => Promise<void>;
}

export interface E2E {
  stack: Stack;
  browser: Browser;
  app: App;
  db: Firestore;
  auth: Auth;
  /** The seeded province ('42', Hà Tĩnh). */
  province: string;
  /** The demo area monitor's communes (from its claims at start); the first two have the demo commune admins. */
  communes: string[];
  /** The cadre id of the demo cadre account (canbo@xa.canbo.test). */
  cadreOfCadreAccount: string;
  /** A fresh browser profile signed in as `email` (demo password), landed on its home page. */
  as: (email: string) => Promise<SignedInPage>;
  /** Opens a route of the web client (`/dashboard`, `/communes/42001`…). */
  open: (page: Page, route: string) => Promise<void>;
  /** Waits (30 s) until some element's text contains `text`. */
  sees: (page: Page, text: string) => Promise<void>;
}

/**
 * The shared handle: an object whose fields web.e2e.test.ts assigns in its
 * `beforeAll` (reading one before then throws, so a suite that reads at the
 * wrong time fails loudly instead of seeing `undefined`).
 */
export function e2eContext(): { e2e: E2E; fill: (values: E2E) => void } {
  let values: E2E | undefined;
  const e2e = new Proxy({} as E2E, {
    get(_target, key: string) {
      if (!values) throw new Error(`e2e.${key} was read before web.e2e.test.ts's beforeAll filled it`);
      return values[key as keyof E2E];
    },
  });
  return { e2e, fill: (v) => (values = v) };
}

/** The demo accounts scripts/start creates (password DEMO_PASSWORD in helpers/browser.ts). */
export const DEMO_ACCOUNTS = {
  provinceAdmin: 'admin@tinh.canbo.test',
  auditor: 'thanhtra@tinh.canbo.test',
  areaMonitor: 'theodoi@tinh.canbo.test',
  cadre: 'canbo@xa.canbo.test',
} as const;
