/** What the monitor use cases are given: the usual deps and the monitors' repository. */
import type { Firestore } from 'firebase-admin/firestore';
import { MonitorRepository } from '../../data/monitors';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { useCaseDeps, type UseCaseDeps } from '../deps';

export interface MonitorDeps extends UseCaseDeps {
  monitors: MonitorRepository;
}

export function monitorDeps(db: Firestore, deps: ServiceDeps = defaultDeps): MonitorDeps {
  return { ...useCaseDeps(db, deps), monitors: new MonitorRepository(db) };
}
