/** What every service is given besides the database: time and fresh ids, injected so tests control both. */
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from './clock';

/** A new document id starting with `prefix` (e.g. `audit-…`, `mv-42-…`). */
export type NewId = (prefix: string) => string;

export interface ServiceDeps {
  clock: Clock;
  newId: NewId;
}

export const randomId: NewId = (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 20)}`;

export const defaultDeps: ServiceDeps = { clock: systemClock, newId: randomId };
