/**
 * What the evaluation and screening pages share: the quarters offered, the
 * level labels and colours, the levels chart per unit (stacked bars, the same
 * figures as the table beside it), and a level's reasons in words.
 */
import type { ScoreReason } from '@canbo/model';
import type { MessageKey } from '@canbo/model/messages';
import { useI18n } from '../../lib/i18n';
import { todayInVietnam } from '../../lib/format';

export const LEVELS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type LevelKey = (typeof LEVELS)[number] | 'notRated';
export const LEVEL_KEYS: readonly LevelKey[] = [...LEVELS, 'notRated'];

export const levelLabel = (l: LevelKey): MessageKey => `ev.level.${l}`;

const COLORS: Record<LevelKey, string> = {
  HTXS: '#1f6f3f',
  HTT: '#5fa35f',
  HT: '#e0a526',
  KHT: '#a1160a',
  notRated: '#9a9a9a',
};

/** The quarter a day falls in: 2026-08-15 → 2026-Q3. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function before(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The quarters offered, newest first: the current one and the seven before. The default is the last ended. */
export function quartersOffered(today = todayInVietnam()): string[] {
  const out = [quarterOfDay(today)];
  while (out.length < 8) out.push(before(out[out.length - 1]!));
  return out;
}
export const defaultQuarter = (today = todayInVietnam()) => before(quarterOfDay(today));

export function PeriodSelect({ value, onChange }: { value: string; onChange: (p: string) => void }) {
  const { t } = useI18n();
  return (
    <label class="inline">
      {t('ev.period')}{' '}
      <select
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
        data-field="period"
      >
        {quartersOffered().map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface LevelRow {
  key: string;
  label: string;
  levels: Record<LevelKey, number>;
}

/** One stacked bar per unit: how many people at each level. */
export function LevelChart({ rows, title }: { rows: readonly LevelRow[]; title: string }) {
  const { t } = useI18n();
  const sum = (r: LevelRow) => LEVEL_KEYS.reduce((s, k) => s + r.levels[k], 0);
  const max = Math.max(1, ...rows.map(sum));
  return (
    <figure class="chart" data-chart="levels">
      <div class="bars" role="img" aria-label={`${title}: ${rows.length}`}>
        {rows.map((r) => {
          let x = 0;
          return (
            <div class="bar-row" key={r.key} aria-hidden="true" data-unit={r.key}>
              <span class="bar-label" title={r.label}>
                {r.label}
              </span>
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none">
                {LEVEL_KEYS.map((k) => {
                  const w = (r.levels[k] / max) * 100;
                  const rect = <rect key={k} x={x} y={1} width={w} height={8} fill={COLORS[k]} />;
                  x += w;
                  return rect;
                })}
              </svg>
              <span class="bar-value">{sum(r)}</span>
            </div>
          );
        })}
      </div>
      <figcaption>
        <ul class="legend">
          {LEVEL_KEYS.map((k) => (
            <li key={k}>
              <i style={{ background: COLORS[k] }} />
              {t(levelLabel(k))}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A level's reasons, in the reader's language (messages of the evaluation area). */
export function reasonText(r: ScoreReason, t: ReturnType<typeof useI18n>['t']): string {
  if (r.code === 'score')
    return t('evaluation.reason.score', { total: r.total, level: t(levelLabel(r.level)) });
  if (r.code === 'override') return t(`evaluation.reason.${r.fact}`);
  return r.why === 'no_products'
    ? t('evaluation.reason.noProducts')
    : t('evaluation.reason.workingTime', { days: r.workingDays ?? 0 });
}

/** The value of a query parameter of the current address. */
export function queryParam(query: Record<string, string> | undefined, name: string): string | undefined {
  const v = query?.[name];
  return v === undefined || v === '' ? undefined : v;
}
