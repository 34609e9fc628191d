/**
 * Firestore converters that parse with zod on read and on write: a document
 * that does not match its schema is never returned as typed data, and bad data
 * is never stored. No `as T` anywhere.
 */
import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { z } from 'zod';

/** A stored document that does not match its schema. */
export class CorruptDocumentError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string[],
  ) {
    super(`Document ${path} does not match its schema: ${issues.join('; ')}`);
    this.name = 'CorruptDocumentError';
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * A converter for `schema`. `idOf` gives the document id a value must live
 * under; a document stored under another id is corrupt. `derive`, when given,
 * recomputes on every write the fields that follow from others, so no writer
 * can store them stale.
 */
export function zodConverter<S extends z.ZodType<DocumentData>>(
  schema: S,
  idOf: (value: z.infer<S>) => string,
  derive: (value: z.infer<S>) => z.infer<S> = (value) => value,
): FirestoreDataConverter<z.infer<S>> {
  return {
    toFirestore(value: z.infer<S>): DocumentData {
      const result = schema.safeParse(derive(value));
      if (!result.success) throw new CorruptDocumentError('(write)', describe(result.error));
      return result.data;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot): z.infer<S> {
      const result = schema.safeParse(snapshot.data());
      if (!result.success) throw new CorruptDocumentError(snapshot.ref.path, describe(result.error));
      if (idOf(result.data) !== snapshot.id) {
        throw new CorruptDocumentError(snapshot.ref.path, [
          `stored under id ${snapshot.id}, expected ${idOf(result.data)}`,
        ]);
      }
      return result.data;
    },
  };
}
