/** What a use case is given: the database (for transactions), its repositories, a clock and ids. */
import type { Firestore } from 'firebase-admin/firestore';
import { repositories, type Repositories } from '../data/repositories';
import type { Clock } from '../lib/clock';
import { defaultDeps, type NewId, type ServiceDeps } from '../lib/deps';

export interface UseCaseDeps {
  db: Firestore;
  repos: Repositories;
  clock: Clock;
  newId: NewId;
}

export function useCaseDeps(db: Firestore, deps: ServiceDeps = defaultDeps): UseCaseDeps {
  return { db, repos: repositories(db, deps), clock: deps.clock, newId: deps.newId };
}
