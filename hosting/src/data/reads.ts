/**
 * Runs the query descriptions of data/scope.ts with Firestore Lite (REST).
 *
 * The client does not parse documents with the zod schemas (they would add
 * about 100 KB of zod to every page): every document it reads was written by
 * a callable or job through the server's zod converters
 * (functions/src/data/refs.ts), so `typed` trusts their shape, in this one
 * place, and pages read fields defensively (`?? 0`).
 */
import {
  collection,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  where,
  type DocumentData,
  type QueryConstraint,
} from 'firebase/firestore/lite';
import { db } from '../lib/firebase';
import type { DocSpec, QuerySpec } from './scope';

/** A stored document as its model type (see the module comment for why this is trusted). */
function typed<T>(data: DocumentData): T {
  return data as T;
}

function constraints(spec: QuerySpec): QueryConstraint[] {
  const out: QueryConstraint[] = spec.filters.map((f) =>
    where(f.field, f.op, Array.isArray(f.value) ? [...f.value] : f.value),
  );
  for (const o of spec.orderBy ?? []) out.push(orderBy(o.field, o.direction));
  if (spec.limit) out.push(limit(spec.limit));
  return out;
}

/** The documents of one query, each with its id. */
export async function runQuery<T>(spec: QuerySpec): Promise<(T & { _id: string })[]> {
  const snap = await getDocs(query(collection(db, spec.collection), ...constraints(spec)));
  return snap.docs.map((d) => ({ ...typed<T>(d.data()), _id: d.id }));
}

/** The documents of several queries (chunks of an `in`, or two sides of a commune), once each, by id. */
export async function runQueries<T>(specs: readonly QuerySpec[]): Promise<(T & { _id: string })[]> {
  const results = await Promise.all(specs.map((s) => runQuery<T>(s)));
  const byId = new Map<string, T & { _id: string }>();
  for (const list of results) for (const item of list) byId.set(item._id, item);
  return [...byId.values()];
}

/** One document by id, or null when it does not exist. */
export async function readDoc<T>(spec: DocSpec): Promise<(T & { _id: string }) | null> {
  const snap = await getDoc(doc(db, spec.collection, spec.id));
  return snap.exists() ? { ...typed<T>(snap.data()), _id: snap.id } : null;
}
