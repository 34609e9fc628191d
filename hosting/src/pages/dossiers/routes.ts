/**
 * The dossier pages' routes (routes.tsx spreads them into ROUTES), each a
 * lazy chunk: my dossier (a cadre), a person's dossier for the staff who may
 * read it (the purpose first), the province's correction queue, and the
 * auditor's access log.
 */
import { lazy } from 'preact-iso';
import type { RouteDef } from '../../routes';

export const DOSSIER_ROUTES: RouteDef[] = [
  {
    path: '/dossier',
    component: lazy(() => import('./MyDossier')),
    roles: ['cadre'],
    nav: { label: 'dossier.nav.mine' },
  },
  {
    path: '/cadres/:id/dossier',
    component: lazy(() => import('./CadreDossier')),
    roles: ['province_admin', 'auditor', 'commune_admin'],
  },
  {
    path: '/dossiers/corrections',
    component: lazy(() => import('./Corrections')),
    roles: ['province_admin', 'auditor'],
    nav: { label: 'dossier.nav.corrections' },
  },
  {
    path: '/dossiers/reads',
    component: lazy(() => import('./Reads')),
    roles: ['auditor'],
    nav: { label: 'dossier.nav.reads' },
  },
];
