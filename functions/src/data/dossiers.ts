/**
 * Personal dossiers (issue 13): typed refs with zod converters for the access
 * log (`dossierReads`), the correction requests (`correctionRequests`) and the
 * retention marks (`dossierRetention`), and the repository the dossier use
 * cases read and write through (services/dossiers). The private profiles
 * themselves stay in refs.ts (`cadrePrivate`), read and written here through
 * the same converter.
 */
import {
  FieldPath,
  type DocumentReference,
  type Firestore,
  type Query,
  type Transaction,
} from 'firebase-admin/firestore';
import {
  Cadre as CadreSchema,
  CadrePrivate as CadrePrivateSchema,
  CorrectionRequest,
  DossierRead,
  RetentionMark,
  type Cadre,
  type CadrePrivate,
} from '@canbo/model';
import { zodConverter } from './converter';
import { collections, type Collections } from './refs';

export const dossierConverters = {
  dossierReads: zodConverter(DossierRead, (r) => r.id),
  correctionRequests: zodConverter(CorrectionRequest, (r) => r.id),
  dossierRetention: zodConverter(RetentionMark, (m) => m.cadreId),
};

export function dossierCollections(db: Firestore) {
  return {
    dossierReads: db.collection('dossierReads').withConverter(dossierConverters.dossierReads),
    correctionRequests: db
      .collection('correctionRequests')
      .withConverter(dossierConverters.correctionRequests),
    dossierRetention: db.collection('dossierRetention').withConverter(dossierConverters.dossierRetention),
  };
}
export type DossierCollections = ReturnType<typeof dossierCollections>;

/** One person as a dossier transaction reads them: the record, the profile, the retention mark. */
export interface DossierSnapshot {
  cadre: Cadre | undefined;
  profile: CadrePrivate | undefined;
  mark: RetentionMark | undefined;
}

/** A page of ids, in id order, and where the next page starts (undefined: the last page). */
export interface IdPage {
  ids: string[];
  next: string | undefined;
}

export class DossierRepository {
  readonly c: DossierCollections;
  private readonly base: Collections;

  constructor(db: Firestore) {
    this.c = dossierCollections(db);
    this.base = collections(db);
  }

  /** The person, their private profile and their retention mark, in one round trip inside `tx`. */
  async read(tx: Transaction, cadreId: string): Promise<DossierSnapshot> {
    // Raw references, so one getAll holds the three; each is parsed by its schema below.
    const refs: DocumentReference[] = [
      this.base.cadres.doc(cadreId).withConverter(null),
      this.base.cadrePrivate(cadreId).withConverter(null),
      this.c.dossierRetention.doc(cadreId).withConverter(null),
    ];
    const [c, p, m] = await tx.getAll(...refs);
    return {
      cadre: c?.exists ? CadreSchema.parse(c.data()) : undefined,
      profile: p?.exists ? CadrePrivateSchema.parse(p.data()) : undefined,
      mark: m?.exists ? RetentionMark.parse(m.data()) : undefined,
    };
  }

  /** The access-log entry of a read, in the read's transaction. */
  logRead(tx: Transaction, entry: DossierRead): void {
    tx.create(this.c.dossierReads.doc(entry.id), entry);
  }

  saveProfile(tx: Transaction, cadreId: string, profile: CadrePrivate): void {
    tx.set(this.base.cadrePrivate(cadreId), profile);
  }

  deleteProfile(tx: Transaction, cadreId: string): void {
    tx.delete(this.base.cadrePrivate(cadreId));
  }

  async findCorrection(tx: Transaction, id: string): Promise<CorrectionRequest | undefined> {
    return (await tx.get(this.c.correctionRequests.doc(id))).data();
  }

  createCorrection(tx: Transaction, request: CorrectionRequest): void {
    tx.create(this.c.correctionRequests.doc(request.id), request);
  }

  saveCorrection(tx: Transaction, request: CorrectionRequest): void {
    tx.set(this.c.correctionRequests.doc(request.id), request);
  }

  saveMark(tx: Transaction, mark: RetentionMark): void {
    tx.set(this.c.dossierRetention.doc(mark.cadreId), mark);
  }

  removeMark(tx: Transaction, cadreId: string): void {
    tx.delete(this.c.dossierRetention.doc(cadreId));
  }

  /**
   * One page of the ids of separated people (status retired or left), of one
   * province or all, in id order after `after`: the retention job's fan-out.
   * Equality/`in` filters with the id order need no composite index.
   */
  async separatedPage(
    statuses: readonly string[],
    pageSize: number,
    after?: string,
    provinceCode?: string,
  ): Promise<IdPage> {
    let q: Query = this.base.cadres.withConverter(null).where('status', 'in', [...statuses]);
    if (provinceCode) q = q.where('provinceCode', '==', provinceCode);
    return idPage(q, pageSize, after);
  }

  /** One page of the ids of people still marked (not deleted), to unmark those back in service. */
  async markedPage(pageSize: number, after?: string, provinceCode?: string): Promise<IdPage> {
    let q: Query = this.c.dossierRetention.withConverter(null).where('state', '==', 'marked');
    if (provinceCode) q = q.where('provinceCode', '==', provinceCode);
    return idPage(q, pageSize, after);
  }
}

async function idPage(q: Query, pageSize: number, after: string | undefined): Promise<IdPage> {
  let page = q.orderBy(FieldPath.documentId()).limit(pageSize);
  if (after) page = page.startAfter(after);
  const snap = await page.select().get();
  const ids = snap.docs.map((d) => d.id);
  return { ids, next: ids.length === pageSize ? ids.at(-1) : undefined };
}
