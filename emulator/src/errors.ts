/**
 * Errors the emulator answers with. One class carries a gRPC status code; the
 * REST layer maps it to the HTTP status the Firebase clients derive their
 * error code from (emulator/README.md, "Where each behaviour was learned").
 */

/** gRPC status codes (google.rpc.Code). */
export enum Code {
  OK = 0,
  CANCELLED = 1,
  UNKNOWN = 2,
  INVALID_ARGUMENT = 3,
  DEADLINE_EXCEEDED = 4,
  NOT_FOUND = 5,
  ALREADY_EXISTS = 6,
  PERMISSION_DENIED = 7,
  RESOURCE_EXHAUSTED = 8,
  FAILED_PRECONDITION = 9,
  ABORTED = 10,
  OUT_OF_RANGE = 11,
  UNIMPLEMENTED = 12,
  INTERNAL = 13,
  UNAVAILABLE = 14,
  DATA_LOSS = 15,
  UNAUTHENTICATED = 16,
}

/** An error with a gRPC code and the message a client will see. */
export class EmulatorError extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

const HTTP_STATUS: Record<Code, number> = {
  [Code.OK]: 200,
  [Code.CANCELLED]: 499,
  [Code.UNKNOWN]: 500,
  [Code.INVALID_ARGUMENT]: 400,
  [Code.DEADLINE_EXCEEDED]: 504,
  [Code.NOT_FOUND]: 404,
  [Code.ALREADY_EXISTS]: 409,
  [Code.PERMISSION_DENIED]: 403,
  [Code.RESOURCE_EXHAUSTED]: 429,
  [Code.FAILED_PRECONDITION]: 400,
  [Code.ABORTED]: 409,
  [Code.OUT_OF_RANGE]: 400,
  [Code.UNIMPLEMENTED]: 501,
  [Code.INTERNAL]: 500,
  [Code.UNAVAILABLE]: 503,
  [Code.DATA_LOSS]: 500,
  [Code.UNAUTHENTICATED]: 401,
};

/** The canonical HTTP status for a gRPC code. */
export function httpStatus(code: Code): number {
  return HTTP_STATUS[code] ?? 500;
}

/** The enum name of a code, as REST error bodies carry it in `status`. */
export function codeName(code: Code): string {
  return Code[code] ?? 'UNKNOWN';
}

/**
 * Wraps anything thrown into an EmulatorError without leaking internals. The errors only input
 * can cause are the client's (400), never a 500 (issue 14): too deep a structure (RangeError,
 * though depth limits are checked before recursion), a malformed percent escape (URIError), a
 * number that does not parse (SyntaxError from BigInt).
 */
export function toEmulatorError(err: unknown): EmulatorError {
  if (err instanceof EmulatorError) return err;
  if (err instanceof RangeError || err instanceof URIError || err instanceof SyntaxError) {
    return new EmulatorError(Code.INVALID_ARGUMENT, `Invalid request: ${err.message}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new EmulatorError(Code.INTERNAL, `Internal error: ${message}`);
}

export const invalid = (message: string): EmulatorError => new EmulatorError(Code.INVALID_ARGUMENT, message);
