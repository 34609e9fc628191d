/**
 * Repositories with intent-named methods: every Firestore access of the
 * services goes through them (and through the zod converters of ./refs).
 * Methods that take a Transaction read and write inside it, so a use case can
 * combine them (quota, movement, person, audit) into one atomic change.
 * `get…` methods refuse a missing document with NotFound; `find…` return
 * undefined.
 */
import type { BulkWriter, Firestore, Transaction } from 'firebase-admin/firestore';
import {
  type Block,
  type Cadre,
  type CadrePrivate,
  type Job,
  type Movement,
  OPEN_STATUSES,
  type Quota,
  quotaId,
  type Unit,
  type IdempotencyRecord,
  type UserScope,
} from '@canbo/model';
import {
  Cadre as CadreSchema,
  CadrePrivate as CadrePrivateSchema,
  Movement as MovementSchema,
} from '@canbo/model';
import { defaultDeps, type ServiceDeps } from '../lib/deps';
import { vietnamDay, type Clock } from '../lib/clock';
import { quotaYearOf } from '../domain/quota-years';
import { NotFound } from '../lib/errors';
import { AuditLog } from './audit-log';
import { collections, type Collections } from './refs';

/**
 * The writes of a BulkWriter that failed (after its own retries), by writer.
 * A queued write's promise is always handled here, so a failure is never an
 * unhandled rejection; the job that closed the writer reports them.
 */
const writeFailures = new WeakMap<BulkWriter, string[]>();

function track(writer: BulkWriter, path: string, write: Promise<unknown>): void {
  write.catch((err: unknown) => {
    const failures = writeFailures.get(writer) ?? [];
    failures.push(`${path}: ${err instanceof Error ? err.message : String(err)}`);
    writeFailures.set(writer, failures);
  });
}

/** The writes queued by `setFlags` on `writer` that failed ("path: reason"); read after `writer.close()`. */
export function failedWrites(writer: BulkWriter): readonly string[] {
  return writeFailures.get(writer) ?? [];
}

export class UnitRepository {
  constructor(private readonly c: Collections) {}

  async findByCode(code: string, tx?: Transaction): Promise<Unit | undefined> {
    const ref = this.c.units.doc(code);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  async get(code: string, tx?: Transaction): Promise<Unit> {
    const unit = await this.findByCode(code, tx);
    if (!unit) throw new NotFound('error.unknownUnit', { code });
    return unit;
  }

  /** The communes of a province (current units only). */
  async communesOf(provinceCode: string): Promise<Unit[]> {
    const snap = await this.c.units
      .where('parentCode', '==', provinceCode)
      .where('level', '==', 'commune')
      .get();
    return snap.docs.map((d) => d.data());
  }
}

export class QuotaRepository {
  constructor(
    private readonly c: Collections,
    /** The clock quota years are counted by (docs/legal-basis.md §9). */
    private readonly clock: Clock = defaultDeps.clock,
  ) {}

  /** Now by the injected clock (ISO), and the quota year of today in Vietnam: where effects recorded now land. */
  now(): { at: string; year: number } {
    const now = this.clock.now();
    return { at: now.toISOString(), year: quotaYearOf(vietnamDay(now)) };
  }

  /** Several quotas by key in one read (inside `tx` when given); undefined where none is stored. */
  async findMany(
    keys: readonly Pick<Quota, 'unitCode' | 'block' | 'year'>[],
    tx?: Transaction,
  ): Promise<(Quota | undefined)[]> {
    if (keys.length === 0) return [];
    const refs = keys.map((k) => this.c.quotas.doc(quotaId(k.unitCode, k.block, k.year)));
    if (tx) return (await tx.getAll(...refs)).map((s) => s.data());
    return Promise.all(refs.map(async (r) => (await r.get()).data()));
  }

  /** The quotas of a year, of one province or of all (the yearly carry-over). */
  async ofYearIn(year: number, provinceCode?: string): Promise<Quota[]> {
    let q = this.c.quotas.where('year', '==', year);
    if (provinceCode) q = q.where('provinceCode', '==', provinceCode);
    return (await q.get()).docs.map((d) => d.data());
  }

  /** The quota of a unit and block for a year (inside `tx` when given). */
  async find(unitCode: string, block: Block, year: number, tx?: Transaction): Promise<Quota | undefined> {
    const ref = this.c.quotas.doc(quotaId(unitCode, block, year));
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** As `find`, refusing a unit that has no quota allocated for the block and year. */
  async get(unitCode: string, block: Block, year: number, tx?: Transaction): Promise<Quota> {
    const quota = await this.find(unitCode, block, year, tx);
    if (!quota) throw new NotFound('error.noQuota', { unitCode, block, year });
    return quota;
  }

  /** Every quota of a year (the daily alerts). */
  async ofYear(year: number): Promise<Quota[]> {
    return (await this.c.quotas.where('year', '==', year).get()).docs.map((d) => d.data());
  }

  /** Writes the new counts of a quota inside the transaction. */
  save(tx: Transaction, quota: Quota): void {
    tx.set(this.c.quotas.doc(quotaId(quota.unitCode, quota.block, quota.year)), quota);
  }

  /** Queues the new flags of a quota on `writer`; a failure is kept for `failedWrites(writer)`. */
  setFlags(writer: BulkWriter, quota: Quota, flags: NonNullable<Quota['flags']>): void {
    const ref = this.c.quotas.doc(quotaId(quota.unitCode, quota.block, quota.year));
    track(writer, ref.path, writer.update(ref, { flags }));
  }
}

export class CadreRepository {
  constructor(private readonly c: Collections) {}

  async findById(id: string, tx?: Transaction): Promise<Cadre | undefined> {
    const ref = this.c.cadres.doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  async get(id: string, tx?: Transaction): Promise<Cadre> {
    const cadre = await this.findById(id, tx);
    if (!cadre) throw new NotFound('error.unknownCadre', { id });
    return cadre;
  }

  /** The sensitive profile; callers must record why they read it. */
  async findPrivateProfile(id: string, tx?: Transaction): Promise<CadrePrivate | undefined> {
    const ref = this.c.cadrePrivate(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  async getPrivateProfile(id: string, tx?: Transaction): Promise<CadrePrivate> {
    const profile = await this.findPrivateProfile(id, tx);
    if (!profile) throw new NotFound('error.missingProfile', { id });
    return profile;
  }

  /** People working in a commune now (its own staff and those seconded in). */
  async workingInCommune(communeCode: string): Promise<Cadre[]> {
    const snap = await this.c.cadres.where('communeCode', '==', communeCode).get();
    return snap.docs.map((d) => d.data());
  }

  /**
   * The people whose private profile names `cadreId` in its family list
   * (`familyCadreIds`), each with that family list: relations recorded on the
   * relative's side (docs/legal-basis.md §8).
   */
  async namingInFamily(cadreId: string): Promise<{ cadre: Cadre; family: CadrePrivate['family'] }[]> {
    const snap = await this.c.privateProfiles.where('familyCadreIds', 'array-contains', cadreId).get();
    const found = await Promise.all(
      snap.docs.map(async (d) => {
        const ownerId = d.ref.parent.parent?.id;
        const cadre = ownerId && ownerId !== cadreId ? await this.findById(ownerId) : undefined;
        return cadre ? [{ cadre, family: d.data().family }] : [];
      }),
    );
    return found.flat();
  }

  /** How many people working in a unit hold a post there. */
  async holdersOf(unitCode: string, positionId: string): Promise<number> {
    const snap = await this.c.cadres.where('currentUnitCode', '==', unitCode).get();
    return snap.docs.filter((d) =>
      d.data().posts.some((p) => p.positionId === positionId && p.unitCode === unitCode),
    ).length;
  }

  save(tx: Transaction, cadre: Cadre): void {
    tx.set(this.c.cadres.doc(cadre.id), cadre);
  }

  /** Writes a person's private profile inside the transaction (with its audit entry). */
  saveProfile(tx: Transaction, cadreId: string, profile: CadrePrivate): void {
    tx.set(this.c.cadrePrivate(cadreId), profile);
  }

  /**
   * A person and their private profile in one read (inside `tx` when given):
   * what the movement checks read of them, for the price of one round trip.
   */
  async getWithProfile(id: string, tx?: Transaction): Promise<{ cadre: Cadre; profile: CadrePrivate }> {
    // Raw references, so one batch can hold both; each is parsed by its schema below.
    const cadreRef = this.c.cadres.doc(id).withConverter(null);
    const profileRef = this.c.cadrePrivate(id).withConverter(null);
    const [c, p] = tx
      ? await tx.getAll(cadreRef, profileRef)
      : await cadreRef.firestore.getAll(cadreRef, profileRef);
    if (!c?.exists) throw new NotFound('error.unknownCadre', { id });
    if (!p?.exists) throw new NotFound('error.missingProfile', { id });
    return { cadre: CadreSchema.parse(c.data()), profile: CadrePrivateSchema.parse(p.data()) };
  }

  /** Several people by id in one read (no lock); the missing ones are left out. */
  async findMany(ids: readonly string[]): Promise<Cadre[]> {
    if (ids.length === 0) return [];
    const refs = ids.map((id) => this.c.cadres.doc(id).withConverter(null));
    const snaps = await this.c.cadres.firestore.getAll(...refs);
    return snaps.flatMap((s) => (s.exists ? [CadreSchema.parse(s.data())] : []));
  }
}

export class MovementRepository {
  constructor(private readonly c: Collections) {}

  async findById(id: string, tx?: Transaction): Promise<Movement | undefined> {
    const ref = this.c.movements.doc(id);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  async get(id: string, tx?: Transaction): Promise<Movement> {
    const movement = await this.findById(id, tx);
    if (!movement) throw new NotFound('error.unknownMovement', { id });
    return movement;
  }

  /** Movements of one person that are neither finished nor refused (for the "two secondments" rule). */
  async openForCadre(cadreId: string, tx?: Transaction): Promise<Movement[]> {
    const q = this.c.movements.where('cadreId', '==', cadreId).where('status', 'in', [...OPEN_STATUSES]);
    return (tx ? await tx.get(q) : await q.get()).docs.map((d) => d.data());
  }

  async active(): Promise<Movement[]> {
    return (await this.c.movements.where('status', '==', 'active').get()).docs.map((d) => d.data());
  }

  /** Movements carrying an ending-soon or overdue flag (to clear those no longer active). */
  async withDeadlineFlags(): Promise<Movement[]> {
    const snap = await this.c.movements
      .where('flags', 'array-contains-any', ['ending_soon', 'overdue_return'])
      .get();
    return snap.docs.map((d) => d.data());
  }

  /**
   * The first read of a decision on a movement, in one round trip: the
   * quotas it will change (locked first, see quotaKeysOf in
   * services/movements/context.ts), the movement and its person with their
   * private profile, all locked in `tx`.
   */
  async readForDecision(
    tx: Transaction,
    quotaKeys: readonly Pick<Quota, 'unitCode' | 'block' | 'year'>[],
    movementId: string,
    cadreId: string,
  ): Promise<{ movement: Movement; cadre: Cadre; profile: CadrePrivate }> {
    // Raw references, so one batch can hold documents of several kinds; each is parsed by its schema.
    const refs = [
      ...quotaKeys.map((k) => this.c.quotas.doc(quotaId(k.unitCode, k.block, k.year)).withConverter(null)),
      this.c.movements.doc(movementId).withConverter(null),
      this.c.cadres.doc(cadreId).withConverter(null),
      this.c.cadrePrivate(cadreId).withConverter(null),
    ];
    const snaps = await tx.getAll(...refs);
    const [m, c, p] = snaps.slice(quotaKeys.length);
    if (!m?.exists) throw new NotFound('error.unknownMovement', { id: movementId });
    if (!c?.exists) throw new NotFound('error.unknownCadre', { id: cadreId });
    if (!p?.exists) throw new NotFound('error.missingProfile', { id: cadreId });
    return {
      movement: MovementSchema.parse(m.data()),
      cadre: CadreSchema.parse(c.data()),
      profile: CadrePrivateSchema.parse(p.data()),
    };
  }

  create(tx: Transaction, movement: Movement): void {
    tx.create(this.c.movements.doc(movement.id), movement);
  }

  save(tx: Transaction, movement: Movement): void {
    tx.set(this.c.movements.doc(movement.id), movement);
  }

  /** Queues the new flags of a movement on `writer`; a failure is kept for `failedWrites(writer)`. */
  setFlags(writer: BulkWriter, id: string, flags: NonNullable<Movement['flags']>): void {
    const ref = this.c.movements.doc(id);
    track(writer, ref.path, writer.update(ref, { flags }));
  }
}

export class JobRepository {
  constructor(private readonly c: Collections) {}

  /** Records a run (a rerun on the same day replaces its record). */
  async save(job: Job): Promise<void> {
    await this.c.jobs.doc(job.id).set(job);
  }

  /** Records a run inside `tx`, with the change it reports (and its audit entry). */
  saveIn(tx: Transaction, job: Job): void {
    tx.set(this.c.jobs.doc(job.id), job);
  }
}

// Account scopes and idempotency keys.

export class UserScopeRepository {
  constructor(private readonly c: Collections) {}

  async find(uid: string, tx?: Transaction): Promise<UserScope | undefined> {
    const ref = this.c.userScopes.doc(uid);
    return (tx ? await tx.get(ref) : await ref.get()).data();
  }

  /** Writes a new version of a scope inside the transaction (with its audit entry). */
  save(tx: Transaction, scope: UserScope): void {
    tx.set(this.c.userScopes.doc(scope.uid), scope);
  }

  /** Scopes whose claims lag behind, of one province or of every province (the scheduled reconciler). */
  async pendingClaims(provinceCode: string | null): Promise<UserScope[]> {
    const pending = this.c.userScopes.where('claimsPending', '==', true);
    const q = provinceCode ? pending.where('provinceCode', '==', provinceCode) : pending;
    return (await q.get()).docs.map((d) => d.data());
  }

  /**
   * Records that Auth now carries the claims of `version`, which this caller
   * has just set; `seenApplied` is the `claimsAppliedVersion` the caller saw
   * before setting them. Answers the scope as it now stands; the caller sets
   * the claims again unless `claimsAppliedVersion` equals the latest version.
   * - `version` is the latest and nobody recorded an application since
   *   `seenApplied`: it is marked applied and no longer pending.
   * - `version` is the latest but another call recorded one meanwhile (their
   *   claims and ours landed in an unknown order): left pending, to set again.
   * - a newer version exists: our older claims may have overwritten its
   *   claims in Auth, so the scope is marked pending (with `version` as what
   *   Auth carries) in this same transaction before the caller re-applies;
   *   if that fails, the reconciler repairs it.
   */
  async markApplied(
    uid: string,
    version: number,
    seenApplied: number | null,
  ): Promise<UserScope | undefined> {
    const ref = this.c.userScopes.doc(uid);
    return ref.firestore.runTransaction(async (tx) => {
      const scope = (await tx.get(ref)).data();
      if (!scope) return scope;
      let next: UserScope;
      if (scope.version !== version) {
        next = { ...scope, claimsAppliedVersion: version, claimsPending: true };
      } else if (scope.claimsAppliedVersion === version) {
        return scope;
      } else if (scope.claimsAppliedVersion !== seenApplied) {
        if (scope.claimsPending) return scope;
        next = { ...scope, claimsPending: true };
      } else {
        next = { ...scope, claimsAppliedVersion: version, claimsPending: false };
      }
      tx.set(ref, next);
      return next;
    });
  }
}

/** gRPC ALREADY_EXISTS: a create() found the document there. */
const ALREADY_EXISTS = 6;

export class IdempotencyRepository {
  constructor(private readonly c: Collections) {}

  private ref(uid: string, requestId: string) {
    return this.c.idempotency.doc(`${uid}_${requestId}`);
  }

  /** Claims a key with create(): true if this call holds it, else the record already there. */
  async claim(record: IdempotencyRecord, again = true): Promise<true | IdempotencyRecord> {
    const ref = this.ref(record.uid, record.requestId);
    try {
      await ref.create(record);
      return true;
    } catch (err) {
      if (!(typeof err === 'object' && err !== null && 'code' in err && err.code === ALREADY_EXISTS))
        throw err;
    }
    const existing = (await ref.get()).data();
    // Released between our create and our read: try once more, then report it as still running.
    if (!existing) return again ? this.claim(record, false) : record;
    return existing;
  }

  /** Replaces an expired record, if it is still the one seen (`seen.createdAt`, `seen.state`). */
  async takeOver(seen: IdempotencyRecord, record: IdempotencyRecord): Promise<boolean> {
    const ref = this.ref(record.uid, record.requestId);
    return ref.firestore.runTransaction(async (tx) => {
      const now = (await tx.get(ref)).data();
      if (now && (now.createdAt !== seen.createdAt || now.state !== seen.state)) return false;
      tx.set(ref, record);
      return true;
    });
  }

  /**
   * Stores the first call's result, if `record` still holds the key: the
   * record there is the pending claim this call made (same `createdAt`). A
   * claim that was meanwhile taken over (it expired) belongs to another call
   * and is left alone; answers whether the result was stored.
   */
  async complete(record: IdempotencyRecord): Promise<boolean> {
    return this.ifOwned(record, (tx, ref) => tx.set(ref, record));
  }

  /**
   * Frees a key whose first call failed, so the client may retry it; only the
   * pending claim that `claim` made (same `createdAt`), never a record another
   * call holds or completed.
   */
  async release(claim: Pick<IdempotencyRecord, 'uid' | 'requestId' | 'createdAt'>): Promise<boolean> {
    return this.ifOwned(claim, (tx, ref) => tx.delete(ref));
  }

  /** Runs `write` in a transaction if the record is still `claim`'s pending claim. */
  private async ifOwned(
    claim: Pick<IdempotencyRecord, 'uid' | 'requestId' | 'createdAt'>,
    write: (tx: Transaction, ref: ReturnType<IdempotencyRepository['ref']>) => void,
  ): Promise<boolean> {
    const ref = this.ref(claim.uid, claim.requestId);
    return ref.firestore.runTransaction(async (tx) => {
      const now = (await tx.get(ref)).data();
      if (!now || now.state !== 'pending' || now.createdAt !== claim.createdAt) return false;
      write(tx, ref);
      return true;
    });
  }
}

export interface Repositories {
  units: UnitRepository;
  quotas: QuotaRepository;
  cadres: CadreRepository;
  movements: MovementRepository;
  jobs: JobRepository;
  audit: AuditLog;
  collections: Collections;
  userScopes: UserScopeRepository;
  idempotency: IdempotencyRepository;
}

/** Every repository over one database; `deps` gives the audit log its clock and ids. */
export function repositories(db: Firestore, deps: ServiceDeps = defaultDeps): Repositories {
  const c = collections(db);
  return {
    units: new UnitRepository(c),
    quotas: new QuotaRepository(c, deps.clock),
    cadres: new CadreRepository(c),
    movements: new MovementRepository(c),
    jobs: new JobRepository(c),
    audit: new AuditLog(c, deps),
    collections: c,
    userScopes: new UserScopeRepository(c),
    idempotency: new IdempotencyRepository(c),
  };
}

export { AuditLog, type AuditRecord } from './audit-log';
