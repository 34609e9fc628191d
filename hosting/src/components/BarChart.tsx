/**
 * Quota bars drawn in SVG (no chart library): for each item, filled,
 * reserved (secondees away) and incoming stacked, and a mark at the
 * allocation; a bar past its mark is over quota. Horizontal bars, so long
 * commune names stay readable at 360 px. The same figures are in the table
 * beside it, so the chart is an image with a summary for screen readers.
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

const COLORS = { filled: '#2f5d8a', reserved: '#8fb3d9', incoming: '#e0a526', over: '#a1160a' };
const ROW = 22;
const LABEL = 150;
const WIDTH = 640;

export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const { t } = useI18n();
  const max = Math.max(
    1,
    ...bars.map((b) => Math.max(b.allocated, b.filled + b.reservedForReturn + b.incoming)),
  );
  const scale = (v: number) => (v / max) * (WIDTH - LABEL - 40);
  const height = bars.length * ROW + 4;
  const over = bars.filter((b) => b.filled + b.reservedForReturn + b.incoming > b.allocated).length;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${bars.length} · ${t('ui.quota.over')}: ${over}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const y = i * ROW + 2;
          const parts = [
            { v: b.filled, c: COLORS.filled },
            { v: b.reservedForReturn, c: COLORS.reserved },
            { v: b.incoming, c: COLORS.incoming },
          ];
          let x = LABEL;
          const isOver = b.filled + b.reservedForReturn + b.incoming > b.allocated;
          return (
            <g key={b.key}>
              <text x={LABEL - 6} y={y + ROW / 2 + 4} text-anchor="end">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              {parts.map((p, j) => {
                const w = scale(p.v);
                const rect = <rect key={j} x={x} y={y + 3} width={w} height={ROW - 8} fill={p.c} />;
                x += w;
                return rect;
              })}
              <line
                x1={LABEL + scale(b.allocated)}
                x2={LABEL + scale(b.allocated)}
                y1={y}
                y2={y + ROW - 2}
                stroke={isOver ? COLORS.over : '#1b1b1b'}
                stroke-width={2}
              />
              <text x={x + 4} y={y + ROW / 2 + 4} fill={isOver ? COLORS.over : undefined}>
                {b.filled + b.reservedForReturn + b.incoming}/{b.allocated}
              </text>
            </g>
          );
        })}
      </svg>
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
            <i style={{ background: '#1b1b1b', width: '3px' }} />
            {t('ui.quota.allocated')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
