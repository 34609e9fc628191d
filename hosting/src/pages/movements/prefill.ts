/**
 * What a link may fill in on the proposal form: the screening and honours
 * lists (and any page that proposes a decision about a person) open
 * `/movements/new?fromUnit=…&cadreId=…&type=…&reason=…`, so the officer
 * starts from the person and the evidence instead of retyping them. Only
 * well-formed values are taken; anything else is left for the officer to
 * choose, and the callable checks everything again on submit.
 */
import type { MovementType } from '@canbo/model';

export interface Prefill {
  fromUnit?: string;
  cadreId?: string;
  type?: MovementType;
  toUnitCode?: string;
  toPositionId?: string;
  reason?: string;
}

export const MOVEMENT_TYPES: readonly MovementType[] = [
  'transfer',
  'rotation',
  'secondment',
  'appointment',
  'concurrent',
  'termination',
];

/** A unit code: a 2-digit province, a 5-digit commune, or `<unit>-<slug>` for an agency. */
const UNIT = /^\d{2}(\d{3})?(-[a-z0-9-]{1,40})?$/;
/** Document ids as the model allows them (no slash, not `.`/`..`), kept short. */
const ID = /^[A-Za-z0-9_-]{1,120}$/;
/** Position ids of the catalogue (`xa_chu_tich_ubnd`). */
const POSITION = /^[a-z0-9_]{1,80}$/;
/** A reason longer than this is cut: the form's field stays editable. */
export const MAX_PREFILLED_REASON = 500;

/** The form's starting values from a query string (`?a=b&…`, or the parsed object preact-iso gives). */
export function prefillFrom(query: string | Record<string, string | undefined>): Prefill {
  const get = (key: string): string | undefined => {
    const value = typeof query === 'string' ? new URLSearchParams(query).get(key) : query[key];
    return value === null || value === undefined ? undefined : value.trim();
  };
  const out: Prefill = {};
  const fromUnit = get('fromUnit');
  if (fromUnit && UNIT.test(fromUnit)) out.fromUnit = fromUnit;
  const cadreId = get('cadreId');
  // A person is chosen among the people of a unit: without the unit, the form could not show them.
  if (out.fromUnit && cadreId && ID.test(cadreId)) out.cadreId = cadreId;
  const type = get('type');
  if (type && (MOVEMENT_TYPES as readonly string[]).includes(type)) out.type = type as MovementType;
  const toUnitCode = get('toUnit');
  if (toUnitCode && UNIT.test(toUnitCode)) out.toUnitCode = toUnitCode;
  const toPositionId = get('toPosition');
  if (toPositionId && POSITION.test(toPositionId)) out.toPositionId = toPositionId;
  const reason = get('reason');
  if (reason) out.reason = reason.slice(0, MAX_PREFILLED_REASON);
  return out;
}
