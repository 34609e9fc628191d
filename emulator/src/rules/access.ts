/**
 * Security rules applied to client requests: the rulesets loaded per project
 * (or from --rules for every project), and the checks the service calls
 * before it reads, lists or writes on behalf of a non-owner principal.
 */
import type { AuthInfo, Principal } from '../auth';
import { Code, EmulatorError } from '../errors';
import type { DatabaseState } from '../service';
import type { StoredDoc } from '../store';
import type { StructuredQuery } from '../types';
import type { StagedCommit } from '../writes';
import type { Method } from './ast';
import { ANY_ID, ANY_PATH, Ruleset, queryBranches, type RequestSegment } from './engine';
import { RulesSyntaxError } from './parser';
import { RMap, RPath, RTimestamp, Unknown, fieldsToMap, fromJsonValue, type RValue } from './runtime';

/** A problem in a rules source, as the emulator endpoint reports it. */
export interface RulesIssue {
  sourcePosition: { fileName?: string; line: number; column: number };
  description: string;
  severity: 'ERROR';
}

/** What the service asks before acting for a client. */
export interface AccessControl {
  /** Throws PERMISSION_DENIED unless every document may be read (`get`). */
  checkGets(state: DatabaseState, principal: Principal, paths: string[]): void;
  /** Throws PERMISSION_DENIED unless the query is allowed whatever it returns (`list`). */
  checkList(
    state: DatabaseState,
    principal: Principal,
    target: { parentPath: string; collectionId?: string; allDescendants: boolean },
    query: StructuredQuery,
  ): void;
  /** Throws PERMISSION_DENIED unless every write of the staged commit is allowed. */
  checkWrites(state: DatabaseState, principal: Principal, staged: StagedCommit, requestMicros: number): void;
  /** Metadata calls (ListCollectionIds, BatchWrite) are for administrators only. */
  requireOwner(principal: Principal, what: string): void;
}

/** Loads, stores and applies rulesets. */
export class RulesAccessControl implements AccessControl {
  private readonly rulesets = new Map<string, Ruleset>();

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /**
   * Compiles and installs rules for a project (`*` = every project without
   * its own). On errors nothing changes and the issues are returned.
   */
  setRules(project: string, source: string, fileName?: string): { issues: RulesIssue[] } {
    try {
      this.rulesets.set(project, Ruleset.compile(source));
      return { issues: [] };
    } catch (err) {
      if (!(err instanceof RulesSyntaxError)) throw err;
      const issue: RulesIssue = {
        sourcePosition: { ...(fileName ? { fileName } : {}), line: err.line, column: err.column },
        description: err.description,
        severity: 'ERROR',
      };
      this.log(
        `Rules for ${project === '*' ? 'all projects' : project} not loaded: ${fileName ?? 'rules'}:${err.line}:${err.column}: ${err.description}`,
      );
      return { issues: [issue] };
    }
  }

  /** Whether any rules are loaded (without rules every request is allowed). */
  hasRules(): boolean {
    return this.rulesets.size > 0;
  }

  private rulesetFor(state: DatabaseState): Ruleset | undefined {
    return this.rulesets.get(state.db.id.project) ?? this.rulesets.get('*');
  }

  requireOwner(principal: Principal, what: string): void {
    if (!principal.owner) {
      throw new EmulatorError(Code.PERMISSION_DENIED, `${what} require admin authentication.`);
    }
  }

  checkGets(state: DatabaseState, principal: Principal, paths: string[]): void {
    const ruleset = this.rulesetFor(state);
    if (principal.owner || !ruleset) return;
    const lookups = new Set<string>();
    const maxLookups = paths.length > 1 ? 20 : 10;
    for (const path of paths) {
      const request = requestMap(principal.auth, 'get', segmentsOf(state, path), nowMicros());
      const decision = ruleset.decide(
        segmentsOf(state, path),
        'get',
        request,
        docMap(state, state.db.get(path)),
        (p) => docMap(state, state.db.get(p.join('/'))),
        { maxLookups, lookups },
      );
      if (!decision.allowed) throw denied(decision.message);
    }
    state.db.counts.documentReads += lookups.size;
  }

  checkList(
    state: DatabaseState,
    principal: Principal,
    target: { parentPath: string; collectionId?: string; allDescendants: boolean },
    query: StructuredQuery,
  ): void {
    const ruleset = this.rulesetFor(state);
    if (principal.owner || !ruleset) return;
    const parent = target.parentPath === '' ? [] : target.parentPath.split('/');
    const base: RequestSegment[] = ['databases', state.db.id.database, 'documents', ...parent];
    const path: RequestSegment[] = target.collectionId
      ? target.allDescendants
        ? [...base, ANY_PATH, target.collectionId, ANY_ID]
        : [...base, target.collectionId, ANY_ID]
      : [...base, ANY_PATH, ANY_ID];
    const request = requestMap(principal.auth, 'list', null, nowMicros(), query);
    const resource = RMap.of({ data: new Unknown([]), id: new Unknown(), __name__: new Unknown() });
    const lookups = new Set<string>();
    const decision = ruleset.decide(
      path,
      'list',
      request,
      resource,
      (p) => docMap(state, state.db.get(p.join('/'))),
      {
        maxLookups: 10,
        lookups,
        branches: queryBranches(query),
      },
    );
    state.db.counts.documentReads += lookups.size;
    if (!decision.allowed) throw denied(decision.message);
  }

  checkWrites(state: DatabaseState, principal: Principal, staged: StagedCommit, requestMicros: number): void {
    const ruleset = this.rulesetFor(state);
    if (principal.owner || !ruleset) return;
    const lookups = new Set<string>();
    const maxLookups = staged.writes.length > 1 ? 20 : 10;
    const lookup = (p: string[], after: boolean): RMap | null => {
      const key = p.join('/');
      if (after && staged.changed.has(key)) return docMap(state, staged.changed.get(key));
      return docMap(state, state.db.get(key));
    };
    for (const w of staged.writes) {
      if (w.write.kind === 'verify') continue;
      const method: Method = w.write.kind === 'delete' ? 'delete' : w.before ? 'update' : 'create';
      const segments = segmentsOf(state, w.write.path);
      const request = requestMap(principal.auth, method, segments, requestMicros);
      if (w.after) request.entries.set('resource', docMap(state, w.after)!);
      const decision = ruleset.decide(segments, method, request, docMap(state, w.before), lookup, {
        maxLookups,
        lookups,
      });
      if (!decision.allowed) throw denied(decision.message);
    }
    state.db.counts.documentReads += lookups.size;
  }
}

function denied(message: string): EmulatorError {
  return new EmulatorError(Code.PERMISSION_DENIED, `\n${message}`);
}

function nowMicros(): number {
  // request.time has the precision of server timestamps (milliseconds).
  return Math.floor(Date.now()) * 1000;
}

function segmentsOf(state: DatabaseState, path: string): string[] {
  return ['databases', state.db.id.database, 'documents', ...path.split('/')];
}

/** `resource`-shaped map of a document: data, id, __name__. */
function docMap(state: DatabaseState, doc: StoredDoc | undefined): RMap | null {
  if (!doc) return null;
  return RMap.of({
    data: fieldsToMap(doc.fields),
    id: doc.segments[doc.segments.length - 1]!,
    __name__: new RPath(segmentsOf(state, doc.path)),
  });
}

function requestMap(
  auth: AuthInfo | null,
  method: Method,
  path: string[] | null,
  micros: number,
  query?: StructuredQuery,
): RMap {
  const entries: Record<string, RValue> = {
    auth: auth ? RMap.of({ uid: auth.uid, token: fromJsonValue(auth.token) }) : null,
    method,
    path: path ? new RPath(path) : new Unknown(),
    time: new RTimestamp(micros),
  };
  if (query) {
    entries.query = RMap.of({
      limit: query.limit?.value !== undefined ? BigInt(query.limit.value) : null,
      offset: BigInt(query.offset ?? 0),
      // Explicit orders as { fieldPath: 'ASCENDING' | 'DESCENDING' } (null without any).
      orderBy: query.orderBy?.length
        ? RMap.of(
            Object.fromEntries(
              query.orderBy.map((o) => [o.field?.fieldPath ?? '', o.direction ?? 'ASCENDING']),
            ),
          )
        : null,
    });
  }
  return RMap.of(entries);
}
