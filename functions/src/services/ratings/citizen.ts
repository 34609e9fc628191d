/**
 * The citizen's side (docs/api.md, "Citizen ratings"): getReceiptForRating
 * and submitRating, without an account. The receipt number and its code are
 * the credential; an unknown receipt and a wrong code get the same answer
 * (`not-found`, rating.invalidLink) after the same work, so receipt numbers
 * cannot be probed. Every request is counted against the client address
 * (./rate-limit.ts) in the same transaction that reads the receipt; a
 * submission creates ratings/{receiptNo} with a transaction `create`, so of
 * any number of concurrent submissions for one receipt exactly one succeeds.
 */
import type { Transaction } from 'firebase-admin/firestore';
import type { Receipt, ReceiptForRating, Rating, RatingComment, SubmitRatingResult } from '@canbo/model';
import {
  CRITERION_LABELS,
  type TGetReceiptForRatingInput,
  type TSubmitRatingInput,
  message,
  oneLine,
} from '@canbo/model';
import { PROCEDURE_BY_ID } from '../../domain/catalogue';
import { addDays } from '../../domain/dates';
import { clientKey, verifyRatingCode } from '../../domain/rating-code';
import { periodOf, vietnamDayOf } from '../../domain/satisfaction';
import { RatingRepository } from '../../data/ratings';
import { AppError, ValidationFailed } from '../../lib/errors';
import type { UseCaseDeps } from '../deps';
import { counterId, decide } from './rate-limit';
import type { RatingSettings } from './settings';

/** Who is asking: the client address (from the request) and whether App Check vouched for the app. */
export interface CitizenContext {
  address: string;
  appCheck: boolean;
}

export interface CitizenDeps extends UseCaseDeps {
  settings: RatingSettings;
}

/** The one answer for an unknown receipt and a wrong code. */
const invalidLink = () => new AppError('not-found', 'rating.invalidLink');

function tooMany(seconds: number): AppError {
  return new AppError(
    'resource-exhausted',
    'rating.tooManyAttempts',
    { seconds },
    { retryAfterSeconds: seconds },
  );
}

function requireAppCheck(d: CitizenDeps, ctx: CitizenContext): void {
  if (d.settings.enforceAppCheck && !ctx.appCheck)
    throw new AppError('unauthenticated', 'rating.appCheckRequired');
}

/** Where a receipt stands for rating today (Vietnam). */
function stateOf(receipt: Receipt, rated: boolean, today: string, windowDays: number) {
  const rateBy = receipt.returnedOn ? addDays(receipt.returnedOn, windowDays) : null;
  const state: ReceiptForRating['state'] = rated
    ? 'rated'
    : !receipt.returnedOn || receipt.returnedOn > today
      ? 'not_returned'
      : today > rateBy!
        ? 'closed'
        : 'open';
  return { state, rateBy };
}

/**
 * One counted request: reads the receipt, whether it is rated and the
 * client's counter in one transaction, refuses beyond the limits (counting
 * nothing), else counts the request and runs `decideWrites` on what it read,
 * whose writes commit with the count. Refusals are thrown after the commit,
 * so a refused attempt is still counted.
 */
async function counted<T>(
  d: CitizenDeps,
  ctx: CitizenContext,
  receiptNo: string,
  code: string,
  then: (
    tx: Transaction,
    receipt: Receipt,
    rated: boolean,
    accepted: number,
  ) => { result: T; accepted?: boolean } | { refusal: AppError },
): Promise<T> {
  const repo = new RatingRepository(d.db);
  const key = clientKey(d.settings.secret, ctx.address);
  const outcome = await d.db.runTransaction(async (tx) => {
    const now = d.clock.now();
    const read = await repo.readSubmission(tx, receiptNo, counterId(key, now));
    const decision = decide(key, read.counter, now, d.settings);
    if (!decision.allowed) return { refusal: tooMany(decision.retryAfterSeconds) };
    const counter = decision.counter;
    // The code is checked whether or not the receipt exists: the same work and answer for both.
    const valid = verifyRatingCode(d.settings.secret, receiptNo, code);
    const step =
      read.receipt && valid
        ? then(tx, read.receipt, read.rated, counter.accepted)
        : { refusal: invalidLink() };
    repo.saveCounter(
      tx,
      'result' in step && step.accepted ? { ...counter, accepted: counter.accepted + 1 } : counter,
    );
    return step;
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.result;
}

export async function getReceiptForRating(
  d: CitizenDeps,
  ctx: CitizenContext,
  input: TGetReceiptForRatingInput,
): Promise<ReceiptForRating> {
  requireAppCheck(d, ctx);
  const { receipt, rated } = await counted(d, ctx, input.receiptNo, input.code, (_tx, receipt, rated) => ({
    result: { receipt, rated },
  }));
  const [unit, cadre] = await Promise.all([
    d.repos.units.findByCode(receipt.unitCode),
    receipt.cadreId ? d.repos.cadres.findById(receipt.cadreId) : undefined,
  ]);
  const procedure = PROCEDURE_BY_ID.get(receipt.procedureId);
  const today = vietnamDayOf(d.clock.now().toISOString());
  const { state, rateBy } = stateOf(receipt, rated, today, d.settings.windowDays);
  return {
    receiptNo: receipt.id,
    procedure: {
      id: receipt.procedureId,
      name: procedure?.name ?? receipt.procedureId,
      nameEn: procedure?.nameEn ?? receipt.procedureId,
    },
    office: { code: receipt.unitCode, name: unit?.name ?? receipt.unitCode },
    officer: cadre?.fullName ?? null,
    receivedOn: receipt.receivedOn,
    returnedOn: receipt.returnedOn,
    rateBy,
    windowDays: d.settings.windowDays,
    state,
    criteria: d.settings.criteria.map((id) => ({ id, label: CRITERION_LABELS[id] })),
  };
}

/** The criteria must be exactly the configured set (invalid-argument otherwise, before anything is counted). */
function checkCriteria(d: CitizenDeps, criteria: TSubmitRatingInput['criteria']): void {
  const asked = d.settings.criteria;
  const given = Object.keys(criteria);
  if ([...asked].sort().join() !== [...given].sort().join())
    throw new ValidationFailed([
      {
        path: 'criteria',
        message: oneLine(message('rating.criteriaMismatch', { criteria: asked.join(', ') })),
      },
    ]);
}

export async function submitRating(
  d: CitizenDeps,
  ctx: CitizenContext,
  input: TSubmitRatingInput,
): Promise<SubmitRatingResult> {
  requireAppCheck(d, ctx);
  checkCriteria(d, input.criteria);
  const repo = new RatingRepository(d.db);
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  return counted<SubmitRatingResult>(d, ctx, input.receiptNo, input.code, (tx, receipt, rated, accepted) => {
    const now = d.clock.now().toISOString();
    const today = vietnamDayOf(now);
    const { state, rateBy } = stateOf(receipt, rated, today, d.settings.windowDays);
    if (state === 'rated') return { refusal: new AppError('already-exists', 'rating.alreadyRated') };
    if (state === 'not_returned')
      return { refusal: new AppError('failed-precondition', 'rating.notReturned') };
    if (state === 'closed')
      return {
        refusal: new AppError('failed-precondition', 'rating.windowClosed', {
          days: d.settings.windowDays,
          returnedOn: receipt.returnedOn ?? '',
          rateBy: rateBy ?? '',
        }),
      };
    const procedure = PROCEDURE_BY_ID.get(receipt.procedureId);
    const rating: Rating = {
      id: receipt.id,
      provinceCode: receipt.provinceCode,
      communeCode: receipt.communeCode,
      unitCode: receipt.unitCode,
      cadreId: receipt.cadreId,
      procedure: procedure?.name ?? receipt.procedureId,
      procedureId: receipt.procedureId,
      receivedOn: receipt.receivedOn,
      returnedOn: receipt.returnedOn,
      criteria: input.criteria,
      trips: input.trips,
      hasComment: comment !== null,
      submittedAt: now,
      period: periodOf({ submittedAt: now }),
      clientSeq: accepted + 1,
    };
    const note: RatingComment | null = comment
      ? {
          id: receipt.id,
          provinceCode: receipt.provinceCode,
          communeCode: receipt.communeCode,
          unitCode: receipt.unitCode,
          cadreId: receipt.cadreId,
          comment,
          submittedAt: now,
        }
      : null;
    repo.createRating(tx, rating, note);
    return { result: { receiptNo: receipt.id, submittedAt: now }, accepted: true };
  });
}
