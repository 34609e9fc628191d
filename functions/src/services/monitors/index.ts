/**
 * The area monitors' use cases (issue 13, docs/monitors.md), bound to a
 * database like services/index.ts binds the others: the monitor callables
 * (api/*Monitor*.callable.ts) call `getMonitorUseCases()`.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../lib/actor';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { currentScope } from '../scopes/current-scope';
import { assignMonitor, reassignMonitorCommune } from './assign';
import { monitorDeps } from './deps';
import { recordMonitorEntry, updateMonitorEntry } from './log';
import { getMonitorReport } from './report';

type Bound<F> = F extends (deps: never, actor: Actor, input: infer I) => infer R
  ? (actor: Actor, input: I) => R
  : never;

export interface MonitorUseCases {
  assignMonitor: Bound<typeof assignMonitor>;
  reassignMonitorCommune: Bound<typeof reassignMonitorCommune>;
  recordMonitorEntry: Bound<typeof recordMonitorEntry>;
  updateMonitorEntry: Bound<typeof updateMonitorEntry>;
  getMonitorReport: Bound<typeof getMonitorReport>;
}

/**
 * The use cases over `db`. Each first brings an area monitor's communes up to
 * its scope document (./../scopes/current-scope.ts), as every callable should.
 */
export function monitorUseCases(db: Firestore, deps: ServiceDeps = defaultDeps): MonitorUseCases {
  const d = monitorDeps(db, deps);
  const now = (actor: Actor) => currentScope(d.repos.userScopes, actor);
  return {
    assignMonitor: async (actor, input) => assignMonitor(d, await now(actor), input),
    reassignMonitorCommune: async (actor, input) => reassignMonitorCommune(d, await now(actor), input),
    recordMonitorEntry: async (actor, input) => recordMonitorEntry(d, await now(actor), input),
    updateMonitorEntry: async (actor, input) => updateMonitorEntry(d, await now(actor), input),
    getMonitorReport: async (actor, input) => getMonitorReport(d, await now(actor), input),
  };
}

let bound: MonitorUseCases | undefined;

/** The monitor use cases over the default app (initialised here on first use). */
export function getMonitorUseCases(): MonitorUseCases {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = monitorUseCases(getFirestore());
  }
  return bound;
}
