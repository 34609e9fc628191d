/**
 * receipts/{receiptNo}: a dossier receipt (giấy tiếp nhận hồ sơ và hẹn trả kết
 * quả) registered by the one-stop service centre's system (registerReceipts)
 * or imported from its spreadsheet export. It is the anchor of a citizen
 * rating: only a registered receipt can be rated, once, with the verification
 * code printed on it as a QR code (docs/satisfaction.md). It names the
 * procedure, the receiving unit and the handling officer; nothing about the
 * citizen is recorded.
 */
import { z } from 'zod';
import { DocId, IsoDate, IsoDateTime, Scope, UnitCode } from './common';
import { message, oneLine } from './messages';

/**
 * A receipt number as one-stop systems print them (e.g. `000.00.18.H42-261201-0001`):
 * letters, digits, dots and hyphens, 6 to 40 characters. It is the document id.
 */
export const ReceiptNo = z.string().regex(/^[A-Za-z0-9.-]{6,40}$/, oneLine(message('field.receipt_number')));
export type ReceiptNo = z.infer<typeof ReceiptNo>;

/** How a receipt reached canbo. */
export const ReceiptSource = z.enum(['integration', 'import']);
export type ReceiptSource = z.infer<typeof ReceiptSource>;

/** What the one-stop system says about one dossier: the input of a registration (one row). */
export const ReceiptInput = z.strictObject({
  receiptNo: ReceiptNo,
  /** A procedure of the catalogue (data/catalogue/procedures.json). */
  procedureId: DocId,
  /** The receiving unit: a commune (5 digits) or a provincial agency. */
  unitCode: UnitCode,
  /** The officer who handled the dossier, when the system knows them. */
  cadreId: DocId.nullable().optional(),
  receivedOn: IsoDate,
  /** The appointed return date (ngày hẹn trả). */
  dueOn: IsoDate.nullable().optional(),
  /** The day the result was actually returned; the rating window opens then. */
  returnedOn: IsoDate.nullable().optional(),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const Receipt = Scope.extend({
  /** The receipt number (the document id). */
  id: ReceiptNo,
  procedureId: DocId,
  unitCode: UnitCode,
  cadreId: DocId.nullable(),
  receivedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  returnedOn: IsoDate.nullable(),
  source: ReceiptSource,
  /** The uid (or `import`) of the first registration, and when. */
  registeredBy: z.string().min(1),
  registeredAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Receipt = z.infer<typeof Receipt>;

/** At most this many receipts per registerReceipts call (one transaction, ~2 reads and 1–2 writes each). */
export const MAX_RECEIPTS_PER_CALL = 200;

/**
 * The rows are checked one by one by the use case (ReceiptInput), so that one
 * malformed row is reported and refused without refusing the others.
 */
export const ZRegisterReceiptsInput = z.strictObject({
  receipts: z.array(z.unknown()).min(1),
});
export type TRegisterReceiptsInput = z.infer<typeof ZRegisterReceiptsInput>;

/** The outcome of one row of a registration. */
export const ReceiptRowStatus = z.enum(['created', 'updated', 'unchanged', 'refused']);
export type ReceiptRowStatus = z.infer<typeof ReceiptRowStatus>;

export interface ReceiptRowReport {
  /** 0-based position in the call's list. */
  index: number;
  receiptNo: string;
  status: ReceiptRowStatus;
  /** Why a row was refused, or what happened, in both languages. */
  message: { vi: string; en: string };
  /** The rating link's verification code, for the QR code printed on the receipt (not for refused rows). */
  code?: string;
}

export interface RegisterReceiptsResult {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  rows: ReceiptRowReport[];
}
