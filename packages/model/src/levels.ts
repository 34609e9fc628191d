/**
 * The four levels of Decree 335/2025 and Regulation 366-QĐ/TW
 * (docs/legal-basis.md §13.4), in their own module so that the scoring inputs
 * and the evaluation documents can both use them.
 */
import { z } from 'zod';

export const Level = z.enum(['HTXS', 'HTT', 'HT', 'KHT']);
export type Level = z.infer<typeof Level>;
export const LEVEL_LABELS: Record<Level, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};
