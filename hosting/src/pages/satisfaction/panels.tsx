/**
 * The satisfaction panels mounted on other pages, each self-contained (it
 * loads its own data, shows its own error): the commune's, the officer's and
 * the province's current quarter in two lines, with a link to the full page.
 * A panel calls getSatisfaction only once it scrolls near the screen, so the
 * page it sits on does not wait for (or download the Functions SDK for) it;
 * the dashboard's province panel only when asked (measured by bench:web: on
 * a first visit the overview is one line tall while it loads, so "near"
 * fired at once and the province's ratings were read with every opening).
 */
import type { SatisfactionReport } from '@canbo/model';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../../components/ErrorView';
import { useI18n } from '../../lib/i18n';
import { useClaims } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { currentQuarter, getSatisfaction, intervalText, mainRow, percent, quarterParams } from './data';
import { SampleMark } from './parts';

/** True once the element has come within 200 px of the viewport (at once without IntersectionObserver). */
function useNear(): [preact.RefObject<HTMLElement | null>, boolean] {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          io.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(ref.current);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

function Panel({
  load,
  render,
  testId,
  onRequest = false,
}: {
  load: (period: string) => Promise<SatisfactionReport>;
  render: (r: SatisfactionReport) => preact.ComponentChildren;
  testId: string;
  /**
   * Load only when asked (a button), not when scrolled near: the province's
   * figures are computed from every rating of the quarter (thousands of
   * reads), too much to spend on each opening of the dashboard.
   */
  onRequest?: boolean;
}) {
  const { t } = useI18n();
  const period = currentQuarter();
  const [ref, near] = useNear();
  const [asked, setAsked] = useState(false);
  const wanted = onRequest ? asked : near;
  const data = useAsync(async () => (wanted ? load(period) : null), [wanted, period]);
  return (
    <section class="panel" ref={ref} data-satisfaction-panel={testId} aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>
        {t('sat.panel.title', { period: t('sat.quarter', quarterParams(period)) })}
      </h2>
      {onRequest && !asked && (
        <button type="button" onClick={() => setAsked(true)}>
          {t('sat.panel.load')}
        </button>
      )}
      {data.loading && wanted && <Loading />}
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {data.data && render(data.data)}
    </section>
  );
}

/** A commune's satisfaction this quarter (Commune.tsx). */
export function CommuneSatisfactionPanel({ code }: { code: string }) {
  const { t, lang } = useI18n();
  return (
    <Panel
      testId="commune"
      load={(period) => getSatisfaction({ period, unitCode: code })}
      render={(r) => {
        const u = r.units.find((x) => x.unitCode === code);
        return (
          <p>
            {u
              ? t('sat.panel.summary', { count: u.count, share: percent(u.share, lang) })
              : t('sat.none', { period: t('sat.quarter', quarterParams(r.period)) })}{' '}
            {u && <SampleMark count={u.count} min={r.config.minRatings} />}{' '}
            {u?.interval && `(${t('sat.interval')}: ${intervalText(u.interval, lang)})`}{' '}
            <a href={`/satisfaction/communes/${code}`}>{t('sat.more')}</a>
          </p>
        );
      }}
    />
  );
}

/** An officer's satisfaction this quarter (Cadre.tsx). */
export function CadreSatisfactionPanel({ cadreId }: { cadreId: string }) {
  const { t, lang } = useI18n();
  return (
    <Panel
      testId="cadre"
      load={(period) => getSatisfaction({ period, cadreId })}
      render={(r) => {
        const o = mainRow(r, cadreId);
        const min = r.config.minRatings;
        return (
          <p>
            {o
              ? `${t('sat.count')}: ${o.count} · ${t('sat.estimate')}: ${
                  o.status === 'scored'
                    ? `${percent(o.estimate, lang)} (${intervalText(o.interval, lang)})`
                    : t('sat.insufficient', { min })
                }`
              : t('sat.none', { period: t('sat.quarter', quarterParams(r.period)) })}{' '}
            <a href={`/satisfaction/officers/${cadreId}`}>{t('sat.more')}</a>
          </p>
        );
      }}
    />
  );
}

/** The province's satisfaction this quarter (Dashboard.tsx): totals, units, flagged ratings to review. */
export function DashboardSatisfactionPanel() {
  const { t, lang } = useI18n();
  const claims = useClaims();
  return (
    <Panel
      testId="province"
      onRequest
      load={(period) => getSatisfaction({ period })}
      render={(r) => {
        const count = r.units.reduce((n, u) => n + u.count, 0);
        const satisfied = r.units.reduce((n, u) => n + u.satisfied, 0);
        const pending = (r.flagged ?? []).filter((f) => !f.review).length;
        return (
          <p>
            {t('sat.panel.summary', { count, share: percent(count ? satisfied / count : null, lang) })} ·{' '}
            {t('sat.panel.units', { count: r.units.length })} · <a href="/satisfaction">{t('sat.more')}</a>
            {pending > 0 && claims.role === 'province_admin' && (
              <>
                {' · '}
                <a href="/satisfaction/review">{t('sat.review.link', { count: pending })}</a>
              </>
            )}
          </p>
        );
      }}
    />
  );
}
