/**
 * registerReceipts (docs/api.md, "Receipts"): the one-stop centre's system
 * (an `integration` account scoped to a province) or a province admin
 * registers dossier receipts, at most MAX_RECEIPTS_PER_CALL at a time.
 * Idempotent by receipt number: the same row again changes nothing
 * (`unchanged`), a row with new facts (the return date once the result is
 * returned, a corrected officer) updates the receipt (`updated`) and, if the
 * receipt is already rated, the rating's copy of them, so the gaming flags and
 * the officer's score follow the corrected facts. Every row is checked on its
 * own and reported (`refused` with the reason); the accepted rows, their
 * ratings' updates and one audit entry are written in one transaction.
 * Each accepted row's report carries the rating link's code, for the QR code
 * printed on the receipt.
 */
import {
  communeOf,
  MAX_RECEIPTS_PER_CALL,
  message,
  oneLine,
  type MessageKey,
  type MessageParams,
  type Rating,
  type Receipt,
  ReceiptInput,
  type ReceiptSource,
  type ReceiptRowReport,
  type RegisterReceiptsResult,
  type TRegisterReceiptsInput,
} from '@canbo/model';
import { PROCEDURE_BY_ID } from '../../domain/catalogue';
import { ratingCode } from '../../domain/rating-code';
import { RatingRepository } from '../../data/ratings';
import { ValidationFailed } from '../../lib/errors';
import type { UseCaseDeps } from '../deps';
import type { RatingSettings } from './settings';

/** Who registers: the integration account of a province, or one of its admins. */
export interface Registrar {
  uid: string;
  role: 'integration' | 'province_admin';
  province: string;
  /** How new receipts arrive (default `integration`; the spreadsheet import says `import`). */
  source?: ReceiptSource;
}

export interface RegisterDeps extends UseCaseDeps {
  settings: Pick<RatingSettings, 'secret'>;
}

type Row = { index: number; input: ReceiptInput };

function report(
  index: number,
  receiptNo: string,
  status: ReceiptRowReport['status'],
  key: MessageKey,
  params: MessageParams = {},
): ReceiptRowReport {
  return { index, receiptNo, status, message: message(key, params) };
}

/** The facts of a receipt that a registration may change. */
function sameFacts(a: Receipt, b: Receipt): boolean {
  return (
    a.procedureId === b.procedureId &&
    a.unitCode === b.unitCode &&
    a.cadreId === b.cadreId &&
    a.receivedOn === b.receivedOn &&
    a.dueOn === b.dueOn &&
    a.returnedOn === b.returnedOn
  );
}

export async function registerReceipts(
  d: RegisterDeps,
  registrar: Registrar,
  input: TRegisterReceiptsInput,
): Promise<RegisterReceiptsResult> {
  if (input.receipts.length > MAX_RECEIPTS_PER_CALL)
    throw new ValidationFailed([
      {
        path: 'receipts',
        message: oneLine(
          message('receipts.tooMany', { max: MAX_RECEIPTS_PER_CALL, count: input.receipts.length }),
        ),
      },
    ]);
  const reports: ReceiptRowReport[] = [];
  const rows: Row[] = [];
  const seen = new Set<string>();
  // Each row on its own: one malformed row does not refuse the others.
  input.receipts.forEach((raw, index) => {
    const parsed = ReceiptInput.safeParse(raw);
    const receiptNo =
      typeof raw === 'object' && raw !== null && 'receiptNo' in raw ? String(raw.receiptNo) : `#${index}`;
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      reports.push(report(index, receiptNo, 'refused', 'receipts.row.invalid', { detail }));
      return;
    }
    const r = parsed.data;
    if (seen.has(r.receiptNo)) {
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.duplicate', { receiptNo: r.receiptNo }),
      );
      return;
    }
    seen.add(r.receiptNo);
    if (!PROCEDURE_BY_ID.has(r.procedureId)) {
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.unknownProcedure', {
          procedureId: r.procedureId,
        }),
      );
      return;
    }
    if (r.returnedOn && r.returnedOn < r.receivedOn) {
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.returnBeforeReceipt', {
          returnedOn: r.returnedOn,
          receivedOn: r.receivedOn,
        }),
      );
      return;
    }
    rows.push({ index, input: r });
  });

  // Units and officers are reference data, read once outside the transaction.
  const unitCodes = [...new Set(rows.map((r) => r.input.unitCode))];
  const cadreIds = [...new Set(rows.flatMap((r) => (r.input.cadreId ? [r.input.cadreId] : [])))];
  const [units, cadres] = await Promise.all([
    Promise.all(unitCodes.map((c) => d.repos.units.findByCode(c))),
    d.repos.cadres.findMany(cadreIds),
  ]);
  const unitByCode = new Map(units.flatMap((u) => (u ? [[u.code, u] as const] : [])));
  const cadreById = new Map(cadres.map((c) => [c.id, c]));
  const valid = rows.filter(({ index, input: r }) => {
    const unit = unitByCode.get(r.unitCode);
    if (!unit)
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.unknownUnit', { unitCode: r.unitCode }),
      );
    else if (unit.provinceCode !== registrar.province)
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.outsideProvince', {
          unitCode: r.unitCode,
          province: registrar.province,
        }),
      );
    else if (r.cadreId && cadreById.get(r.cadreId)?.provinceCode !== registrar.province)
      reports.push(
        report(index, r.receiptNo, 'refused', 'receipts.row.unknownCadre', { cadreId: r.cadreId }),
      );
    else return true;
    return false;
  });

  const repo = new RatingRepository(d.db);
  const written = await d.db.runTransaction(async (tx) => {
    const out: ReceiptRowReport[] = [];
    const changed: { created: string[]; updated: string[] } = { created: [], updated: [] };
    const { receipts, ratings } = await repo.receiptsAndRatings(
      tx,
      valid.map((r) => r.input.receiptNo),
    );
    const now = d.clock.now().toISOString();
    valid.forEach(({ index, input: r }, i) => {
      const existing = receipts[i];
      if (existing && existing.provinceCode !== registrar.province) {
        out.push(
          report(index, r.receiptNo, 'refused', 'receipts.row.otherProvince', { receiptNo: r.receiptNo }),
        );
        return;
      }
      const next: Receipt = {
        id: r.receiptNo,
        provinceCode: registrar.province,
        communeCode: communeOf(r.unitCode),
        unitCode: r.unitCode,
        procedureId: r.procedureId,
        cadreId: r.cadreId ?? null,
        receivedOn: r.receivedOn,
        dueOn: r.dueOn ?? null,
        returnedOn: r.returnedOn ?? null,
        source: existing?.source ?? registrar.source ?? 'integration',
        registeredBy: existing?.registeredBy ?? registrar.uid,
        registeredAt: existing?.registeredAt ?? now,
        updatedAt: now,
      };
      const code = ratingCode(d.settings.secret, r.receiptNo);
      if (existing && sameFacts(existing, next)) {
        out.push({ ...report(index, r.receiptNo, 'unchanged', 'receipts.row.unchanged'), code });
        return;
      }
      repo.saveReceipt(tx, next);
      const rating = ratings[i];
      if (rating && (rating.returnedOn !== next.returnedOn || rating.cadreId !== next.cadreId)) {
        const updated: Rating = { ...rating, returnedOn: next.returnedOn, cadreId: next.cadreId };
        repo.saveRating(tx, updated);
      }
      (existing ? changed.updated : changed.created).push(r.receiptNo);
      out.push({
        ...report(
          index,
          r.receiptNo,
          existing ? 'updated' : 'created',
          existing ? 'receipts.row.updated' : 'receipts.row.created',
        ),
        code,
      });
    });
    if (changed.created.length + changed.updated.length > 0)
      d.repos.audit.append(tx, {
        actor: { uid: registrar.uid, role: registrar.role, province: registrar.province },
        action: 'receipts.register',
        target: 'receipts',
        before: null,
        after: changed,
        reason: oneLine(message('receipts.audit')),
      });
    return out;
  });

  const rowsOut = [...reports, ...written].sort((a, b) => a.index - b.index);
  const count = (s: ReceiptRowReport['status']) => rowsOut.filter((r) => r.status === s).length;
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    rows: rowsOut,
  };
}
