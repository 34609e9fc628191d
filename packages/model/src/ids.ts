/**
 * Document ids and the unit-code rules, defined once for the server, the
 * seed and the browser.
 */

/** quotas/{unitCode}_{block}_{year} */
export function quotaId(unitCode: string, block: string, year: number): string {
  return `${unitCode}_${block}_${year}`;
}

/** evaluations/{period}_{cadreId}, and evaluationInputs/{period}_{cadreId} */
export function evaluationId(period: string, cadreId: string): string {
  return `${period}_${cadreId}`;
}

/** evaluationLocks/{period}_{unitCode}: a unit's quarter, finalised. */
export function evaluationLockId(period: string, unitCode: string): string {
  return `${period}_${unitCode}`;
}

/** jobs/{runId} of a province's quarterly evaluation: one run per period and province, started or resumed. */
export function evaluationRunId(period: string, provinceCode: string): string {
  return `evaluation_${period}_${provinceCode}`;
}

/**
 * The commune a unit belongs to, or null for a province or a provincial
 * agency. A commune code has 5 digits; an agency of a commune is
 * `<commune>-<slug>`; a provincial agency is `<province>-<slug>`.
 */
export function communeOf(unitCode: string): string | null {
  const m = /^(\d{5})(-|$)/.exec(unitCode);
  return m ? m[1]! : null;
}

/** The province a unit belongs to, when its code says so (a province, or a provincial agency). */
export function provinceOfCode(unitCode: string): string | null {
  const m = /^(\d{2})(-|$)/.exec(unitCode);
  return m ? m[1]! : null;
}
