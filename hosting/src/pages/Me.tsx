/** A cadre's own record (claims.cadreId). */
import { Notice } from '../components/ErrorView';
import { useI18n } from '../lib/i18n';
import { useClaims } from '../lib/session';
import { CadreRecord } from './cadre-record';
import { CadreEvaluationPanel } from './evaluation/Panel';
import { MyDossierPanel } from './dossiers/panels';

export default function Me() {
  const claims = useClaims();
  const { t } = useI18n();
  if (!claims.cadreId) return <Notice>{t('ui.noRole')}</Notice>;
  return (
    <>
      <CadreRecord claims={claims} id={claims.cadreId} title="ui.page.me" />
      <MyDossierPanel />
      <CadreEvaluationPanel cadreId={claims.cadreId} />
    </>
  );
}
