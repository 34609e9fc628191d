/**
 * Units compared, for reports whose chart is not a quota (evaluation levels,
 * people received): one horizontal stacked bar per unit, segments in the
 * order of `keys`, scaled to the largest total. The figures are in the table
 * beside it; the chart is an image with a summary for screen readers.
 */
const COLORS = ['#2f5d8a', '#5f8fbf', '#e0a526', '#a1160a', '#7a7a7a'];

export interface StackItem {
  key: string;
  label: string;
  values: Record<string, number>;
}

export function StackChart({
  items,
  keys,
  title,
}: {
  items: readonly StackItem[];
  keys: readonly string[];
  title: string;
}) {
  const total = (i: StackItem) => keys.reduce((n, k) => n + (i.values[k] ?? 0), 0);
  const max = Math.max(1, ...items.map(total));
  return (
    <figure class="chart">
      <div class="bars" role="img" aria-label={`${title}: ${items.length}`}>
        {items.map((item) => {
          let x = 0;
          return (
            <div class="bar-row" key={item.key}>
              <span class="bar-label">{item.label}</span>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="bar" aria-hidden="true">
                {keys.map((k, i) => {
                  const w = ((item.values[k] ?? 0) / max) * 100;
                  const rect = (
                    <rect key={k} x={x} y={0} width={w} height={10} fill={COLORS[i % COLORS.length]} />
                  );
                  x += w;
                  return rect;
                })}
              </svg>
              <span class="bar-value">{total(item)}</span>
            </div>
          );
        })}
      </div>
      <figcaption>
        {title}:{' '}
        {keys.map((k, i) => (
          <span key={k} class="legend">
            <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={COLORS[i % COLORS.length]} />
            </svg>{' '}
            {k}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
