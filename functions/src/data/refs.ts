/**
 * Typed references to every collection. Everything that reads or writes
 * Firestore goes through these, so every document is validated both ways.
 */
import type { CollectionReference, DocumentReference, Firestore, Query } from 'firebase-admin/firestore';
import {
  AuditEntry,
  Cadre,
  IdempotencyRecord,
  UserScope,
  CadrePrivate,
  Evaluation,
  Job,
  Movement,
  Position,
  Quota,
  Rating,
  Unit,
  quotaId,
} from '@canbo/model';
import { familyCadreIds } from '../domain/relatives';
import { zodConverter } from './converter';

export const converters = {
  units: zodConverter(Unit, (u) => u.code),
  positions: zodConverter(Position, (p) => p.id),
  quotas: zodConverter(Quota, (q) => quotaId(q.unitCode, q.block, q.year)),
  cadres: zodConverter(Cadre, (c) => c.id),
  // The ids of the relatives in the system are derived from the family list on
  // every write: the relatives check finds records that name the mover through
  // them (docs/legal-basis.md §8), so an importer cannot leave them out.
  cadrePrivate: zodConverter(
    CadrePrivate,
    () => 'profile',
    (p) => ({ ...p, familyCadreIds: familyCadreIds(p.family) }),
  ),
  movements: zodConverter(Movement, (m) => m.id),
  evaluations: zodConverter(Evaluation, (e) => e.id),
  ratings: zodConverter(Rating, (r) => r.id),
  jobs: zodConverter(Job, (j) => j.id),
  audit: zodConverter(AuditEntry, (a) => a.id),
  // Account scopes and idempotency keys
  userScopes: zodConverter(UserScope, (s) => s.uid),
  idempotency: zodConverter(IdempotencyRecord, (r) => `${r.uid}_${r.requestId}`),
};

/** The collections of one Firestore database, typed. */
export interface Collections {
  units: CollectionReference<Unit>;
  positions: CollectionReference<Position>;
  quotas: CollectionReference<Quota>;
  cadres: CollectionReference<Cadre>;
  movements: CollectionReference<Movement>;
  evaluations: CollectionReference<Evaluation>;
  ratings: CollectionReference<Rating>;
  jobs: CollectionReference<Job>;
  audit: CollectionReference<AuditEntry>;
  /** userScopes/{uid}: the scope an account's claims follow (server writes only). */
  userScopes: CollectionReference<UserScope>;
  /** idempotency/{uid}_{requestId}: keys of mutating callables (never read by clients). */
  idempotency: CollectionReference<IdempotencyRecord>;
  /** cadres/{id}/private/profile: sensitive data, never read by clients. */
  cadrePrivate(cadreId: string): DocumentReference<CadrePrivate>;
  /** Every cadres/{id}/private/profile, for queries across people (server only). */
  privateProfiles: Query<CadrePrivate>;
}

export function collections(db: Firestore): Collections {
  return {
    units: db.collection('units').withConverter(converters.units),
    positions: db.collection('positions').withConverter(converters.positions),
    quotas: db.collection('quotas').withConverter(converters.quotas),
    cadres: db.collection('cadres').withConverter(converters.cadres),
    movements: db.collection('movements').withConverter(converters.movements),
    evaluations: db.collection('evaluations').withConverter(converters.evaluations),
    ratings: db.collection('ratings').withConverter(converters.ratings),
    jobs: db.collection('jobs').withConverter(converters.jobs),
    audit: db.collection('audit').withConverter(converters.audit),
    userScopes: db.collection('userScopes').withConverter(converters.userScopes),
    idempotency: db.collection('idempotency').withConverter(converters.idempotency),
    cadrePrivate: (cadreId) =>
      db.doc(`cadres/${cadreId}/private/profile`).withConverter(converters.cadrePrivate),
    privateProfiles: db.collectionGroup('private').withConverter(converters.cadrePrivate),
  };
}
