/** The auditor's log (routes.tsx spreads it into ROUTES), a lazy chunk of its own. */
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

export const AUDIT_ROUTES: RouteDef[] = [
  {
    path: '/audit',
    component: lazy(() => import('./AuditLog')),
    roles: ['auditor'],
    nav: { label: 'auditLog.nav' },
  },
];
