/**
 * The reports pages (routes.tsx spreads them into ROUTES), each a lazy chunk
 * of its own: choose a report, follow a province report's progress, see the
 * table, export it to Excel, and the printable page (docs/reports.md).
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

export const REPORT_ROUTES: RouteDef[] = [
  {
    path: '/reports',
    component: lazy(() => import('./ReportsPage')),
    roles: READERS,
    nav: { label: 'report.nav' },
  },
  { path: '/reports/:id', component: lazy(() => import('./ReportsPage')), roles: READERS },
  { path: '/reports/:id/print', component: lazy(() => import('./PrintView')), roles: READERS },
];
