/**
 * The dossier panels mounted on other pages, each self-contained: on the
 * cadre page a link to the dossier for the roles that may read one (the
 * read itself asks for a purpose first), on "my record" a link to my dossier.
 */
import { isDossierReaderRole } from '@canbo/model/messages/dossiers';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';

export function CadreDossierPanel({ cadreId }: { cadreId: string }) {
  const { t } = useI18n();
  const claims = useClaims();
  if (!isDossierReaderRole(claims.role) || claims.role === 'cadre' || !cadreId) return null;
  return (
    <section class="panel" aria-labelledby="dossier-panel-title" data-dossier-panel>
      <h2 id="dossier-panel-title">{t('dossier.page.view')}</h2>
      <p>{t('dossier.logged')}</p>
      <a href={`/cadres/${cadreId}/dossier`}>{t('dossier.open')}</a>
    </section>
  );
}

export function MyDossierPanel() {
  const { t } = useI18n();
  const claims = useClaims();
  if (claims.role !== 'cadre') return null;
  return (
    <section class="panel" aria-labelledby="my-dossier-panel-title" data-dossier-panel>
      <h2 id="my-dossier-panel-title">{t('dossier.page.mine')}</h2>
      <p>{t('dossier.logged')}</p>
      <a href="/dossier">{t('dossier.nav.mine')}</a>
    </section>
  );
}
