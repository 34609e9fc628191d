/**
 * Calls to the callables (every change goes through one: docs/api.md). The
 * Functions SDK is imported on the first call, so pages that only read never
 * download it. `call(name, input)` resolves with the callable's answer or
 * rejects with an `AppError` (lib/errors.ts) that <ErrorView> shows.
 *
 * Mutating callables take a `requestId` (docs/api.md, "Idempotency"): pass
 * one made once per user action with `newRequestId()` and reuse it when the
 * user retries the same action, so a lost answer never makes the change twice.
 */
import type {
  Movement,
  TAllocateQuotaInput,
  TCancelMovementInput,
  TCarryOverQuotasInput,
  TCheckQuotaInput,
  TCompleteMovementInput,
  TDecideMovementInput,
  TExtendMovementInput,
  TProposeMovementInput,
  TReconcileClaimsInput,
  TRecordRestrictionsInput,
  TSetUserScopeInput,
  TStartMovementInput,
} from '@canbo/model';
import type { Functions } from 'firebase/functions';
import { app, emulatorHost, FUNCTIONS_REGION, usesEmulators } from './firebase';
import { toAppError } from './errors';

export interface CheckQuotaResult {
  unitCode: string;
  block: string;
  year: number;
  allocated: number;
  filled: number;
  reservedForReturn: number;
  incoming: number;
  free: number;
  fits: boolean;
  delta: number;
}

/**
 * Each callable's input and answer (docs/api.md, "Callables"). An area of the
 * client adds its own callables from its own folder by augmenting this
 * interface, so that `call()` is typed without every area editing this file:
 *
 *     declare module '../../lib/api' {
 *       interface Callables {
 *         getSatisfaction: { input: TGetSatisfactionInput; output: SatisfactionAnswer };
 *       }
 *     }
 */
export interface Callables {
  checkQuota: { input: TCheckQuotaInput; output: CheckQuotaResult };
  proposeMovement: { input: TProposeMovementInput; output: Movement };
  decideMovement: { input: TDecideMovementInput; output: Movement };
  startMovement: { input: TStartMovementInput; output: Movement };
  completeMovement: { input: TCompleteMovementInput; output: Movement };
  extendMovement: { input: TExtendMovementInput; output: Movement };
  cancelMovement: { input: TCancelMovementInput; output: Movement };
  setUserScope: { input: TSetUserScopeInput; output: unknown };
  reconcileClaims: { input: TReconcileClaimsInput; output: unknown };
  allocateQuota: { input: TAllocateQuotaInput; output: unknown };
  carryOverQuotas: { input: TCarryOverQuotasInput; output: unknown };
  recordRestrictions: { input: TRecordRestrictionsInput; output: unknown };
}
export type CallableName = keyof Callables;

let functions: Promise<{ fns: Functions; mod: typeof import('firebase/functions') }> | null = null;

function loadFunctions() {
  functions ??= import('firebase/functions').then((mod) => {
    const fns = mod.getFunctions(app, FUNCTIONS_REGION);
    if (usesEmulators) mod.connectFunctionsEmulator(fns, emulatorHost, 5001);
    return { fns, mod };
  });
  return functions;
}

export async function call<N extends CallableName>(
  name: N,
  input: Callables[N]['input'],
): Promise<Callables[N]['output']> {
  try {
    const { fns, mod } = await loadFunctions();
    const result = await mod.httpsCallable<Callables[N]['input'], Callables[N]['output']>(fns, name)(input);
    return result.data;
  } catch (err) {
    throw toAppError(err);
  }
}

/** A key for one logical request (a click), reused on retry. */
export function newRequestId(): string {
  return crypto.randomUUID();
}
