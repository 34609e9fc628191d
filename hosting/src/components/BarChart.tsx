/**
 * Quota bars (no chart library): for each item, filled, reserved (secondees
 * away) and incoming stacked, and a mark at the allocation; a bar past its
 * mark is over quota. Each row is a label, an SVG bar stretched to the width
 * left and the "taken/allocated" figure, so the chart reads the same at
 * 360 px and on a desktop. The same figures are in the table beside it: the
 * chart is an image with a summary for screen readers.
 */
import { useI18n } from '../lib/i18n';

export interface Bar {
  key: string;
  label: string;
  allocated: number;
  filled: number;
  reservedForReturn: number;
  incoming: number;
}

const COLORS = {
  filled: '#2f5d8a',
  reserved: '#8fb3d9',
  incoming: '#e0a526',
  over: '#a1160a',
  mark: '#1b1b1b',
};

export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const { t } = useI18n();
  const taken = (b: Bar) => b.filled + b.reservedForReturn + b.incoming;
  const max = Math.max(1, ...bars.map((b) => Math.max(b.allocated, taken(b))));
  // Bars in percent of the largest figure, on a 0–100 wide viewBox.
  const pct = (v: number) => (v / max) * 100;
  const over = bars.filter((b) => taken(b) > b.allocated).length;
  return (
    <figure class="chart">
      <div class="bars" role="img" aria-label={`${title}: ${bars.length} · ${t('ui.quota.over')}: ${over}`}>
        {bars.map((b) => {
          const isOver = taken(b) > b.allocated;
          const parts = [
            { v: b.filled, c: COLORS.filled },
            { v: b.reservedForReturn, c: COLORS.reserved },
            { v: b.incoming, c: COLORS.incoming },
          ];
          let x = 0;
          return (
            <div class="bar-row" key={b.key} aria-hidden="true">
              <span class="bar-label" title={b.label}>
                {b.label}
              </span>
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none">
                {parts.map((p, j) => {
                  const rect = <rect key={j} x={x} y={1} width={pct(p.v)} height={8} fill={p.c} />;
                  x += pct(p.v);
                  return rect;
                })}
                <line
                  x1={pct(b.allocated)}
                  x2={pct(b.allocated)}
                  y1={0}
                  y2={10}
                  stroke={isOver ? COLORS.over : COLORS.mark}
                  stroke-width={3}
                  vector-effect="non-scaling-stroke"
                />
              </svg>
              <span class={isOver ? 'bar-value over' : 'bar-value'}>
                {taken(b)}/{b.allocated}
              </span>
            </div>
          );
        })}
      </div>
      <figcaption>
        <ul class="legend">
          <li>
            <i style={{ background: COLORS.filled }} />
            {t('ui.quota.filled')}
          </li>
          <li>
            <i style={{ background: COLORS.reserved }} />
            {t('ui.quota.reserved')}
          </li>
          <li>
            <i style={{ background: COLORS.incoming }} />
            {t('ui.quota.incoming')}
          </li>
          <li>
            <i style={{ background: COLORS.mark, width: '3px' }} />
            {t('ui.quota.allocated')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
