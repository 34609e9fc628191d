/** A person's record, opened from a commune, an alert or a movement. */
import { useRoute } from 'preact-iso';
import { useClaims } from '../lib/session';
import { CadreRecord } from './cadre-record';
import { CadreEvaluationPanel } from './evaluation/Panel';
import { CadreSatisfactionPanel } from './satisfaction/panels';
import { CadreDossierPanel } from './dossiers/panels';

export default function Cadre() {
  const { params } = useRoute();
  const claims = useClaims();
  return (
    <>
      <CadreRecord claims={claims} id={params.id ?? ''} title="ui.page.cadre" />
      <CadreSatisfactionPanel cadreId={params.id ?? ''} />
      <CadreDossierPanel cadreId={params.id ?? ''} />
      <CadreEvaluationPanel cadreId={params.id ?? ''} />
    </>
  );
}
