/**
 * The area monitors' province page (routes.tsx spreads MONITOR_ROUTES into
 * ROUTES). The monitor's own page is /monitor (pages/Monitor.tsx).
 */
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

export const MONITOR_ROUTES: RouteDef[] = [
  {
    path: '/monitors',
    component: lazy(() => import('./Province')),
    roles: ['province_admin', 'auditor'],
    nav: { label: 'mon.ui.province' },
  },
];
