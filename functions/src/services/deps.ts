/** What a use case is given: the database (for transactions), its repositories, a clock and ids. */
import type { Firestore } from 'firebase-admin/firestore';
import { repositories, type Repositories } from '../data/repositories';
import { UnitStatsStore } from '../data/unit-stats';
import type { Clock } from '../lib/clock';
import { defaultDeps, type NewId, type ServiceDeps } from '../lib/deps';

export interface UseCaseDeps {
  db: Firestore;
  repos: Repositories;
  /** unitStats/{unitCode}: written in the same transactions as the people and quotas they count. */
  stats: UnitStatsStore;
  clock: Clock;
  newId: NewId;
}

export function useCaseDeps(db: Firestore, deps: ServiceDeps = defaultDeps): UseCaseDeps {
  return {
    db,
    repos: repositories(db, deps),
    stats: new UnitStatsStore(db),
    clock: deps.clock,
    newId: deps.newId,
  };
}
