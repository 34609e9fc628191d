/**
 * The rating use cases over a database: registerReceipts (integration or
 * province admin), getReceiptForRating and submitRating (citizens, no
 * account). Bound like the other use cases (services/index.ts), with the
 * rating settings (./settings.ts) injected so tests can set the window, the
 * limits and App Check.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import type {
  ReceiptForRating,
  RegisterReceiptsResult,
  ReviewRatingResult,
  SatisfactionReport,
  TReviewRatingInput,
  TGetSatisfactionInput,
  SubmitRatingResult,
  TGetReceiptForRatingInput,
  TRegisterReceiptsInput,
  TSubmitRatingInput,
} from '@canbo/model';
import { defaultDeps, type ServiceDeps } from '../../lib/deps';
import { useCaseDeps } from '../deps';
import { getReceiptForRating, submitRating, type CitizenContext } from './citizen';
import { registerReceipts, type Registrar } from './register';
import { reviewRating } from './review';
import { getSatisfaction } from './satisfaction';
import type { Actor } from '../../lib/actor';
import { readRatingSettings, type RatingSettings } from './settings';

export type { CitizenContext } from './citizen';
export type { Registrar } from './register';
export { readRatingSettings, ratingParams, type RatingSettings } from './settings';

export interface RatingUseCases {
  registerReceipts(registrar: Registrar, input: TRegisterReceiptsInput): Promise<RegisterReceiptsResult>;
  getReceiptForRating(ctx: CitizenContext, input: TGetReceiptForRatingInput): Promise<ReceiptForRating>;
  submitRating(ctx: CitizenContext, input: TSubmitRatingInput): Promise<SubmitRatingResult>;
  getSatisfaction(actor: Actor, input: TGetSatisfactionInput): Promise<SatisfactionReport>;
  reviewRating(actor: Actor, input: TReviewRatingInput): Promise<ReviewRatingResult>;
}

export function ratingUseCases(
  db: Firestore,
  settings: RatingSettings,
  deps: ServiceDeps = defaultDeps,
): RatingUseCases {
  const d = { ...useCaseDeps(db, deps), settings };
  return {
    registerReceipts: (registrar, input) => registerReceipts(d, registrar, input),
    getReceiptForRating: (ctx, input) => getReceiptForRating(d, ctx, input),
    submitRating: (ctx, input) => submitRating(d, ctx, input),
    getSatisfaction: (actor, input) => getSatisfaction(d, actor, input),
    reviewRating: (actor, input) => reviewRating(d, actor, input),
  };
}

let bound: RatingUseCases | undefined;

/** The rating use cases over the default app and the deployment's settings (read on first use). */
export function getRatingUseCases(): RatingUseCases {
  if (!bound) {
    if (getApps().length === 0) initializeApp();
    bound = ratingUseCases(getFirestore(), readRatingSettings());
  }
  return bound;
}
