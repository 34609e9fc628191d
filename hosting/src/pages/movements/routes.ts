/**
 * The movement pages' routes (routes.tsx spreads them into ROUTES). Each page
 * is a lazy chunk of its own: the dashboard's first load never pays for them.
 */
import type { Role } from '@canbo/model';
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

/** Who proposes (docs/api.md, "Roles and scope"): province admins, and commune admins within their communes. */
export const PROPOSERS: readonly Role[] = ['province_admin', 'commune_admin'];
const READERS: readonly Role[] = [
  'province_admin',
  'auditor',
  'area_monitor',
  'commune_admin',
  'commune_viewer',
];

export const MOVEMENT_ROUTES: RouteDef[] = [
  {
    path: '/movements',
    component: lazy(() => import('./Queue')),
    roles: READERS,
    nav: { label: 'mv.nav.queue' },
  },
  { path: '/movements/new', component: lazy(() => import('./Propose')), roles: PROPOSERS },
  { path: '/movements/:id', component: lazy(() => import('./MovementPage')), roles: [...READERS, 'cadre'] },
];
