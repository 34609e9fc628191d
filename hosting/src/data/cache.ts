/**
 * The figures a page read last time, kept in IndexedDB (keys and lifetimes:
 * data/cache-keys.ts), and `useStaleWhileRevalidate`, which shows them at once
 * while the fresh read runs. On a rural connection a repeat visit then
 * shows the dashboard as soon as the app and the session are back, instead
 * of after downloading the province's statistics again.
 *
 * Storage failures (private browsing, quota, a browser without IndexedDB)
 * only mean "no cache": the page then waits for the network as before.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { evictable, usable, type CacheEntry } from './cache-keys';

const DB_NAME = 'canbo-cache';
const STORE = 'figures';

let opening: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
      req.onsuccess = () => {
        const db = req.result;
        // Another tab (or a benchmark) deleting or upgrading the database must not wait for this one.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The entry stored under `key`, or null (none, or no storage). */
export async function readEntry<T>(key: string): Promise<CacheEntry<T> | null> {
  try {
    const db = await openDb();
    if (!db) return null;
    const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
    return await new Promise((resolve) => {
      req.onsuccess = () => resolve((req.result as CacheEntry<T> | undefined) ?? null);
      req.onerror = () => resolve(null);
    });
  } catch {
    return null;
  }
}

export async function writeEntry<T>(entry: CacheEntry<T>): Promise<void> {
  try {
    const db = await openDb();
    if (!db) return;
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(entry);
    await done(tx);
  } catch {
    // storage full, or a value that cannot be cloned: the next visit reads afresh
  }
}

/**
 * Deletes every entry of another account than `uid` (all of them when
 * nobody is signed in) and those too old to be shown. Called on every change
 * of the signed-in account (main.tsx), so that signing out leaves nothing
 * behind for the next person at the same browser.
 */
export async function keepOnly(uid: string | null, now = Date.now()): Promise<void> {
  try {
    const db = await openDb();
    if (!db) return;
    const tx = db.transaction(STORE, 'readwrite');
    const req = tx.objectStore(STORE).openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      if (evictable(cursor.value as CacheEntry<unknown>, uid, now)) cursor.delete();
      cursor.continue();
    };
    await done(tx);
  } catch {
    // nothing stored, or no storage
  }
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3000 });
  else setTimeout(task, 500);
}

export interface Revalidated<T> {
  /** What the page shows: the fresh figures, or until they arrive the stored ones. */
  data: T | undefined;
  /** When `data` was read (ms since the epoch). */
  at: number | undefined;
  /** True once `data` is this visit's own read. */
  fresh: boolean;
  /** No data to show yet. */
  loading: boolean;
  /** The fresh read failed (the stored figures, if any, stay on the page). */
  error: unknown;
  reload(): void;
}

/**
 * Shows the figures stored under `key` for `uid` at once (if not too old)
 * and loads the fresh ones at the same time; they replace the stored ones
 * on the page and in the store. `key` names everything the figures depend
 * on (data/cache-keys.ts, `cacheKey`): a new key starts from nothing, a
 * reload keeps the figures on the page until the new ones arrive. Without an
 * account (`uid` null) nothing is read from or written to the store.
 */
export function useStaleWhileRevalidate<T>(
  key: string,
  uid: string | null,
  load: () => Promise<T>,
): Revalidated<T> {
  type State = Omit<Revalidated<T>, 'reload' | 'loading'> & { key: string };
  const empty = (k: string): State => ({ key: k, data: undefined, at: undefined, fresh: false, error: null });
  const [state, setState] = useState<State>(() => empty(key));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    let arrived = false;
    setState((s) => (s.key === key ? { ...s, fresh: false, error: null } : empty(key)));
    // Both at once: the network read does not wait for the store.
    const fresh = load();
    if (uid)
      void readEntry<T>(key).then((entry) => {
        if (!live || arrived || !entry || !usable(entry, key, uid, Date.now())) return;
        setState({ key, data: entry.value, at: entry.at, fresh: false, error: null });
      });
    fresh.then(
      (data) => {
        arrived = true;
        if (!live) return;
        const at = Date.now();
        setState({ key, data, at, fresh: true, error: null });
        // Copying the figures into the store takes the main thread a moment: after the page has drawn them.
        if (uid) whenIdle(() => void writeEntry({ key, uid, at, value: data }));
      },
      (error: unknown) => {
        arrived = true;
        if (live) setState((s) => ({ ...(s.key === key ? s : empty(key)), fresh: false, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, uid, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const { data, at, fresh, error } = state.key === key ? state : empty(key);
  return { data, at, fresh, error, loading: data === undefined && !error, reload };
}
