/**
 * Shares against targets (no chart library): for each figure a bar of the
 * actual share and a mark at the target; a bar short of its mark is not met.
 * SVG bars on a 0–100 % viewBox with the figures written beside them, so it
 * reads the same at 360 px; the table next to it has the same figures.
 */
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

export interface TargetBar {
  key: string;
  label: string;
  share: number;
  minShare: number;
  met: boolean;
}

export function TargetChart({ bars, title }: { bars: readonly TargetBar[]; title: string }) {
  const { t, lang } = useI18n();
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const unmet = bars.filter((b) => !b.met).length;
  return (
    <figure class="chart">
      <div
        class="bars"
        role="img"
        aria-label={`${title}: ${t('planning.ui.notMet')} ${unmet}/${bars.length}`}
      >
        {bars.map((b) => (
          <div class="bar-row" key={b.key} data-figure={b.key} data-met={b.met ? 'true' : 'false'}>
            <span class="bar-label">{b.label}</span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="bar" aria-hidden="true">
              <rect
                x="0"
                y="1"
                width={Math.min(100, pct(b.share))}
                height="8"
                fill={b.met ? '#2f5d8a' : '#a1160a'}
              />
              <line
                x1={pct(b.minShare)}
                x2={pct(b.minShare)}
                y1="0"
                y2="10"
                stroke="#1b1b1b"
                stroke-width="0.8"
              />
            </svg>
            <span class="bar-figure">
              {formatNumber(pct(b.share), lang)} % / {formatNumber(pct(b.minShare), lang)} %
            </span>
          </div>
        ))}
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
