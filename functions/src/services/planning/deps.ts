/** What the planning use cases are given: the shared deps, the planning store, the catalogue and the rules' figures. */
import type { Firestore } from 'firebase-admin/firestore';
import type { PlanningTargetsCatalogue, Position } from '@canbo/model';
import { PlanningStore } from '../../data/planning';
import { DEFAULT_PLANNING_PARAMS, PLANNING_TARGETS, type PlanningParams } from '../../domain/planning';
import { POSITION_BY_ID } from '../../domain/positions';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { useCaseDeps, type UseCaseDeps } from '../deps';

export interface PlanningDeps extends UseCaseDeps {
  planning: PlanningStore;
  positions: ReadonlyMap<string, Position>;
  targets: PlanningTargetsCatalogue;
  params: PlanningParams;
}

export function planningDeps(db: Firestore, deps: ServiceDeps = defaultDeps): PlanningDeps {
  return {
    ...useCaseDeps(db, deps),
    planning: new PlanningStore(db),
    positions: POSITION_BY_ID,
    targets: PLANNING_TARGETS,
    params: DEFAULT_PLANNING_PARAMS,
  };
}
