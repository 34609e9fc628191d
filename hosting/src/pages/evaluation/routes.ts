/**
 * The evaluation and screening pages' routes (routes.tsx spreads them into
 * ROUTES as `...EVALUATION_ROUTES`). Each page is a lazy chunk of its own.
 */
import type { Role } from '@canbo/model';
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

const READERS: readonly Role[] = [
  'province_admin',
  'auditor',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
];
/** Who records inputs (recordEvaluationInputs): the province, and commune admins within their communes. */
export const RECORDERS: readonly Role[] = ['province_admin', 'commune_admin'];
/** Who reviews a level (reviewEvaluation). */
export const REVIEWERS: readonly Role[] = ['province_admin', 'area_monitor'];

export const EVALUATION_ROUTES: RouteDef[] = [
  {
    path: '/evaluation',
    component: lazy(() => import('./Quarter')),
    roles: READERS,
    nav: { label: 'ev.nav.quarter' },
  },
  {
    path: '/evaluation/cadres/:id',
    component: lazy(() => import('./CadreEvaluation')),
    roles: [...READERS, 'cadre'],
  },
  { path: '/evaluation/cadres/:id/inputs', component: lazy(() => import('./Inputs')), roles: RECORDERS },
  {
    path: '/screening',
    component: lazy(() => import('../screening/Screening')),
    roles: READERS,
    nav: { label: 'ev.nav.screening' },
  },
];
