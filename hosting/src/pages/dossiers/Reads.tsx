/**
 * The auditor's view of the province's dossier access log: who read whose
 * private dossier, when, which fields and why; filtered by a date range (in
 * Vietnam days), one person or one reader account; exported to Excel. The
 * rules open the log to the auditors of the province only (and each person
 * to their own entries).
 */
import { useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { loadReads, readsOfProvince, type ReadsFilter } from './data';
import { ReadsTable } from './parts';

export default function Reads() {
  const { t } = useI18n();
  const claims = useClaims();
  const [draft, setDraft] = useState<ReadsFilter>({ from: '', to: '', cadreId: '', readerUid: '' });
  const [filter, setFilter] = useState<ReadsFilter>(draft);
  const reads = useAsync(() => loadReads(readsOfProvince(claims, filter)), [claims, JSON.stringify(filter)]);
  const set = (k: keyof ReadsFilter) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <div data-ready={reads.loading ? undefined : 'true'} data-page="dossier-reads">
      <h1>{t('dossier.page.reads')}</h1>
      <section class="panel">
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(draft);
          }}
        >
          <label for="reads-from">{t('dossier.filter.from')}</label>
          <input id="reads-from" type="date" value={draft.from} onInput={set('from')} />
          <label for="reads-to">{t('dossier.filter.to')}</label>
          <input id="reads-to" type="date" value={draft.to} onInput={set('to')} />
          <label for="reads-cadre">{t('dossier.filter.cadre')}</label>
          <input id="reads-cadre" value={draft.cadreId} onInput={set('cadreId')} />
          <label for="reads-reader">{t('dossier.filter.reader')}</label>
          <input id="reads-reader" value={draft.readerUid} onInput={set('readerUid')} />
          <button type="submit">{t('dossier.filter.apply')}</button>
        </form>
      </section>
      <section class="panel" data-dossier-reads={reads.data?.length ?? ''}>
        {reads.loading && <Loading />}
        {reads.error ? <ErrorView error={reads.error} onRetry={reads.reload} /> : null}
        {reads.data && <ReadsTable rows={reads.data} caption={t('dossier.page.reads')} showCadre />}
      </section>
    </div>
  );
}
