/**
 * The satisfaction pages' routes (routes.tsx spreads them into ROUTES), each a
 * lazy chunk of its own (docs/satisfaction.md, "Pages"). Who sees what follows
 * getSatisfaction's scope: the province page and the review list are the
 * province's; a commune's page its staff's too; an officer's page also the
 * officer's own (comments only for those the rules let read them).
 */
import type { Role } from '@canbo/model';
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

const PROVINCE: readonly Role[] = ['province_admin', 'auditor'];
const STAFF: readonly Role[] = [...PROVINCE, 'area_monitor', 'commune_admin', 'commune_viewer'];

export const SATISFACTION_ROUTES: RouteDef[] = [
  {
    path: '/satisfaction',
    component: lazy(() => import('./Province')),
    roles: PROVINCE,
    nav: { label: 'sat.nav' },
  },
  {
    path: '/satisfaction/review',
    component: lazy(() => import('./Review')),
    roles: PROVINCE,
    nav: { label: 'sat.nav.review' },
  },
  {
    path: '/satisfaction/communes/:code',
    component: lazy(() => import('./CommuneView')),
    roles: STAFF,
    nav: {
      label: 'sat.nav',
      href: (c) =>
        c.role !== 'province_admin' && c.role !== 'auditor' && c.communes?.[0]
          ? `/satisfaction/communes/${c.communes[0]}`
          : null,
    },
  },
  {
    path: '/satisfaction/officers/:id',
    component: lazy(() => import('./OfficerView')),
    roles: [...STAFF, 'cadre'],
    nav: {
      label: 'sat.nav',
      href: (c) => (c.role === 'cadre' && c.cadreId ? `/satisfaction/officers/${c.cadreId}` : null),
    },
  },
];
