/**
 * Report 2: tăng cường cán bộ cho cơ sở — people moved from a province-level
 * unit (the province or a provincial agency) to a key post (chức danh chủ
 * chốt, `keyPost` in the catalogue) of a commune, by transfer, rotation,
 * secondment or appointment, approved (approved, under way or completed), with
 * a start date in the period; grouped by quarter of the start, one row per
 * move, with each quarter's count and the total ("38 provincial leaders sent to
 * key posts in communes").
 */
import { communeOf, type Movement, type ReportGroup, type ReportRow, type ReportTable } from '@canbo/model';
import { inPeriod } from './movements';
import { byName, column, quarterOf, same, text, viDate } from './table';

export type ReinforcementMovement = Pick<
  Movement,
  | 'id'
  | 'type'
  | 'status'
  | 'cadreName'
  | 'fromUnitCode'
  | 'toUnitCode'
  | 'toPositionId'
  | 'startDate'
  | 'actualStartDate'
>;

export interface ReinforcementInput {
  unitName: string;
  asOf: string;
  from: string;
  to: string;
  movements: readonly ReinforcementMovement[];
  unitNames: Readonly<Record<string, string>>;
  /** The catalogue's positions: names and whether each is a key post. */
  positions: Readonly<Record<string, { name: string; nameEn: string; keyPost: boolean }>>;
}

const TYPES = new Set(['transfer', 'rotation', 'secondment', 'appointment']);
const DECIDED = new Set(['approved', 'active', 'completed']);

/** The date a move counts from: when it actually started, else the approved start. */
const startOf = (m: ReinforcementMovement): string => m.actualStartDate ?? m.startDate;

/** Whether a movement is a reinforcement of a commune's key post from the province. */
export function isReinforcement(
  m: ReinforcementMovement,
  positions: ReinforcementInput['positions'],
): boolean {
  return (
    TYPES.has(m.type) &&
    DECIDED.has(m.status) &&
    communeOf(m.fromUnitCode) === null &&
    communeOf(m.toUnitCode) !== null &&
    m.toPositionId !== null &&
    positions[m.toPositionId]?.keyPost === true
  );
}

export function buildReinforcementReport(input: ReinforcementInput): ReportTable {
  const columns = [
    column('fromUnit', text('report.col.fromUnit'), false),
    column('toUnit', text('report.col.toUnit'), false),
    column('post', text('report.col.post'), false),
    column('type', text('report.col.type'), false),
    column('startDate', text('report.col.startDate'), false),
    column('status', text('report.col.status'), false),
  ];
  const name = (code: string) => input.unitNames[code] ?? code;
  const moves = input.movements
    .filter((m) => isReinforcement(m, input.positions) && inPeriod(startOf(m), input.from, input.to))
    .sort(
      (a, b) =>
        startOf(a).localeCompare(startOf(b)) || byName(a.cadreName, b.cadreName) || a.id.localeCompare(b.id),
    );
  const byQuarter = new Map<string, ReportRow[]>();
  const perCommune = new Map<string, number>();
  for (const m of moves) {
    const { year, q } = quarterOf(startOf(m));
    const key = `${year}-Q${q}`;
    const post = input.positions[m.toPositionId!]!;
    const row: ReportRow = {
      key: m.id,
      label: same(m.cadreName),
      cells: [
        name(m.fromUnitCode),
        name(m.toUnitCode),
        { vi: post.name, en: post.nameEn },
        text(`movementType.${m.type}`),
        viDate(startOf(m)),
        text(`movementStatus.${m.status}`),
      ],
    };
    byQuarter.set(key, [...(byQuarter.get(key) ?? []), row]);
    const commune = communeOf(m.toUnitCode)!;
    perCommune.set(commune, (perCommune.get(commune) ?? 0) + 1);
  }
  const groups: ReportGroup[] = [...byQuarter.entries()].map(([key, rows]) => {
    const [year, q] = key.split('-Q');
    return {
      key,
      label: text('report.group.quarter', { q: q!, year: year! }),
      rows,
      subtotal: {
        key: `${key}.subtotal`,
        label: text('report.people', { n: rows.length }),
        cells: columns.map(() => null),
      },
    };
  });
  return {
    kind: 'reinforcement',
    title: text('report.reinforcement.title'),
    subtitle: text('report.period.subtitle', { from: viDate(input.from), to: viDate(input.to) }),
    unitName: input.unitName,
    asOf: input.asOf,
    rowHeading: text('report.row.person'),
    columns,
    groups,
    total: {
      key: 'total',
      label: text('report.peopleTotal', { n: moves.length }),
      cells: columns.map(() => null),
    },
    notes: [text('report.note.reinforcement')],
    chart: [...perCommune.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, n]) => ({ key: code, label: name(code), values: { people: n } })),
  };
}
