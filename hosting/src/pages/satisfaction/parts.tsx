/**
 * Pieces the satisfaction pages share: the quarter picker, the share chart
 * (each unit's or officer's satisfied share as a bar, its 95 % interval as a
 * whisker, a small sample pale), the small-sample marker and the trend
 * figures. The chart draws the same figures as the table beside it, so it is
 * an image with a summary for screen readers (as components/BarChart.tsx).
 */
import type { Interval } from '@canbo/model';
import { useI18n } from '../../lib/i18n';
import { intervalText, percent, quarterParams } from './data';

export function QuarterPicker({
  periods,
  value,
  onChange,
}: {
  periods: readonly string[];
  value: string;
  onChange: (p: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label class="filters">
      {t('sat.period')}{' '}
      <select
        name="period"
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {t('sat.quarter', quarterParams(p))}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface ShareBar {
  key: string;
  label: string;
  share: number | null;
  interval: Interval | null;
  /** Fewer ratings than the minimum: drawn pale, and said so. */
  small: boolean;
}

const COLORS = { bar: '#2f5d8a', small: '#b9cde2', whisker: '#1b1b1b' };

export function ShareChart({ bars, title }: { bars: readonly ShareBar[]; title: string }) {
  const { t, lang } = useI18n();
  const shown = bars.filter((b) => b.share !== null);
  return (
    <figure class="chart">
      <div
        class="bars"
        role="img"
        aria-label={`${title}: ${shown.map((b) => `${b.label} ${percent(b.share, lang)}`).join('; ')}`}
      >
        {shown.map((b) => (
          <div class="bar-row" key={b.key} aria-hidden="true">
            <span class="bar-label" title={b.label}>
              {b.label}
            </span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none">
              <rect
                x={0}
                y={2}
                width={b.share! * 100}
                height={6}
                fill={b.small ? COLORS.small : COLORS.bar}
              />
              {b.interval && (
                <line
                  x1={b.interval.low * 100}
                  x2={b.interval.high * 100}
                  y1={5}
                  y2={5}
                  stroke={COLORS.whisker}
                  stroke-width={1.5}
                  vector-effect="non-scaling-stroke"
                />
              )}
            </svg>
            <span class="bar-value" title={intervalText(b.interval, lang)}>
              {percent(b.share, lang)}
            </span>
          </div>
        ))}
      </div>
      <figcaption>
        <ul class="legend">
          <li>
            <i style={{ background: COLORS.bar }} />
            {t('sat.share')}
          </li>
          <li>
            <i style={{ background: COLORS.whisker, height: '2px' }} />
            {t('sat.interval')}
          </li>
          <li>
            <i style={{ background: COLORS.small }} />
            {t('sat.chartSmall')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

const SMALL = { background: '#fff3cd', color: '#5c4400', padding: '0 0.3em', borderRadius: '3px' };

/** The small-sample marker: the count is shown, but the share is not a verdict. */
export function SampleMark({ count, min }: { count: number; min: number }) {
  const { t } = useI18n();
  return count < min ? (
    <span style={SMALL} data-small-sample="true" title={t('sat.insufficient', { min })}>
      {t('sat.smallSample', { min })}
    </span>
  ) : (
    <span>{t('sat.enough')}</span>
  );
}

/** The shares of the quarters, oldest first, as text: `72,0 % → 80,5 %`. */
export function trendText(shares: readonly (number | null)[], lang: 'vi' | 'en'): string {
  return shares.map((s) => percent(s, lang)).join(' → ');
}
