/**
 * ratings/{receiptNo}: one citizen rating per dossier receipt, on the
 * five-level scale portals use (5 = rất hài lòng … 1 = rất không hài lòng)
 * plus the number of trips. The receipt number is the id,
 * which makes "one per receipt" a property of the data.
 */
import { z } from 'zod';
import { DocId, IsoDate, IsoDateTime, Scope, UnitCode } from './common';
import { message, oneLine } from './messages';

const Likert = z.number().int().min(1).max(5);

export const Rating = Scope.extend({
  id: z.string().regex(/^[A-Za-z0-9.-]{6,40}$/, oneLine(message('field.receipt_number'))),
  unitCode: UnitCode,
  cadreId: DocId.nullable(),
  procedure: z.string().min(1),
  receivedOn: IsoDate,
  criteria: z.object({ overall: Likert, attitude: Likert, timeliness: Likert, guidance: Likert }),
  /** 0, 1, or 2 meaning two or more. */
  trips: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  comment: z.string().max(1000).nullable(),
  submittedAt: IsoDateTime,
});
export type Rating = z.infer<typeof Rating>;
