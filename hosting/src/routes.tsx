/**
 * The route table: every page of the client, in one list. A page is a
 * default-exported component in its own file under pages/, loaded with
 * `lazy()` so each route is a chunk of its own (the dashboard's first load
 * stays small: docs in hosting/README.md, "Budget").
 *
 * To add a page: write `pages/<area>/<Name>.tsx` (default export), add an
 * entry below with its path (`:name` parameters arrive as props and in
 * `useRoute().params`), the roles that may open it (others get the "your role
 * cannot use this page" notice, never a raw permission error) and, for a menu
 * entry, `nav` with a catalogue key for its label.
 */
import type { Claims, Role } from '@canbo/model';
import type { MessageKey } from '@canbo/model/messages';
import type { AnyComponent } from 'preact';
import { lazy } from 'preact-iso';
import { homePath } from './lib/claims';
import { AUDIT_ROUTES } from './pages/audit/routes';
import { MOVEMENT_ROUTES } from './pages/movements/routes';
import { EVALUATION_ROUTES } from './pages/evaluation/routes';
import { REPORT_ROUTES } from './pages/reports/routes';
import { SATISFACTION_ROUTES } from './pages/satisfaction/routes';
// Area monitors (issue 13, H-monitors)
import { MONITOR_ROUTES } from './pages/monitors/routes';
// Personal dossiers (issue 13, H-dossiers)
import { DOSSIER_ROUTES } from './pages/dossiers/routes';
// Planning (issue 13, H-planning)
import { PLANNING_ROUTES } from './pages/planning/routes';
import { matchesPath } from './lib/paths';

export interface RouteDef {
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: AnyComponent<any>;
  /** Roles that may open the page; absent: every signed-in role with a scope. */
  roles?: readonly Role[];
  /** A menu entry: its label, and the href when the path has parameters. */
  nav?: { label: MessageKey; href?: (claims: Claims) => string | null };
}

const ALL: readonly Role[] = ['province_admin', 'auditor', 'area_monitor', 'commune_admin', 'commune_viewer'];

export const ROUTES: RouteDef[] = [
  {
    path: '/dashboard',
    component: lazy(() => import('./pages/Dashboard')),
    roles: ['province_admin', 'auditor'],
    nav: { label: 'ui.nav.dashboard' },
  },
  {
    path: '/monitor',
    component: lazy(() => import('./pages/Monitor')),
    roles: ['area_monitor'],
    nav: { label: 'ui.nav.monitor' },
  },
  {
    path: '/communes/:code',
    component: lazy(() => import('./pages/Commune')),
    roles: ALL,
    nav: {
      label: 'ui.nav.commune',
      href: (c) =>
        (c.role === 'commune_admin' || c.role === 'commune_viewer') && c.communes?.[0]
          ? `/communes/${c.communes[0]}`
          : null,
    },
  },
  {
    path: '/cadres/:id',
    component: lazy(() => import('./pages/Cadre')),
    roles: ALL,
  },
  {
    path: '/me',
    component: lazy(() => import('./pages/Me')),
    roles: ['cadre'],
    nav: { label: 'ui.nav.me' },
  },
  // The movement pages and the audit log (H3) register their routes here, one spread each:
  // ...MOVEMENT_ROUTES (pages/movements/routes.ts), ...AUDIT_ROUTES (pages/audit/routes.ts).
  ...MOVEMENT_ROUTES,
  ...AUDIT_ROUTES,
  // The board's reports (H-reports, issue 13): pages/reports/routes.ts
  ...REPORT_ROUTES,
  // Citizen satisfaction (issue 11): pages/satisfaction/routes.ts
  ...SATISFACTION_ROUTES,
  // Area monitors (issue 13, H-monitors): /monitors
  ...MONITOR_ROUTES,
  // Personal dossiers (issue 13, H-dossiers): /dossier, /cadres/:id/dossier, /dossiers/*
  ...DOSSIER_ROUTES,
  // Planning (issue 13, H-planning): /planning, /planning/structure
  ...PLANNING_ROUTES,
  // Quarterly evaluation, screening and honours (issues 12/13, H-evalweb): /evaluation, /screening
  ...EVALUATION_ROUTES,
];

/** The menu of an account: the routes it may open that have a menu entry, with their hrefs. */
export function menuOf(claims: Claims): { href: string; label: MessageKey }[] {
  const items: { href: string; label: MessageKey }[] = [];
  for (const r of ROUTES) {
    if (!r.nav || (r.roles && !r.roles.includes(claims.role))) continue;
    const href = r.nav.href ? r.nav.href(claims) : r.path;
    if (href) items.push({ href, label: r.nav.label });
  }
  return items;
}

export { homePath, matchesPath };
