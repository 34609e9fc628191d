/**
 * Task results from work products (Decree 335 Art. 14; docs/legal-basis.md
 * §13.2). Each product assigned in the period weighs its conversion
 * coefficient (hệ số quy đổi). Of the coefficient-weighted products assigned:
 *
 * - a, quantity: the share completed;
 * - b, quality: the share completed, each losing `deductionPerIssue` of its
 *   quality points per major content error without a certified objective cause;
 * - c, progress: the share completed, each losing `deductionPerIssue` of its
 *   progress points per delay without a certified objective cause.
 *
 * A product cannot lose more than its own points. All three are percentages.
 */
import type { ProductIssue, WorkProduct } from '@canbo/model';

export interface TaskSubScores {
  /** Quantity %. */
  a: number;
  /** Quality %. */
  b: number;
  /** Progress %. */
  c: number;
}

/** Issues that count against the product: those without a certified objective cause. */
export function countedIssues(issues: readonly ProductIssue[]): number {
  return issues.filter((i) => !i.objectiveCause).length;
}

/** A product's points in each of a, b, c, in units of its coefficient. */
export function productPoints(
  p: WorkProduct,
  deductionPerIssue: number,
): { quantity: number; quality: number; progress: number } {
  if (!p.completed) return { quantity: 0, quality: 0, progress: 0 };
  const kept = (issues: readonly ProductIssue[]) =>
    p.coefficient * Math.max(0, 1 - deductionPerIssue * countedIssues(issues));
  return { quantity: p.coefficient, quality: kept(p.majorErrors), progress: kept(p.delays) };
}

/** a, b and c of the period; null when no product was assigned (nothing to measure). */
export function taskSubScores(
  products: readonly WorkProduct[],
  deductionPerIssue: number,
): TaskSubScores | null {
  const assigned = products.reduce((s, p) => s + p.coefficient, 0);
  if (assigned <= 0) return null;
  let quantity = 0;
  let quality = 0;
  let progress = 0;
  for (const p of products) {
    const points = productPoints(p, deductionPerIssue);
    quantity += points.quantity;
    quality += points.quality;
    progress += points.progress;
  }
  return { a: (100 * quantity) / assigned, b: (100 * quality) / assigned, c: (100 * progress) / assigned };
}
