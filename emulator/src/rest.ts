/**
 * HTTP/1.1 transport: the REST API the lite SDK uses, the emulator endpoints
 * of @firebase/rules-unit-testing, an operations counter, and CORS on every
 * response so that a page served from another port can call it (the origin is
 * echoed, credentials allowed, and OPTIONS answered on any path, as the
 * official emulator does). Sources: emulator/README.md, "Where each behaviour
 * was learned".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzip } from 'node:zlib';
import { principalFrom, type Principal } from './auth';
import { Code, EmulatorError, codeName, httpStatus, invalid, toEmulatorError } from './errors';
import { parseIndexConfig } from './indexes';
import { fromJson, toJson } from './json';
import { documentsRoot, parseName, parseParentName } from './paths';

/** Verbs whose resource is a parent (the database root or a document). */
const PARENT_VERBS = new Set(['runQuery', 'runAggregationQuery', 'listCollectionIds']);
/** Verbs this emulator answers; any other is the official emulator's plain 404. */
const VERBS = new Set([
  'batchGet',
  'runQuery',
  'runAggregationQuery',
  'commit',
  'batchWrite',
  'beginTransaction',
  'rollback',
  'listCollectionIds',
  'partitionQuery',
]);
import type { RulesIssue } from './rules/access';
import type { FirestoreService } from './service';

const V1 = 'google.firestore.v1.';
const MAX_BODY = 16 * 1024 * 1024;

/** Where the `:securityRules` endpoint installs rules. */
export interface RulesRegistry {
  /** Compiles and installs; returns the problems found (nothing installed if any). */
  setRules(project: string, source: string, fileName?: string): { issues: RulesIssue[] };
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-allow-methods', 'DELETE,GET,HEAD,PATCH,POST,PUT');
  res.setHeader('vary', 'Origin');
}

/** Bodies below this many bytes go out plain: compressing them saves less than the header costs. */
export const GZIP_MIN_BYTES = 1024;

/**
 * Whether an `Accept-Encoding` header allows gzip (RFC 9110 §12.5.3): `gzip` or `x-gzip` or `*`
 * listed with a quality above 0; an explicit `gzip;q=0` refuses it even when `*` is allowed.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  let gzipQ: number | undefined;
  let starQ: number | undefined;
  for (const part of text.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    if (name === '') continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (Number.isNaN(q)) q = 0;
    if (name === 'gzip' || name === 'x-gzip') gzipQ = Math.max(gzipQ ?? 0, q);
    else if (name === '*') starQ = q;
  }
  if (gzipQ !== undefined) return gzipQ > 0;
  return starQ !== undefined && starQ > 0;
}

/**
 * Sends a JSON answer. Bodies over GZIP_MIN_BYTES are gzipped when the request allows it (a web
 * page reading hundreds of documents gets a fraction of the bytes); `Vary` tells caches that the
 * encoding depends on the request. A streamed answer (runQuery, batchGet) is one JSON array, so it
 * is compressed as a whole. Compression runs on libuv's thread pool, not on the event loop.
 */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  // `res.req` is the request this response answers (Node ≥ 15.7).
  if (text.length <= GZIP_MIN_BYTES || !acceptsGzip(res.req?.headers['accept-encoding'])) {
    res.writeHead(status, headers);
    res.end(text);
    return;
  }
  gzip(text, { level: 6 }, (err, zipped) => {
    if (res.destroyed) return;
    if (err) {
      res.writeHead(status, headers);
      res.end(text);
      return;
    }
    res.setHeader('vary', appendVary(res.getHeader('vary'), 'Accept-Encoding'));
    res.writeHead(status, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(zipped.length),
    });
    res.end(zipped);
  });
}

/** Adds a field to a `Vary` header already set (CORS sets `Vary: Origin`). */
function appendVary(current: ReturnType<ServerResponse['getHeader']>, field: string): string {
  const existing = current === undefined ? '' : Array.isArray(current) ? current.join(', ') : String(current);
  return existing === '' ? field : `${existing}, ${field}`;
}

function sendError(res: ServerResponse, err: unknown): void {
  const e = toEmulatorError(err);
  const status = httpStatus(e.code);
  sendJson(res, status, { error: { code: status, message: e.message, status: codeName(e.code) } });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new EmulatorError(Code.RESOURCE_EXHAUSTED, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid("Payload isn't valid for request.");
  }
  if (deeperThan(body, MAX_JSON_DEPTH))
    throw invalid(`Payload nested more than ${MAX_JSON_DEPTH} levels deep.`);
  return body;
}

/**
 * Deepest JSON accepted: far above what valid requests need (20 levels of maps and arrays in a
 * value, 100 levels of composite filters), and checked without recursion, before the decoder
 * recurses into the body (a hostile body cannot overflow the stack).
 */
const MAX_JSON_DEPTH = 512;

function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Query-string parameters, with repeated keys (`mask.fieldPaths=a&mask.fieldPaths=b`) as arrays. */
function queryParams(url: URL): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of url.searchParams) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

function maskParam(params: Map<string, string[]>, key: string): { fieldPaths: string[] } | undefined {
  const paths = params.get(`${key}.fieldPaths`) ?? params.get(`${key}.field_paths`);
  return paths ? { fieldPaths: paths } : undefined;
}

function preconditionParam(params: Map<string, string[]>): Record<string, unknown> | undefined {
  const exists = params.get('currentDocument.exists')?.[0];
  const updateTime = params.get('currentDocument.updateTime')?.[0];
  if (exists === undefined && updateTime === undefined) return undefined;
  return fromJson(V1 + 'Precondition', {
    ...(exists !== undefined ? { exists: exists === 'true' } : {}),
    ...(updateTime !== undefined ? { updateTime } : {}),
  });
}

/** ListDocuments' query parameters. */
function listParams(params: Map<string, string[]>) {
  return {
    pageSize: Number(params.get('pageSize')?.[0] ?? 0),
    pageToken: params.get('pageToken')?.[0],
    mask: maskParam(params, 'mask'),
    showMissing: params.get('showMissing')?.[0] === 'true',
    orderBy: params.get('orderBy')?.[0],
  };
}

/** Creates the HTTP request handler. */
export function createRestHandler(
  service: FirestoreService,
  rules: RulesRegistry,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    setCors(req, res);
    handle(service, rules, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, err);
      else res.end();
    });
  };
}

async function handle(
  service: FirestoreService,
  rules: RulesRegistry,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    const requested = req.headers['access-control-request-headers'];
    if (requested) res.setHeader('access-control-allow-headers', requested);
    if (req.headers['access-control-request-private-network'] !== undefined) {
      res.setHeader('access-control-allow-private-network', 'true');
    }
    res.setHeader('access-control-max-age', '3600');
    res.writeHead(200);
    res.end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://emulator');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw invalid(`Invalid percent-encoding in "${url.pathname}".`);
  }

  if (path === '/' && method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Ok\n');
    return;
  }
  if (path === '/reset' && method === 'POST') {
    for (const state of service.allDatabases()) service.clearProject(state.db.id.project);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Resetting...\n');
    return;
  }

  const emulator = /^\/emulator\/v1\/projects\/([^/:]+)(.*)$/.exec(path);
  if (emulator) {
    await handleEmulatorEndpoint(service, rules, emulator[1]!, emulator[2]!, method, req, res);
    return;
  }

  const api =
    /^\/v1(?:beta1)?\/(projects\/[^/]+\/databases\/[^/]+\/documents(?:\/.*?)?)(?::([A-Za-z]+))?$/.exec(path);
  if (!api) {
    sendNotFound(res);
    return;
  }
  const resource = api[1]!;
  const verb = api[2];
  const params = queryParams(url);

  // As recorded (auth.json): a malformed name, a parent that is not a document and an
  // unreadable body are reported before a bad Authorization header.
  if (verb) {
    if (method !== 'POST' || !VERBS.has(verb)) {
      sendNotFound(res);
      return;
    }
    if (PARENT_VERBS.has(verb)) parseParentName(resource);
    else parseName(resource);
    const body = await readBody(req);
    await handleVerb(service, resource, verb, body, principalFrom(req.headers.authorization), res);
    return;
  }
  parseName(resource, { trailingSlash: method === 'GET' });
  await handleResource(service, resource, method, params, principalFrom(req.headers.authorization), req, res);
}

async function handleVerb(
  service: FirestoreService,
  resource: string,
  verb: string,
  body: unknown,
  principal: Principal,
  res: ServerResponse,
): Promise<void> {
  const database = resource.replace(/\/documents(\/.*)?$/, '');
  switch (verb) {
    case 'batchGet': {
      const request = fromJson<Parameters<FirestoreService['batchGetDocuments']>[0]>(
        V1 + 'BatchGetDocumentsRequest',
        body,
      );
      const out = await service.batchGetDocuments({ ...request, database }, principal);
      // A transaction begun here comes first, in a message of its own, even when no document
      // was asked for (transactions.json, "BatchGetDocuments can start a transaction").
      const messages: Record<string, unknown>[] = out.results.map((r) => ({ ...r, readTime: out.readTime }));
      if (out.transaction) messages.unshift({ transaction: out.transaction });
      sendJson(
        res,
        200,
        messages.map((m) => toJson(V1 + 'BatchGetDocumentsResponse', m)),
      );
      return;
    }
    case 'runQuery': {
      const request = fromJson<Parameters<FirestoreService['runQuery']>[0]>(V1 + 'RunQueryRequest', body);
      const out = await service.runQuery({ ...request, parent: resource }, principal);
      // As the official emulator answers: `done` rides on the last document (or on a message of
      // its own when nothing matched), every earlier document carries the offset's
      // `skippedResults`, and a transaction begun here comes first in a message of its own.
      const messages: Record<string, unknown>[] = out.documents.map((document, i) =>
        i === out.documents.length - 1
          ? { document, readTime: out.readTime, done: true }
          : { document, readTime: out.readTime, ...(out.skipped ? { skippedResults: out.skipped } : {}) },
      );
      if (messages.length === 0) messages.push({ readTime: out.readTime, done: true });
      if (out.transaction) messages.unshift({ transaction: out.transaction });
      sendJson(
        res,
        200,
        messages.map((m) => toJson(V1 + 'RunQueryResponse', m)),
      );
      return;
    }
    case 'runAggregationQuery': {
      const request = fromJson<Parameters<FirestoreService['runAggregationQuery']>[0]>(
        V1 + 'RunAggregationQueryRequest',
        body,
      );
      const out = await service.runAggregationQuery({ ...request, parent: resource }, principal);
      const message = {
        result: { aggregateFields: out.aggregateFields },
        readTime: out.readTime,
        ...(out.transaction ? { transaction: out.transaction } : {}),
        // Not in the proto's message: the official emulator's REST answer ends with it
        // (aggregations.json), as the runQuery stream does.
        done: true,
      };
      sendJson(res, 200, [
        { ...(toJson(V1 + 'RunAggregationQueryResponse', message) as object), done: true },
      ]);
      return;
    }
    case 'commit': {
      const request = fromJson<Parameters<FirestoreService['commit']>[0]>(V1 + 'CommitRequest', body);
      const out = await service.commit({ ...request, database }, principal);
      // An empty commit answers `{}`, as the official emulator does (document_writes.json).
      sendJson(res, 200, request.writes?.length ? toJson(V1 + 'CommitResponse', out) : {});
      return;
    }
    case 'batchWrite': {
      const request = fromJson<Parameters<FirestoreService['batchWrite']>[0]>(V1 + 'BatchWriteRequest', body);
      const out = await service.batchWrite({ ...request, database }, principal);
      sendJson(res, 200, toJson(V1 + 'BatchWriteResponse', out));
      return;
    }
    case 'beginTransaction': {
      const request = fromJson<Parameters<FirestoreService['beginTransaction']>[0]>(
        V1 + 'BeginTransactionRequest',
        body,
      );
      const out = service.beginTransaction({ ...request, database });
      sendJson(res, 200, toJson(V1 + 'BeginTransactionResponse', out));
      return;
    }
    case 'rollback': {
      const request = fromJson<Parameters<FirestoreService['rollback']>[0]>(V1 + 'RollbackRequest', body);
      service.rollback({ ...request, database });
      sendJson(res, 200, {});
      return;
    }
    case 'listCollectionIds': {
      const request = fromJson<Parameters<FirestoreService['listCollectionIds']>[0]>(
        V1 + 'ListCollectionIdsRequest',
        body,
      );
      const out = service.listCollectionIds({ ...request, parent: resource }, principal);
      sendJson(res, 200, toJson(V1 + 'ListCollectionIdsResponse', out));
      return;
    }
    case 'partitionQuery':
      throw new EmulatorError(
        Code.UNIMPLEMENTED,
        'Method google.firestore.v1.Firestore/PartitionQuery is unimplemented',
      );
    default:
      sendNotFound(res);
  }
}

async function handleResource(
  service: FirestoreService,
  resource: string,
  method: string,
  params: Map<string, string[]>,
  principal: Principal,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const transaction = params.get('transaction')?.[0];
  const selector = transaction ? { transaction: Buffer.from(transaction, 'base64') } : {};
  // The official emulator refuses every REST `readTime` (document_writes.json); refusing is
  // better than answering with the latest version (emulator/README.md, parity).
  if (params.has('readTime')) throw invalid('Only timestamps past epoch are supported.');
  if (method === 'GET' && resource.endsWith('/')) {
    // `…/documents/` and `…/documents/c/d/`: every collection directly under the parent.
    const parsed = parseName(resource, { trailingSlash: true });
    const parent = [documentsRoot(parsed.db), ...parsed.segments].join('/');
    const out = await service.listDocuments({ ...listParams(params), parent, collectionId: '' }, principal);
    sendJson(res, 200, toJson(V1 + 'ListDocumentsResponse', out));
    return;
  }
  const segments = parseName(resource).segments;
  const isDocument = segments.length > 0 && segments.length % 2 === 0;

  if (isDocument && method === 'GET') {
    const doc = await service.getDocument(
      { name: resource, mask: maskParam(params, 'mask'), ...selector },
      principal,
    );
    sendJson(res, 200, toJson(V1 + 'Document', doc));
    return;
  }
  if (isDocument && method === 'PATCH') {
    const body = fromJson<{ fields?: Record<string, unknown> }>(V1 + 'Document', await readBody(req));
    const doc = await service.updateDocument(
      {
        document: { name: resource, fields: (body.fields ?? {}) as never },
        updateMask: maskParam(params, 'updateMask'),
        mask: maskParam(params, 'mask'),
        currentDocument: preconditionParam(params),
      },
      principal,
    );
    sendJson(res, 200, toJson(V1 + 'Document', doc));
    return;
  }
  if (isDocument && method === 'DELETE') {
    await service.deleteDocument({ name: resource, currentDocument: preconditionParam(params) }, principal);
    sendJson(res, 200, {});
    return;
  }
  if (!isDocument && segments.length > 0 && (method === 'GET' || method === 'POST')) {
    const collectionId = segments[segments.length - 1]!;
    const parent = resource.slice(0, resource.length - collectionId.length - 1);
    if (method === 'GET') {
      const out = await service.listDocuments({ ...listParams(params), parent, collectionId }, principal);
      sendJson(res, 200, toJson(V1 + 'ListDocumentsResponse', out));
      return;
    }
    const body = fromJson<{ fields?: Record<string, unknown> }>(V1 + 'Document', await readBody(req));
    const doc = await service.createDocument(
      {
        parent,
        collectionId,
        documentId: params.get('documentId')?.[0],
        document: { fields: (body.fields ?? {}) as never },
        mask: maskParam(params, 'mask'),
      },
      principal,
    );
    sendJson(res, 200, toJson(V1 + 'Document', doc));
    return;
  }
  sendNotFound(res);
}

/** The official emulator's answer to a route it does not serve (list_documents.json). */
function sendNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not Found\n');
}

/**
 * Emulator endpoints:
 * - `DELETE /emulator/v1/projects/{p}/databases/{d}/documents`: clear a project;
 * - `PUT /emulator/v1/projects/{p}:securityRules`: load rules;
 * - `GET|DELETE /emulator/v1/projects/{p}/operations`: read or reset the operation counts;
 * - `PUT|DELETE /emulator/v1/projects/{p}:indexes`: this project's index configuration.
 */
async function handleEmulatorEndpoint(
  service: FirestoreService,
  rules: RulesRegistry,
  project: string,
  rest: string,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const below = /^\/databases\/([^/]+)\/documents\/(.+)$/.exec(rest);
  if (method === 'DELETE' && below && !below[2]!.endsWith('/')) {
    // Recursive delete of a document and everything under it, for any caller with a
    // well-formed token (auth.json, "recursive delete"); the name is checked first.
    const root = `projects/${project}/databases/${below[1]!}/documents`;
    const parsed = parseName(`${root}/${below[2]!}`);
    principalFrom(req.headers.authorization);
    const path = parsed.segments.join('/');
    const state = service.database(parsed.db);
    const doomed = [...state.db.all()].filter((d) => d.path === path || d.path.startsWith(path + '/'));
    if (doomed.length > 0) {
      await service.commit({
        database: `projects/${project}/databases/${below[1]!}`,
        writes: doomed.map((d) => ({ delete: `${root}/${d.path}` })),
      });
    }
    sendJson(res, 200, {});
    return;
  }
  if (method === 'DELETE' && /^\/databases\/[^/]+\/documents\/?$/.test(rest)) {
    // Any caller may clear, but a malformed token is still refused (auth.json, "clear, garbage").
    principalFrom(req.headers.authorization);
    service.clearProject(project);
    sendJson(res, 200, {});
    return;
  }
  if (method === 'PUT' && rest === ':securityRules') {
    const body = (await readBody(req)) as { rules?: { files?: { content?: string; name?: string }[] } };
    const source = body.rules?.files?.[0]?.content;
    if (typeof source !== 'string') throw invalid('Request must contain rules.files[0].content.');
    const result = rules.setRules(project, source, body.rules?.files?.[0]?.name);
    if (result.issues.length > 0) {
      // Never silently accept broken rules: rules-unit-testing fails on a non-2xx answer.
      const first = result.issues[0]!;
      const where = `${first.sourcePosition.line}:${first.sourcePosition.column}`;
      sendJson(res, 400, {
        error: {
          code: 400,
          message: `Rules error at ${where}: ${first.description}`,
          status: 'INVALID_ARGUMENT',
        },
        issues: result.issues,
      });
      return;
    }
    sendJson(res, 200, { rules: body.rules, issues: [] });
    return;
  }
  if (rest === ':indexes' && (method === 'PUT' || method === 'DELETE')) {
    // Ours (tests): PUT a firestore.indexes.json to check this project's queries against it,
    // `{"enforce": false}` to check nothing; DELETE returns to the emulator's own setting.
    if (method === 'DELETE') {
      service.setProjectIndexes(project, undefined);
      sendJson(res, 200, {});
      return;
    }
    const body = (await readBody(req)) as { enforce?: unknown };
    if (body.enforce === false) service.setProjectIndexes(project, null);
    else {
      try {
        service.setProjectIndexes(project, parseIndexConfig(body));
      } catch (err) {
        throw invalid((err as Error).message);
      }
    }
    sendJson(res, 200, {});
    return;
  }
  if (rest === '/operations' && method === 'GET') {
    sendJson(res, 200, { project, ...service.counts(project) });
    return;
  }
  if (rest === '/operations' && method === 'DELETE') {
    service.resetCounts(project);
    sendJson(res, 200, {});
    return;
  }
  throw new EmulatorError(Code.NOT_FOUND, `Not found: ${method} /emulator/v1/projects/${project}${rest}`);
}
