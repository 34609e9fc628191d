/**
 * Recorded parity: replays what the official Cloud Firestore emulator (v1.22.0) was recorded
 * answering, against a fresh instance of this emulator per fixture, and reports how many
 * recorded cases match (emulator/README.md, "Parity with the official emulator").
 *
 * The recordings are the hidane project's fixtures (MIT), kept OUTSIDE this repository in
 * `../shared/oracle/` (or `$FIRESTORE_ORACLE_DIR`); they are read at run time and never copied
 * here. A case matches when the status code, the error code, the error text and the content of
 * the answer match; JSON layout and absolute timestamps are not compared (timestamps are
 * compared by their relations: two times that were equal in the recording must be equal here,
 * and two that differed must differ).
 *
 * Usage: `npm run replay -w emulator [-- fixture…]` (or `npx tsx emulator/test/replay.ts …`);
 * `--slow` adds the transaction scenarios (about two minutes of lock timeouts).
 */
import { AggregateField, FieldValue, Firestore, Timestamp, type WriteResult } from '@google-cloud/firestore';
import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { packageDefinition } from '../src/proto';
import { fromJson, toJson } from '../src/json';
import { startFirestoreEmulator, type RunningEmulator } from '../src/server';
import { transactions as transactionsGrpc } from './replay-transactions';

/** One recorded case and whether this emulator answered it the same way. */
export interface CaseResult {
  name: string;
  ok: boolean;
  /** What the recording says (normalised), for mismatches. */
  expected?: unknown;
  /** What this emulator answered (normalised), for mismatches. */
  actual?: unknown;
}

/** Parity on one fixture. */
export interface FixtureReport {
  fixture: string;
  matched: number;
  total: number;
  mismatches: CaseResult[];
  /** Mismatches that are deliberate differences (DELIBERATE), by case name. */
  deliberate: string[];
}

const PRODUCTION_EXISTS =
  'production wording "Document already exists: <name>" (the recording leaks the Datastore text "entity already exists: EntityRef[…]")';
const PRODUCTION_MISSING =
  'production wording "No document to update: <name>" (the recording leaks the Datastore text "no entity to update: app: …")';

/**
 * Recorded cases where this emulator deliberately answers otherwise, with the reason; listed in
 * emulator/README.md ("Parity with the official emulator"). They still count as mismatches.
 */
export const DELIBERATE: Record<string, Record<string, string>> = {
  document_writes: {
    'create twice #2': PRODUCTION_EXISTS,
    'update exists=false on existing #2': PRODUCTION_EXISTS,
    'update exists=true on missing #1': PRODUCTION_MISSING,
    'delete exists=true on missing #1': PRODUCTION_MISSING,
  },
  'sdk-documents': { 'create existing': PRODUCTION_EXISTS, 'update missing': PRODUCTION_MISSING },
};

/** Where the recordings are: `$FIRESTORE_ORACLE_DIR`, else `../shared/oracle` beside the repository. */
export function oracleDir(): string {
  return process.env.FIRESTORE_ORACLE_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'oracle');
}

const FIX = 'crates/hidane/tests/fixtures';

// ---------------------------------------------------------------------------------------------
// Transports

interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

/** One HTTP/1.1 request with the path sent exactly as given (no URL normalisation). */
export function httpCall(
  port: number,
  method: string,
  urlPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  // A string is sent as it is (a body too deep for JSON.stringify, or not JSON at all).
  const payload =
    body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text,
            json,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

type GrpcClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

/** A gRPC client of google.firestore.v1.Firestore on the emulator's port. */
export function grpcClient(port: number): GrpcClient {
  const loaded = grpc.loadPackageDefinition(packageDefinition()) as unknown as {
    google: { firestore: { v1: { Firestore: grpc.ServiceClientConstructor } } };
  };
  return new loaded.google.firestore.v1.Firestore(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  ) as unknown as GrpcClient;
}

/** The outcome of a gRPC call: the messages, or the status as a code name and details. */
export interface GrpcOutcome {
  messages: Record<string, unknown>[];
  code: string;
  message: string;
}

function metadata(authorization: string | undefined): grpc.Metadata {
  const md = new grpc.Metadata();
  if (authorization) md.set('authorization', authorization);
  return md;
}

function statusName(code: number | undefined): string {
  return grpc.status[code ?? 2] ?? 'UNKNOWN';
}

export function grpcUnary(
  client: GrpcClient,
  method: string,
  request: unknown,
  authorization?: string,
): Promise<GrpcOutcome> {
  return new Promise((resolve) => {
    client[method]!(request, metadata(authorization), (err: grpc.ServiceError | null, res: unknown) => {
      if (err) resolve({ messages: [], code: statusName(err.code), message: err.details });
      else resolve({ messages: [res as Record<string, unknown>], code: 'OK', message: '' });
    });
  });
}

export function grpcStream(
  client: GrpcClient,
  method: string,
  request: unknown,
  authorization?: string,
): Promise<GrpcOutcome> {
  return new Promise((resolve) => {
    const messages: Record<string, unknown>[] = [];
    const call = client[method]!(request, metadata(authorization)) as grpc.ClientReadableStream<unknown>;
    call.on('data', (m: Record<string, unknown>) => messages.push(m));
    call.on('error', (err: grpc.ServiceError) =>
      resolve({ messages, code: statusName(err.code), message: err.details }),
    );
    call.on('end', () => resolve({ messages, code: 'OK', message: '' }));
  });
}

/**
 * A bidirectional stream (Listen, Write), as the recorder drove it: open it, send the request if
 * there is one, and take the first answer, or the stream's error, as the outcome (OK when a
 * message arrives, or nothing went wrong within half a second).
 */
export function grpcDuplex(
  client: GrpcClient,
  method: string,
  request: unknown,
  authorization?: string,
): Promise<GrpcOutcome> {
  return new Promise((resolve) => {
    const call = (
      client[method] as unknown as (md: grpc.Metadata) => grpc.ClientDuplexStream<unknown, unknown>
    )(metadata(authorization));
    let settled = false;
    const settle = (outcome: GrpcOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      call.cancel();
    };
    const timer = setTimeout(() => settle({ messages: [], code: 'OK', message: '' }), 500);
    call.on('data', (m: Record<string, unknown>) => settle({ messages: [m], code: 'OK', message: '' }));
    call.on('error', (err: grpc.ServiceError) =>
      settle({ messages: [], code: statusName(err.code), message: err.details }),
    );
    if (request !== undefined) call.write(request);
  });
}

// ---------------------------------------------------------------------------------------------
// Normalisation: what is compared

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Gives each distinct timestamp a label in order of appearance, so relations can be compared. */
class Labels {
  private readonly seen = new Map<string, string>();
  private count = 0;
  label(kind: string, value: string): string {
    const key = `${kind}|${value}`;
    let l = this.seen.get(key);
    if (!l) {
      l = `<${kind}${++this.count}>`;
      this.seen.set(key, l);
    }
    return l;
  }
}

/**
 * The comparable form of a REST answer: read times and page tokens only by their presence,
 * other timestamps by label (document times and stored timestamp values apart), generated
 * document IDs as `<auto>`, long numbers inside error texts as `<n>`.
 */
function normalise(value: unknown, labels: Labels, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, labels, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalise(v, labels, k);
    return out;
  }
  if (typeof value === 'string') {
    if (key === 'readTime') return '<readTime>';
    if (key === 'nextPageToken') return value === '' ? '' : '<token>';
    if (key === 'transaction') return '<transaction>';
    if (key === 'timestampValue') return labels.label('value', value);
    if (TIMESTAMP.test(value)) return labels.label('time', value);
    let s = value.replace(/\/[A-Za-z0-9]{20}(?=\/|$)/g, '/<auto>');
    if (key === 'message') s = s.replace(/\d{13,}/g, '<n>');
    return s;
  }
  return value;
}

/** Deep equality of JSON values, object keys in any order; numbers compared as numbers. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (a === 0 && b === 0);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Records which recorded values (times, tokens) stand for which of ours, walking both answers. */
function learn(recorded: unknown, actual: unknown, subst: Map<string, string>): void {
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    recorded.forEach((r, i) => learn(r, actual[i], subst));
  } else if (recorded && actual && typeof recorded === 'object' && typeof actual === 'object') {
    for (const [k, r] of Object.entries(recorded as Record<string, unknown>)) {
      const a = (actual as Record<string, unknown>)[k];
      if (typeof r === 'string' && typeof a === 'string' && (TIMESTAMP.test(r) || k === 'nextPageToken')) {
        subst.set(r, a);
      } else learn(r, a, subst);
    }
  }
}

function substitute(text: string, subst: Map<string, string>, encoded: boolean): string {
  let out = text;
  for (const [r, a] of subst) {
    out = out.split(r).join(a);
    if (encoded) out = out.split(encodeURIComponent(r)).join(encodeURIComponent(a));
  }
  return out;
}

const JSON_TYPE = /^application\/json/;

// ---------------------------------------------------------------------------------------------
// Fixture runners

type Runner = (emu: RunningEmulator, fixture: Record<string, unknown>) => Promise<CaseResult[]>;

const OWNER = { authorization: 'Bearer owner' };
const CODE_HTTP: Record<string, number> = {
  OK: 200,
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  PERMISSION_DENIED: 403,
  UNAUTHENTICATED: 401,
  RESOURCE_EXHAUSTED: 429,
  UNIMPLEMENTED: 501,
  UNKNOWN: 500,
  INTERNAL: 500,
};

function docsRoot(project: string, database = '(default)'): string {
  return `projects/${project}/databases/${database}/documents`;
}

function fillDocuments(value: unknown, documents: string): unknown {
  return JSON.parse(JSON.stringify(value).split('{documents}').join(documents));
}

async function seed(
  emu: RunningEmulator,
  project: string,
  docs: { name: string; fields: unknown }[],
): Promise<void> {
  const root = docsRoot(project);
  const writes = docs.map((d) => ({
    update: { name: `${root}/${d.name}`, fields: fillDocuments(d.fields, root) },
  }));
  const res = await httpCall(emu.port, 'POST', `/v1/${root}:commit`, { writes }, OWNER);
  if (res.status === 200) return;
  // A refused document refuses the batch: store the others one at a time (the cases that need
  // the refused one then show as mismatches).
  for (const w of writes) await httpCall(emu.port, 'POST', `/v1/${root}:commit`, { writes: [w] }, OWNER);
}

function errorOf(answer: HttpAnswer): { code: string; message: string } | undefined {
  const e = (answer.json as { error?: { status?: string; message?: string } } | undefined)?.error;
  return e ? { code: e.status ?? '', message: e.message ?? '' } : undefined;
}

/** The recorded `{status, message}` of a case against a REST answer, plus its success comparison. */
function compareOutcome(
  name: string,
  outcome: { status: string; message?: string },
  answer: HttpAnswer,
  project: string,
  onOk: (messages: Record<string, unknown>[]) => { ok: boolean; actual: unknown; expected: unknown },
): CaseResult {
  if (outcome.status !== 'OK') {
    const err = errorOf(answer);
    const actual = {
      http: answer.status,
      code: err?.code,
      message: err?.message.split(`projects/${project}/`).join('projects/{project}/'),
      json: JSON_TYPE.test(answer.contentType),
    };
    const expected = {
      http: CODE_HTTP[outcome.status],
      code: outcome.status,
      message: outcome.message,
      json: true,
    };
    return { name, ok: sameJson(actual, expected), expected, actual };
  }
  if (answer.status !== 200 || !Array.isArray(answer.json)) {
    return {
      name,
      ok: false,
      expected: outcome,
      actual: { http: answer.status, body: answer.text.slice(0, 300) },
    };
  }
  const r = onOk(answer.json as Record<string, unknown>[]);
  return { name, ...r, ok: r.ok && JSON_TYPE.test(answer.contentType) };
}

/** queries.json over REST `:runQuery`: documents in order, `skippedResults`, `done` on the last. */
const queriesRest: Runner = async (emu, fx) => {
  const project = 'queries-000000';
  const root = docsRoot(project);
  await seed(emu, project, fx.dataset as { name: string; fields: unknown }[]);
  const results: CaseResult[] = [];
  for (const c of fx.cases as QueryCase[]) {
    const parent = c.parent ? `${root}/${c.parent}` : root;
    const answer = await httpCall(emu.port, 'POST', `/v1/${parent}:runQuery`, {
      structuredQuery: fillDocuments(c.query, root),
    });
    results.push(
      compareOutcome(c.name, c.outcome, answer, project, (messages) =>
        compareQueryMessages(c, messages, root),
      ),
    );
  }
  return results;
};

interface QueryCase {
  name: string;
  parent: string;
  query: unknown;
  outcome: { status: string; message?: string; responses?: unknown[]; fields?: Record<string, unknown> };
}

function compareQueryMessages(c: QueryCase, messages: Record<string, unknown>[], root: string) {
  const fields: Record<string, unknown> = {};
  const actual = messages.map((m) => {
    const out: Record<string, unknown> = {};
    const doc = m.document as { name: string; fields?: unknown } | undefined;
    if (doc) {
      out.document = doc.name.slice(root.length + 1);
      fields[out.document as string] = doc.fields ?? {};
    }
    if (m.skippedResults !== undefined) out.skipped = Number(m.skippedResults);
    if (m.done) out.done = true;
    return out;
  });
  const expected = c.outcome.responses;
  let ok = sameJson(actual, expected);
  if (ok && c.outcome.fields) ok = sameJson(fields, c.outcome.fields);
  return { ok, actual, expected };
}

/** queries.json again over gRPC RunQuery: the same answers, `done` included. */
const queriesGrpc: Runner = async (emu, fx) => {
  const project = 'queries-000000';
  const root = docsRoot(project);
  await seed(emu, project, fx.dataset as { name: string; fields: unknown }[]);
  const client = grpcClient(emu.port);
  const results: CaseResult[] = [];
  try {
    for (const c of fx.cases as QueryCase[]) {
      const parent = c.parent ? `${root}/${c.parent}` : root;
      let request: unknown;
      try {
        request = fromJson('google.firestore.v1.RunQueryRequest', {
          parent,
          structuredQuery: fillDocuments(c.query, root),
        });
      } catch (err) {
        results.push({
          name: c.name,
          ok: false,
          expected: c.outcome,
          actual: `not encodable: ${String(err)}`,
        });
        continue;
      }
      const out = await grpcStream(client, 'runQuery', request);
      if (c.outcome.status !== 'OK') {
        const actual = {
          code: out.code,
          message: out.message.split(`projects/${project}/`).join('projects/{project}/'),
        };
        const expected = { code: c.outcome.status, message: c.outcome.message };
        results.push({ name: c.name, ok: sameJson(actual, expected), expected, actual });
        continue;
      }
      if (out.code !== 'OK') {
        results.push({ name: c.name, ok: false, expected: c.outcome, actual: out });
        continue;
      }
      // Decoded messages carry proto-loader's oneof markers: compare their proto3 JSON form.
      const messages = out.messages.map((m) =>
        m.document ? { ...m, document: toJson('google.firestore.v1.Document', m.document) } : m,
      );
      results.push({ name: c.name, ...compareQueryMessages(c, messages, root) });
    }
  } finally {
    client.close();
  }
  return results;
};

/** aggregations.json over REST `:runAggregationQuery`. */
const aggregations: Runner = async (emu, fx) => {
  const project = 'aggregations';
  const root = docsRoot(project);
  await seed(emu, project, fx.dataset as { name: string; fields: unknown }[]);
  const results: CaseResult[] = [];
  for (const c of fx.cases as (QueryCase & { aggregations: unknown[] })[]) {
    const parent = c.parent ? `${root}/${c.parent}` : root;
    const answer = await httpCall(emu.port, 'POST', `/v1/${parent}:runAggregationQuery`, {
      structuredAggregationQuery: {
        structuredQuery: fillDocuments(c.query, root),
        aggregations: c.aggregations,
      },
    });
    results.push(
      compareOutcome(c.name, c.outcome, answer, project, (messages) => {
        const labels = new Labels();
        const actual = messages.map((m) => normalise(m, labels));
        const expected = (c.outcome.responses ?? []).map((m) => normalise(m, new Labels()));
        return { ok: sameJson(actual, expected), actual, expected };
      }),
    );
  }
  return results;
};

interface RestStep {
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
}

/**
 * Which steps of document_writes.json the recorder sent as an administrator: the recording keeps
 * no headers, and its recorder sends `Bearer owner` only to the metadata calls it expects to
 * succeed (listing collection IDs, listing with `showMissing`).
 */
function ownerStep(step: RestStep): boolean {
  const metadata = step.path.includes(':listCollectionIds') || step.path.includes('showMissing=true');
  return metadata && step.status !== 403;
}

/** transforms.json and document_writes.json: REST steps per case, one project per case. */
const restSteps: Runner = async (emu, fx) => {
  const results: CaseResult[] = [];
  for (const c of fx.cases as { name: string; steps: RestStep[] }[]) {
    const subst = new Map<string, string>();
    const recordedLabels = new Labels();
    const actualLabels = new Labels();
    for (const [i, step] of c.steps.entries()) {
      const urlPath = '/v1/' + substitute(step.path, subst, true);
      const body =
        step.body === null || step.body === undefined
          ? undefined
          : JSON.parse(substitute(JSON.stringify(step.body), subst, false));
      const answer = await httpCall(emu.port, step.method, urlPath, body, ownerStep(step) ? OWNER : {});
      const actual = {
        status: answer.status,
        json: JSON_TYPE.test(answer.contentType),
        body: normalise(answer.json ?? {}, actualLabels),
      };
      const expected = {
        status: step.status,
        json: true,
        body: normalise(step.response ?? {}, recordedLabels),
      };
      learn(step.response, answer.json, subst);
      results.push({ name: `${c.name} #${i + 1}`, ok: sameJson(actual, expected), expected, actual });
    }
  }
  return results;
};

type Spec = unknown[];

/** Expands limits.json's value specs, as its recorder describes them. */
function specValue(spec: Spec): unknown {
  const [kind, a, b] = spec as [string, unknown, unknown];
  switch (kind) {
    case 'string':
      return { stringValue: String(b).repeat(a as number) };
    case 'bytes':
      return { bytesValue: Buffer.alloc(a as number, 'x').toString('base64') };
    case 'int':
      return { integerValue: '1' };
    case 'map':
      return {
        mapValue: {
          fields: Object.fromEntries(
            Object.entries(a as Record<string, Spec>).map(([k, v]) => [k, specValue(v)]),
          ),
        },
      };
    case 'array':
      return { arrayValue: { values: (a as Spec[]).map(specValue) } };
    case 'nest': {
      let v: unknown = { integerValue: '1' };
      for (let i = 0; i < (a as number); i++) {
        v = b && i % 2 === 0 ? { arrayValue: { values: [v] } } : { mapValue: { fields: { m: v } } };
      }
      return v;
    }
    default:
      throw new Error(`unknown spec ${kind}`);
  }
}

const specText = (s: unknown): string =>
  typeof s === 'string' ? s : String((s as Spec)[1]).repeat((s as Spec)[2] as number);

/** limits.json: one REST commit per case; status and message. */
const limits: Runner = async (emu, fx) => {
  const root = docsRoot('limits');
  const results: CaseResult[] = [];
  for (const c of fx.cases as {
    name: string;
    path: unknown[];
    fields: Record<string, Spec>;
    outcome: { status: number; message: string };
  }[]) {
    const name = `${root}/${c.path.map(specText).join('/')}`;
    const fields = Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, specValue(v)]));
    const answer = await httpCall(
      emu.port,
      'POST',
      `/v1/${root}:commit`,
      { writes: [{ update: { name, fields } }] },
      OWNER,
    );
    const actual = {
      status: answer.status,
      message: answer.status === 200 ? '' : (errorOf(answer)?.message ?? answer.text.slice(0, 200)),
    };
    results.push({ name: c.name, ok: sameJson(actual, c.outcome), expected: c.outcome, actual });
  }
  return results;
};

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()),
        camelKeys(v),
      ]),
    );
  }
  return value;
}

/** list_documents.json: gRPC ListDocuments (pages followed to the end) and REST listings. */
const listDocuments: Runner = async (emu, fx) => {
  const project = 'list';
  const root = docsRoot(project);
  const [first, second] = fx.seed as string[][];
  const commitTimes: string[] = [];
  for (const batch of [first!, second!]) {
    const writes = batch.map((p, i) => ({
      update: { name: `${root}/${p}`, fields: { n: { integerValue: String(i) }, m: { booleanValue: true } } },
    }));
    const res = await httpCall(emu.port, 'POST', `/v1/${root}:commit`, { writes }, OWNER);
    commitTimes.push(String((res.json as { commitTime?: string }).commitTime));
  }
  const client = grpcClient(emu.port);
  const results: CaseResult[] = [];
  const names = (m: Record<string, unknown>) =>
    ((m.documents as { name: string; fields?: Record<string, unknown> }[]) ?? []).map((d) => ({
      name: d.name.slice(root.length + 1),
      fields: Object.keys(d.fields ?? {}).sort(),
    }));
  try {
    for (const c of fx.grpc as {
      name: string;
      request: Record<string, unknown>;
      parent: string;
      owner: boolean;
      outcome: Record<string, unknown>;
    }[]) {
      const { pages, at_first_commit: atFirst, ...rest } = c.request;
      const json = camelKeys({
        parent: c.parent ? `${root}/${c.parent}` : root,
        ...rest,
        ...(atFirst ? { readTime: commitTimes[0] } : {}),
      });
      const request = fromJson<Record<string, unknown>>('google.firestore.v1.ListDocumentsRequest', json);
      const auth = c.owner ? OWNER.authorization : undefined;
      let actual: unknown;
      if (pages) {
        const got: string[][] = [];
        for (let guard = 0; guard < 20; guard++) {
          const out = await grpcUnary(client, 'listDocuments', request, auth);
          if (out.code !== 'OK') {
            actual = { code: out.code, message: out.message };
            break;
          }
          got.push(names(out.messages[0]!).map((d) => d.name));
          const token = out.messages[0]!.nextPageToken as string | undefined;
          if (!token) {
            actual = { pages: got };
            break;
          }
          request.pageToken = token;
        }
      } else {
        const out = await grpcUnary(client, 'listDocuments', request, auth);
        actual =
          out.code === 'OK'
            ? { documents: names(out.messages[0]!) }
            : { code: out.code, message: out.message };
      }
      results.push({ name: `grpc: ${c.name}`, ok: sameJson(actual, c.outcome), expected: c.outcome, actual });
    }
  } finally {
    client.close();
  }
  for (const c of fx.rest as { name: string; path: string; outcome: Record<string, unknown> }[]) {
    const answer = await httpCall(emu.port, 'GET', `/v1/${root}${c.path}`, undefined, OWNER);
    let actual: Record<string, unknown>;
    const body = answer.json as Record<string, unknown> | undefined;
    if (body === undefined) actual = { status: answer.status, body: answer.text };
    else if (answer.status === 200 || 'documents' in body) {
      actual = {
        status: answer.status,
        documents: ((body.documents as { name: string }[]) ?? []).map((d) => d.name.slice(root.length + 1)),
        next_page: Boolean(body.nextPageToken),
      };
    } else actual = { status: answer.status, error: body.error ?? body };
    results.push({ name: `rest: ${c.name}`, ok: sameJson(actual, c.outcome), expected: c.outcome, actual });
  }
  return results;
};

/**
 * value_order.json: each value stored in two collections whose document names run in opposite
 * directions; ordering both by `v` tells strict order (same position in both) from ties (which
 * follow the names, so they swap). Each value matches when its group of equals and its rank match.
 */
const valueOrder: Runner = async (emu, fx) => {
  const project = 'demo';
  const root = docsRoot(project);
  const values = fx.values as {
    groups: { label: string; value: unknown }[][];
    rejected: { label: string; value: unknown; error: string }[];
  };
  const flat = values.groups.flat();
  const pad = (n: number) => String(n).padStart(4, '0');
  const writes = flat.flatMap((v, i) => [
    { update: { name: `${root}/fwd/${pad(i)}`, fields: { v: v.value, i: { integerValue: String(i) } } } },
    {
      update: {
        name: `${root}/rev/${pad(flat.length - i)}`,
        fields: { v: v.value, i: { integerValue: String(i) } },
      },
    },
  ]);
  const results: CaseResult[] = [];
  const seeded = await httpCall(emu.port, 'POST', `/v1/${root}:commit`, { writes }, OWNER);
  if (seeded.status !== 200) {
    // One refused value refuses the batch: store them one at a time to see which.
    for (const [i, v] of flat.entries()) {
      for (const w of writes.slice(2 * i, 2 * i + 2)) {
        const one = await httpCall(emu.port, 'POST', `/v1/${root}:commit`, { writes: [w] }, OWNER);
        if (one.status !== 200) results.push({ name: `store ${v.label}`, ok: false, actual: errorOf(one) });
      }
    }
  }
  const order = async (collection: string): Promise<number[]> => {
    const answer = await httpCall(emu.port, 'POST', `/v1/${root}:runQuery`, {
      structuredQuery: { from: [{ collectionId: collection }], orderBy: [{ field: { fieldPath: 'v' } }] },
    });
    return ((answer.json as { document?: { fields: { i: { integerValue: string } } } }[]) ?? [])
      .filter((m) => m.document)
      .map((m) => Number(m.document!.fields.i.integerValue));
  };
  const fwd = await order('fwd');
  const rev = await order('rev');
  const revPos = new Map(rev.map((idx, p) => [idx, p]));
  // Our groups: consecutive values in `fwd` whose relative order flips in `rev` are equal.
  const groupOf = new Map<number, number>();
  let g = 0;
  fwd.forEach((idx, p) => {
    if (p > 0 && (revPos.get(idx) ?? -1) < (revPos.get(fwd[p - 1]!) ?? -1)) groupOf.set(idx, g);
    else groupOf.set(idx, ++g);
  });
  const rank = new Map<number, number>();
  fwd.forEach((idx) => rank.set(idx, fwd.filter((o) => groupOf.get(o)! < groupOf.get(idx)!).length));
  let i = 0;
  let expectedRank = 0;
  for (const group of values.groups) {
    const members = group.map(() => i++);
    for (const m of members) {
      const actualGroup = [...groupOf.entries()]
        .filter(([, gg]) => gg === groupOf.get(m))
        .map(([idx]) => flat[idx]!.label);
      const expected = { rank: expectedRank, equals: group.map((v) => v.label).sort() };
      const actual = { rank: rank.get(m), equals: groupOf.has(m) ? actualGroup.sort() : [] };
      results.push({ name: `value ${flat[m]!.label}`, ok: sameJson(actual, expected), expected, actual });
    }
    expectedRank += group.length;
  }
  for (const r of values.rejected) {
    const answer = await httpCall(
      emu.port,
      'POST',
      `/v1/${root}:commit`,
      { writes: [{ update: { name: `${root}/rejected/x`, fields: { v: r.value } } }] },
      OWNER,
    );
    const actual = { status: answer.status, message: errorOf(answer)?.message };
    const expected = { status: 400, message: r.error };
    results.push({ name: `rejected ${r.label}`, ok: sameJson(actual, expected), expected, actual });
  }
  // Document names in a collection group.
  const paths = fx.paths as { order: string[] };
  const shuffled = [...paths.order].reverse();
  await httpCall(
    emu.port,
    'POST',
    `/v1/${root}:commit`,
    { writes: shuffled.map((p) => ({ update: { name: `${root}/${p}`, fields: {} } })) },
    OWNER,
  );
  const answer = await httpCall(emu.port, 'POST', `/v1/${root}:runQuery`, {
    structuredQuery: { from: [{ collectionId: 'items', allDescendants: true }] },
  });
  const got = ((answer.json as { document?: { name: string } }[]) ?? [])
    .filter((m) => m.document)
    .map((m) => m.document!.name.slice(root.length + 1));
  paths.order.forEach((p, idx) => {
    results.push({ name: `path ${p}`, ok: got[idx] === p, expected: p, actual: got[idx] });
  });
  return results;
};

/** A Node server SDK client on the emulator (gRPC, `Bearer owner`, as firebase-admin sends it). */
function sdkClient(emu: RunningEmulator, projectId: string): Firestore {
  return new Firestore({
    projectId,
    host: emu.host,
    port: emu.port,
    ssl: false,
    customHeaders: { Authorization: 'Bearer owner' },
  });
}

type Transcript = { name: string; ok?: unknown; error?: { code: unknown; message: string } }[];

async function transcriptStep(
  out: Transcript,
  name: string,
  fn: () => Promise<unknown>,
  cleanMessage: (m: string) => string,
): Promise<void> {
  try {
    out.push({ name, ok: await fn() });
  } catch (e) {
    const err = e as { code?: unknown; details?: string; message?: string };
    out.push({ name, error: { code: err.code, message: cleanMessage(String(err.details ?? err.message)) } });
  }
}

function compareTranscripts(recorded: Transcript, ours: Transcript): CaseResult[] {
  return recorded.map((r) => {
    const a = ours.find((o) => o.name === r.name);
    const actual = a ? (a.error ? { error: a.error } : { ok: a.ok }) : 'not run';
    const expected = r.error ? { error: r.error } : { ok: r.ok };
    return { name: r.name, ok: sameJson(JSON.parse(JSON.stringify(actual)), expected), expected, actual };
  });
}

const seconds = (t: Timestamp | undefined) => t && `${t.seconds}.${String(t.nanoseconds).padStart(9, '0')}`;

/**
 * results/sdk-documents: document operations through @google-cloud/firestore (the engine of
 * firebase-admin); the steps are the recorder's, written again here from its transcript.
 */
const sdkDocuments: Runner = async (emu, fx) => {
  const db = sdkClient(emu, 'demo-sdk-diff');
  const out: Transcript = [];
  const step = (name: string, fn: () => Promise<unknown>) =>
    transcriptStep(out, name, fn, (m) => m.replace(/\d{10,}/g, '<n>'));
  const users = db.collection('users');
  let first: WriteResult | undefined;
  try {
    await step('set alice', async () => {
      first = await users.doc('alice').set({ name: 'Alice', age: 30, tags: ['a', 'b'], nested: { x: 1 } });
      return 'ok';
    });
    await step('get alice', async () => {
      const s = await users.doc('alice').get();
      return {
        exists: s.exists,
        data: s.data(),
        createEqualsUpdate: seconds(s.createTime) === seconds(s.updateTime),
        updateEqualsWrite: seconds(s.updateTime) === seconds(first?.writeTime),
      };
    });
    await step('update dotted', async () => {
      await users.doc('alice').update({ age: 31, 'nested.y': 2 });
      return (await users.doc('alice').get()).data();
    });
    await step('set merge', async () => {
      await users.doc('alice').set({ city: 'Tokyo', nested: { z: 3 } }, { merge: true });
      return (await users.doc('alice').get()).data();
    });
    await step('create existing', async () =>
      users
        .doc('alice')
        .create({ x: 1 })
        .then(() => 'unexpected'),
    );
    await step('update missing', async () =>
      users
        .doc('nobody')
        .update({ x: 1 })
        .then(() => 'unexpected'),
    );
    await step('delete with stale lastUpdateTime', async () =>
      users
        .doc('alice')
        .delete({ lastUpdateTime: first!.writeTime })
        .then(() => 'unexpected'),
    );
    await step('identical set keeps updateTime', async () => {
      const before = await users.doc('alice').get();
      const w = await users.doc('alice').set(before.data()!);
      const after = await users.doc('alice').get();
      return {
        writeTimeIsOldUpdateTime: seconds(w.writeTime) === seconds(before.updateTime),
        updateTimeUnchanged: seconds(after.updateTime) === seconds(before.updateTime),
      };
    });
    await step('getAll', async () =>
      (await db.getAll(users.doc('nobody'), users.doc('alice'))).map((s) => ({ id: s.id, exists: s.exists })),
    );
    await step('batch', async () => {
      const b = db.batch();
      b.set(users.doc('bob'), { n: 1 });
      b.set(users.doc('carol'), { n: 2 });
      b.delete(users.doc('alice'));
      b.set(db.doc('users/bob/posts/p1'), { title: 'hi' });
      b.set(db.doc('ghosts/g/items/i'), { n: 3 });
      return (await b.commit()).length;
    });
    await step('listDocuments users', async () => (await users.listDocuments()).map((d) => d.id));
    await step('listDocuments ghosts (missing parent)', async () =>
      (await db.collection('ghosts').listDocuments()).map((d) => d.id),
    );
    await step('listCollections root', async () => (await db.listCollections()).map((c) => c.id));
    await step('listCollections bob', async () =>
      (await users.doc('bob').listCollections()).map((c) => c.id),
    );
    await step('bulkWriter', async () => {
      const bw = db.bulkWriter();
      bw.onWriteError(() => false);
      const ops = [
        bw.create(users.doc('dave'), { n: 1 }),
        bw.create(users.doc('bob'), { n: 9 }),
        bw.update(users.doc('nobody'), { n: 1 }),
        bw.delete(users.doc('carol')),
      ].map((p) =>
        p.then(
          () => 'ok',
          (e: { code?: unknown }) => `error ${String(e.code)}`,
        ),
      );
      await bw.close();
      return Promise.all(ops);
    });
    await step('after bulkWriter', async () => (await users.listDocuments()).map((d) => d.id).sort());
    await step('serverTimestamp', async () => {
      const w = await users
        .doc('ts')
        .set({ at: FieldValue.serverTimestamp(), m: { at: FieldValue.serverTimestamp() } });
      const data = (await users.doc('ts').get()).data()!;
      const at = data.at as Timestamp;
      return {
        isTimestamp: at instanceof Timestamp,
        millisecondPrecision: at.nanoseconds % 1_000_000 === 0,
        notAfterWrite: at.toMillis() <= w.writeTime.toMillis(),
        sameInNested: at.isEqual((data.m as { at: Timestamp }).at),
      };
    });
    await step('increment', async () => {
      await users.doc('counter').set({ n: 1, f: 1.5 });
      await users.doc('counter').update({
        n: FieldValue.increment(2),
        f: FieldValue.increment(1),
        fresh: FieldValue.increment(5),
      });
      return (await users.doc('counter').get()).data();
    });
    await step('arrayUnion and arrayRemove', async () => {
      await users.doc('arrays').set({ list: ['a'] });
      await users.doc('arrays').update({ list: FieldValue.arrayUnion(1, 'b', 'a') });
      const afterUnion = (await users.doc('arrays').get()).get('list') as unknown;
      await users.doc('arrays').update({ list: FieldValue.arrayRemove('a', 1) });
      return { afterUnion, afterRemove: (await users.doc('arrays').get()).get('list') as unknown };
    });
    await step('FieldValue.delete', async () => {
      await users.doc('deleting').set({ keep: 1, gone: 2, m: { x: 1, y: 2 } });
      await users.doc('deleting').update({ gone: FieldValue.delete(), 'm.x': FieldValue.delete() });
      return (await users.doc('deleting').get()).data();
    });
    await step('merge with transforms', async () => {
      await users.doc('merged').set({ a: 1, b: 1, list: ['x'] });
      await users
        .doc('merged')
        .set({ b: FieldValue.increment(2), list: FieldValue.arrayUnion('y') }, { merge: true });
      return (await users.doc('merged').get()).data();
    });
  } finally {
    await db.terminate();
  }
  return compareTranscripts(fx.transcript as Transcript, out);
};

/** results/sdk-aggregations: count, sum and average through @google-cloud/firestore. */
const sdkAggregations: Runner = async (emu, fx) => {
  const db = sdkClient(emu, 'demo-sdk-aggregations');
  const out: Transcript = [];
  const step = (name: string, fn: () => Promise<unknown>) =>
    transcriptStep(out, name, fn, (m) => m.replace(/projects\/[^ "]*/g, '<name>'));
  const orders = db.collection('orders');
  try {
    await step('seed', async () => {
      const batch = db.batch();
      const rows: Record<string, Record<string, unknown>> = {
        a: { total: 10, qty: 1, status: 'paid' },
        b: { total: 2.5, qty: 3, status: 'paid' },
        c: { total: 7, qty: 2, status: 'open' },
        d: { total: 'n/a', qty: 1, status: 'open' },
        e: { qty: 5, status: 'void' },
      };
      for (const [id, row] of Object.entries(rows)) batch.set(orders.doc(id), row);
      batch.set(db.doc('orders/a/lines/1'), { qty: 4 });
      batch.set(db.doc('orders/b/lines/1'), { qty: 6 });
      batch.set(db.doc('big/x'), { n: Number.MAX_SAFE_INTEGER });
      batch.set(db.doc('big/y'), { n: Number.MAX_SAFE_INTEGER });
      await batch.commit();
      return 'ok';
    });
    await step('count', async () => (await orders.count().get()).data());
    await step('count with a filter', async () =>
      (await orders.where('status', '==', 'open').count().get()).data(),
    );
    await step('count with a limit', async () => (await orders.limit(2).count().get()).data());
    await step('sum and average', async () =>
      (
        await orders
          .aggregate({ total: AggregateField.sum('total'), mean: AggregateField.average('total') })
          .get()
      ).data(),
    );
    await step('count next to sum', async () =>
      (await orders.aggregate({ n: AggregateField.count(), qty: AggregateField.sum('qty') }).get()).data(),
    );
    await step('count next to sum of a sparse field', async () =>
      (
        await orders.aggregate({ n: AggregateField.count(), total: AggregateField.sum('total') }).get()
      ).data(),
    );
    await step('average of nothing', async () =>
      (
        await orders
          .where('status', '==', 'none')
          .aggregate({ mean: AggregateField.average('total'), total: AggregateField.sum('total') })
          .get()
      ).data(),
    );
    await step('sum beyond 2^53', async () =>
      (
        await db
          .collection('big')
          .aggregate({ n: AggregateField.sum('n') })
          .get()
      ).data(),
    );
    await step('collection group count and sum', async () =>
      (
        await db
          .collectionGroup('lines')
          .aggregate({ n: AggregateField.count(), qty: AggregateField.sum('qty') })
          .get()
      ).data(),
    );
    await step('in a transaction', async () =>
      db.runTransaction(async (tx) => {
        const snap = await tx.get(orders.where('status', '==', 'paid').count());
        tx.set(orders.doc('f'), { total: 1, qty: 1, status: 'paid' });
        return snap.data();
      }),
    );
    await step('after the transaction', async () =>
      (await orders.where('status', '==', 'paid').count().get()).data(),
    );
    await step('in a read-only transaction', async () =>
      db.runTransaction(async (tx) => (await tx.get(orders.count())).data(), { readOnly: true }),
    );
  } finally {
    await db.terminate();
  }
  return compareTranscripts(fx.transcript as Transcript, out);
};

/** A compact write of transactions.json, expanded as its recorder describes. */
interface CompactWrite {
  update?: string;
  delete?: string;
  verify?: string;
  n?: number;
  exists?: boolean;
  reserved?: boolean;
  mask?: string[];
  increment?: string;
}

function expandWrite(base: string, w: CompactWrite): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (w.delete !== undefined) out = { delete: `${base}/${w.delete}` };
  else if (w.verify !== undefined) out = { verify: `${base}/${w.verify}` };
  else {
    const fields: Record<string, unknown> = {};
    if (w.n !== undefined) fields.n = { integerValue: String(w.n) };
    if (w.reserved) fields.__x__ = { nullValue: null };
    out = { update: { name: `${base}/${w.update}`, fields } };
  }
  if (w.exists !== undefined) out.currentDocument = { exists: w.exists };
  if (w.mask) out.updateMask = { fieldPaths: w.mask };
  if (w.increment) out.updateTransforms = [{ fieldPath: w.increment, increment: { integerValue: '1' } }];
  return out;
}

interface TxnStep {
  op: string;
  label: string;
  as?: string;
  txn?: string;
  new?: unknown;
  options?: unknown;
  documents?: string[];
  document?: string;
  collection?: string;
  group?: boolean;
  pageSize?: number;
  writes?: CompactWrite[];
  raw?: string;
  seconds?: number;
  for?: string[];
  background?: boolean;
  compare?: 'status' | 'codes' | 'none';
  outcome?: { status: string; message: string; elapsed: number; result?: unknown };
}

type StepOutcome = { status: string; message: string; result?: unknown };

/**
 * transactions.json: lock scope, waits and expiry, scenario by scenario, each in its own
 * project, with REST and (for reads in a transaction by name) gRPC, as its recorder did. A step
 * matches when its status, message (unless the recording says to compare less), elapsed time
 * (rounded to half seconds, within half a second) and small result match. The scenario that
 * waits for the 60 s idle expiry runs only with FIRESTORE_REPLAY_SLOW=1.
 */
const transactionsRest: Runner = async (emu, fx) => {
  const client = grpcClient(emu.port);
  const results: CaseResult[] = [];
  const scenarios = fx.scenarios as { name: string; steps: TxnStep[]; slow?: boolean }[];
  try {
    for (const [i, sc] of scenarios.entries()) {
      if (sc.slow && !process.env.FIRESTORE_REPLAY_SLOW) continue;
      const project = `txn-000000-${i}`;
      results.push(...(await runScenario(emu, client, sc, project)));
    }
  } finally {
    client.close();
  }
  return results;
};

async function runScenario(
  emu: RunningEmulator,
  client: GrpcClient,
  sc: { name: string; steps: TxnStep[] },
  project: string,
): Promise<CaseResult[]> {
  const base = docsRoot(project);
  const txns = new Map<string, string>();
  const background = new Map<string, Promise<void>>();
  const results: CaseResult[] = [];
  const docResult = (doc: { name: string; fields?: Record<string, { integerValue?: string }> }) => {
    const n = doc.fields?.n?.integerValue;
    return { name: doc.name.slice(base.length + 1), n: n === undefined ? null : Number(n) };
  };
  const rest = async (method: string, urlPath: string, body?: unknown): Promise<[StepOutcome, unknown]> => {
    const answer = await httpCall(emu.port, method, urlPath, body, OWNER);
    if (answer.status === 200) return [{ status: 'OK', message: '' }, answer.json];
    const err = errorOf(answer);
    return [{ status: err?.code ?? String(answer.status), message: err?.message ?? answer.text }, undefined];
  };
  const fill = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value).replace(/\{(\w+)\}/g, (m, name: string) => txns.get(name) ?? m),
    ) as unknown;
  const txnBytes = (b64: string | undefined) => (b64 === undefined ? undefined : Buffer.from(b64, 'base64'));

  const execute = async (st: TxnStep): Promise<StepOutcome> => {
    const txn = st.txn !== undefined ? txns.get(st.txn) : undefined;
    const withTxn = (body: Record<string, unknown>) => ({
      ...body,
      ...(txn ? { transaction: txn } : {}),
      ...(st.new ? { newTransaction: st.new } : {}),
    });
    const keepTransaction = (messages: { transaction?: string }[]) => {
      const out: unknown[] = [];
      for (const m of messages) {
        if (m.transaction) {
          txns.set(st.as!, m.transaction);
          out.push({ transaction: m.transaction });
        }
      }
      return out;
    };
    switch (st.op) {
      case 'begin': {
        const [o, res] = await rest(
          'POST',
          `/v1/${base}:beginTransaction`,
          st.options ? { options: fill(st.options) } : {},
        );
        if (res) txns.set(st.as!, (res as { transaction: string }).transaction);
        return res ? { ...o, result: res } : o;
      }
      case 'read': {
        const [o, res] = await rest(
          'POST',
          `/v1/${base}:batchGet`,
          withTxn({ documents: (st.documents ?? []).map((d) => `${base}/${d}`) }),
        );
        if (!res) return o;
        const out: unknown[] = [];
        for (const r of res as { transaction?: string; found?: never; missing?: string }[]) {
          if (r.transaction) out.push(...keepTransaction([r]));
          else if (r.found) out.push({ found: docResult(r.found) });
          else if (r.missing) out.push({ missing: r.missing.slice(base.length + 1) });
        }
        return { ...o, result: out };
      }
      case 'get': {
        if (!txn) {
          const [o, res] = await rest('GET', `/v1/${base}/${st.document}`);
          return res ? { ...o, result: docResult(res as never) } : o;
        }
        const out = await grpcUnary(
          client,
          'getDocument',
          { name: `${base}/${st.document}`, transaction: txnBytes(txn) },
          OWNER.authorization,
        );
        const o = { status: out.code, message: out.message };
        return out.code === 'OK'
          ? { ...o, result: docResult(toJson('google.firestore.v1.Document', out.messages[0]) as never) }
          : o;
      }
      case 'list': {
        let o: StepOutcome;
        let docs: unknown[] | undefined;
        if (!txn) {
          const [ro, res] = await rest(
            'GET',
            `/v1/${base}/${st.collection}${st.pageSize ? `?pageSize=${st.pageSize}` : ''}`,
          );
          o = ro;
          docs = res ? ((res as { documents?: unknown[] }).documents ?? []) : undefined;
        } else {
          const out = await grpcUnary(
            client,
            'listDocuments',
            {
              parent: base,
              collectionId: st.collection,
              transaction: txnBytes(txn),
              ...(st.pageSize ? { pageSize: st.pageSize } : {}),
            },
            OWNER.authorization,
          );
          o = { status: out.code, message: out.message };
          docs =
            out.code === 'OK'
              ? ((
                  toJson('google.firestore.v1.ListDocumentsResponse', out.messages[0]) as {
                    documents?: unknown[];
                  }
                ).documents ?? [])
              : undefined;
        }
        return docs ? { ...o, result: docs.map((d) => docResult(d as never)) } : o;
      }
      case 'query': {
        const [o, res] = await rest(
          'POST',
          `/v1/${base}:runQuery`,
          withTxn({
            structuredQuery: { from: [{ collectionId: st.collection, allDescendants: Boolean(st.group) }] },
          }),
        );
        if (!res) return o;
        const out: unknown[] = [];
        for (const r of res as { transaction?: string; document?: never }[]) {
          if (r.transaction) out.push(...keepTransaction([r]));
          if (r.document) out.push({ document: docResult(r.document) });
        }
        return { ...o, result: out };
      }
      case 'aggregate': {
        const [o, res] = await rest(
          'POST',
          `/v1/${base}:runAggregationQuery`,
          withTxn({
            structuredAggregationQuery: {
              structuredQuery: { from: [{ collectionId: st.collection }] },
              aggregations: [{ count: {}, alias: 'n' }],
            },
          }),
        );
        if (!res) return o;
        const out: unknown[] = [];
        for (const r of res as {
          transaction?: string;
          result?: { aggregateFields: { n: { integerValue: string } } };
        }[]) {
          if (r.transaction) out.push(...keepTransaction([r]));
          if (r.result) out.push({ count: Number(r.result.aggregateFields.n.integerValue) });
        }
        return { ...o, result: out };
      }
      case 'commit': {
        const body: Record<string, unknown> = { writes: (st.writes ?? []).map((w) => expandWrite(base, w)) };
        if (st.raw !== undefined) body.transaction = st.raw;
        else if (txn) body.transaction = txn;
        return (await rest('POST', `/v1/${base}:commit`, body))[0];
      }
      case 'batchWrite': {
        const [o, res] = await rest('POST', `/v1/${base}:batchWrite`, {
          writes: (st.writes ?? []).map((w) => expandWrite(base, w)),
        });
        if (!res) return o;
        const statuses = (res as { status: { code?: number; message?: string }[] }).status;
        return {
          ...o,
          result: statuses.map((x) => ({ status: statusName(x.code ?? 0), message: x.message ?? '' })),
        };
      }
      case 'rollback':
        return (
          await rest('POST', `/v1/${base}:rollback`, { transaction: st.raw !== undefined ? st.raw : txn })
        )[0];
      case 'reset': {
        const answer = await httpCall(emu.port, 'POST', '/reset', undefined, OWNER);
        return { status: answer.status === 200 ? 'OK' : String(answer.status), message: '' };
      }
      default:
        throw new Error(`unknown op ${st.op}`);
    }
  };

  const timed = async (st: TxnStep): Promise<void> => {
    const start = performance.now();
    let outcome: StepOutcome;
    try {
      outcome = await execute(st);
    } catch (err) {
      outcome = { status: 'HARNESS', message: String(err) };
    }
    const elapsed = Math.round(((performance.now() - start) / 1000) * 2) / 2;
    if (!st.outcome) return;
    const clean = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v ?? null)
          .split(project)
          .join('{project}'),
        (k, x: unknown) => (k === 'transaction' ? '<id>' : x),
      ) as unknown;
    const rec = st.outcome;
    const compare = st.compare;
    const expected: Record<string, unknown> = { status: rec.status };
    const actual: Record<string, unknown> = { status: outcome.status };
    if (compare !== 'status' && compare !== 'codes' && compare !== 'none') {
      expected.message = rec.message.split('{project}').join('{project}');
      actual.message = outcome.message.split(project).join('{project}');
    }
    if (rec.result !== undefined && compare !== 'status') {
      let r = clean(rec.result);
      let a = clean(outcome.result);
      if (compare === 'codes' && Array.isArray(r) && Array.isArray(a)) {
        r = (r as { status: string }[]).map((x) => x.status);
        a = (a as { status: string }[]).map((x) => x.status);
      }
      expected.result = r;
      actual.result = a;
    }
    const timely = Math.abs(elapsed - rec.elapsed) <= 0.5;
    expected.elapsed = rec.elapsed;
    actual.elapsed = timely ? rec.elapsed : elapsed;
    results.push({
      name: `${sc.name}: ${st.label}`,
      ok: compare === 'none' || sameJson(actual, expected),
      expected,
      actual,
    });
  };

  for (const st of sc.steps) {
    if (st.op === 'sleep') await new Promise((r) => setTimeout(r, (st.seconds ?? 0) * 1000));
    else if (st.op === 'wait') for (const label of st.for ?? []) await background.get(label);
    else if (st.background) background.set(st.label, timed(st));
    else await timed(st);
  }
  await Promise.all(background.values());
  return results;
}

/**
 * auth.json: how the Authorization header is classified (REST `:listCollectionIds`), and the
 * order of checks on REST and on unary and server-streaming gRPC calls (a malformed name
 * before a bad header), and the Listen and Write streams (the caller judged when the stream
 * opens).
 */
const auth: Runner = async (emu, fx) => {
  const root = docsRoot('auth');
  const results: CaseResult[] = [];
  const headers = (authorization: string | null): Record<string, string> =>
    authorization === null ? {} : { authorization };
  const bodyOf = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  for (const c of fx.classify as {
    name: string;
    authorization: string | null;
    outcome: { status: number; body: string };
  }[]) {
    const answer = await httpCall(
      emu.port,
      'POST',
      `/v1/${root}:listCollectionIds`,
      {},
      headers(c.authorization),
    );
    const actual = { status: answer.status, body: bodyOf(answer.text) };
    const expected = { status: c.outcome.status, body: bodyOf(c.outcome.body) };
    results.push({ name: `classify: ${c.name}`, ok: sameJson(actual, expected), expected, actual });
  }
  for (const c of fx.rest as {
    name: string;
    method: string;
    path: string;
    authorization: string | null;
    body: unknown;
    outcome: { status: number; body: string };
  }[]) {
    const answer = await httpCall(emu.port, c.method, c.path, c.body ?? undefined, headers(c.authorization));
    const actual = { status: answer.status, body: bodyOf(answer.text) };
    const expected = { status: c.outcome.status, body: bodyOf(c.outcome.body) };
    if (
      typeof expected.body === 'object' &&
      expected.body &&
      typeof actual.body === 'object' &&
      actual.body
    ) {
      // Only the error, or the presence of an answer, is compared (documents carry times).
      if (!('error' in expected.body)) {
        expected.body = 'an answer';
        actual.body = 'error' in actual.body ? actual.body : 'an answer';
      }
    }
    results.push({ name: `rest: ${c.name}`, ok: sameJson(actual, expected), expected, actual });
  }
  const client = grpcClient(emu.port);
  const streams = new Set(['BatchGetDocuments', 'RunQuery', 'RunAggregationQuery']);
  const requestType = (rpc: string) => `google.firestore.v1.${rpc}Request`;
  try {
    for (const c of fx.grpc as {
      name: string;
      rpc: string;
      authorization: string | null;
      request: unknown;
      stream?: boolean;
      outcome: { code: string; message?: string };
    }[]) {
      const method = c.rpc[0]!.toLowerCase() + c.rpc.slice(1);
      const request = fromJson(requestType(c.rpc), camelKeys(c.request ?? {}));
      const out = c.stream
        ? await grpcDuplex(
            client,
            method,
            c.request === null ? undefined : request,
            c.authorization ?? undefined,
          )
        : await (streams.has(c.rpc) ? grpcStream : grpcUnary)(
            client,
            method,
            request,
            c.authorization ?? undefined,
          );
      const actual = { code: out.code, ...(c.outcome.message !== undefined ? { message: out.message } : {}) };
      const expected = {
        code: c.outcome.code,
        ...(c.outcome.message !== undefined ? { message: c.outcome.message } : {}),
      };
      results.push({ name: `grpc: ${c.name}`, ok: sameJson(actual, expected), expected, actual });
    }
  } finally {
    client.close();
  }
  return results;
};

// ---------------------------------------------------------------------------------------------

interface FixtureDef {
  /** Path below the oracle folder. */
  file: string;
  run: Runner;
  /** Takes minutes (lock timeouts): only with `--slow` or when named. */
  slow?: boolean;
}

/** The fixtures that describe semantics (issue 14), in the order they are reported. */
export const FIXTURES: Record<string, FixtureDef> = {
  queries: { file: `${FIX}/queries.json`, run: queriesRest },
  'queries-grpc': { file: `${FIX}/queries.json`, run: queriesGrpc },
  aggregations: { file: `${FIX}/aggregations.json`, run: aggregations },
  transforms: { file: `${FIX}/transforms.json`, run: restSteps },
  document_writes: { file: `${FIX}/document_writes.json`, run: restSteps },
  limits: { file: `${FIX}/limits.json`, run: limits },
  list_documents: { file: `${FIX}/list_documents.json`, run: listDocuments },
  value_order: { file: 'crates/hidane-core/tests/fixtures/value_order.json', run: valueOrder },
  'sdk-documents': { file: 'results/sdk-documents-official-v1.22.0.json', run: sdkDocuments },
  'sdk-aggregations': { file: 'results/sdk-aggregations-official-v1.22.0.json', run: sdkAggregations },
  // H7's runner (replay-transactions.ts): every step over gRPC, as the Admin SDK talks.
  auth: { file: `${FIX}/auth.json`, run: auth },
  transactions: { file: `${FIX}/transactions.json`, run: transactionsGrpc, slow: true },
  // The recorder's own transports (REST, gRPC for reads by name in a transaction).
  'transactions-rest': { file: `${FIX}/transactions.json`, run: transactionsRest, slow: true },
};

/** Replays one fixture against a fresh emulator on a free port. */
export async function replayFixture(name: string, dir = oracleDir()): Promise<FixtureReport> {
  const def = FIXTURES[name];
  if (!def) throw new Error(`Unknown fixture ${name}; known: ${Object.keys(FIXTURES).join(', ')}`);
  const parsed = JSON.parse(fs.readFileSync(path.join(dir, def.file), 'utf8')) as unknown;
  // The SDK transcripts are bare arrays of steps.
  const fixture = (Array.isArray(parsed) ? { transcript: parsed } : parsed) as Record<string, unknown>;
  const emu = await startFirestoreEmulator({ port: 0, log: () => undefined });
  try {
    const cases = await def.run(emu, fixture);
    const mismatches = cases.filter((c) => !c.ok);
    const deliberate = mismatches.map((m) => m.name).filter((n) => DELIBERATE[name]?.[n] !== undefined);
    return {
      fixture: name,
      matched: cases.length - mismatches.length,
      total: cases.length,
      mismatches,
      deliberate,
    };
  } finally {
    await emu.stop();
  }
}

export function percent(r: FixtureReport): number {
  return r.total === 0 ? 0 : (100 * r.matched) / r.total;
}

/** One line per fixture, then its first mismatches. */
export function formatReport(r: FixtureReport, shown = 3): string {
  const rest = r.total - r.deliberate.length;
  const lines = [
    `${r.fixture.padEnd(16)} ${String(r.matched).padStart(4)} / ${String(r.total).padEnd(4)} ${percent(r).toFixed(1)} %` +
      (r.deliberate.length
        ? `  (${r.deliberate.length} deliberate; ${((100 * r.matched) / Math.max(1, rest)).toFixed(1)} % of the rest)`
        : ''),
  ];
  for (const m of r.mismatches.slice(0, shown)) {
    const reason = DELIBERATE[r.fixture]?.[m.name];
    lines.push(`    ✗ ${m.name}${reason ? ` — deliberate: ${reason}` : ''}`);
    lines.push(`      recorded: ${JSON.stringify(m.expected)?.slice(0, 400)}`);
    lines.push(`      ours:     ${JSON.stringify(m.actual)?.slice(0, 400)}`);
  }
  if (r.mismatches.length > shown) lines.push(`    … and ${r.mismatches.length - shown} more`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const dir = oracleDir();
  if (!fs.existsSync(dir)) {
    process.stdout.write(`No recordings at ${dir} (set FIRESTORE_ORACLE_DIR): nothing to replay.\n`);
    return;
  }
  const slow = argv.includes('--slow');
  const all = argv.includes('--all');
  const shownArg = argv.find((a) => a.startsWith('--show='));
  const shown = shownArg ? Number(shownArg.slice('--show='.length)) : 3;
  const named = argv.filter((a) => !a.startsWith('--'));
  const names = named.length > 0 ? named : Object.keys(FIXTURES).filter((n) => slow || !FIXTURES[n]!.slow);
  let matched = 0;
  let total = 0;
  for (const name of names) {
    const r = await replayFixture(name, dir);
    matched += r.matched;
    total += r.total;
    process.stdout.write(formatReport(r, all ? Infinity : shown) + '\n');
    if (process.env.REPLAY_DUMP) {
      fs.writeFileSync(`${process.env.REPLAY_DUMP}.${name}.json`, JSON.stringify(r.mismatches, null, 1));
    }
  }
  process.stdout.write(
    `${'all'.padEnd(16)} ${String(matched).padStart(4)} / ${String(total).padEnd(4)} ${((100 * matched) / Math.max(1, total)).toFixed(1)} %\n`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`replay: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
