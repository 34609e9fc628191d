/**
 * The planning pages' routes (routes.tsx spreads them into ROUTES): the lists
 * per post and term, and the structure against targets. Lazy chunks of their own.
 */
import type { Role } from '@canbo/model';
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

/** Who reads planning lists (firestore.rules, `match /planning`); only province admins change them. */
export const PLANNING_READERS: readonly Role[] = [
  'province_admin',
  'auditor',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
];

export const PLANNING_ROUTES: RouteDef[] = [
  {
    path: '/planning',
    component: lazy(() => import('./PlanningPage')),
    roles: PLANNING_READERS,
    nav: { label: 'planning.ui.nav' },
  },
  { path: '/planning/structure', component: lazy(() => import('./StructurePage')), roles: PLANNING_READERS },
];
