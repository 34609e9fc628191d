/**
 * Replay of the recorded transaction scenarios (`transactions.json`, the official emulator
 * v1.22.0 as recorded by the hidane project, read at run time from the oracle folder and never
 * copied here): begin, reads, queries, listings, commits, batch writes and rollbacks over gRPC,
 * some in the background, with the time each took rounded to half a second as recorded.
 *
 * A step matches when its status code, its message (unless the recording says to compare the
 * code only), its result (documents as `{name, n}`, transaction ids by presence) and its
 * elapsed time (to 0.5 s) match. Scenarios marked `slow` (a 62 s idle expiry) run only when
 * `REPLAY_SLOW_TRANSACTIONS=1`.
 *
 * Usage: `npx tsx emulator/test/replay-transactions.ts` prints the parity and the mismatches.
 */
import type { RunningEmulator } from '../src/server';
import { grpcClient, grpcStream, grpcUnary, httpCall, type CaseResult, type GrpcOutcome } from './replay';

interface CompactWrite {
  update?: string;
  verify?: string;
  delete?: string;
  n?: number;
  exists?: boolean;
  reserved?: boolean;
  mask?: string[];
  increment?: string;
}

interface Outcome {
  status: string;
  message: string;
  elapsed?: number;
  result?: unknown;
}

interface Step {
  op: string;
  label?: string;
  as?: string;
  txn?: string;
  new?: Record<string, unknown>;
  options?: Record<string, unknown>;
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
  outcome?: Outcome;
}

interface Scenario {
  name: string;
  slow?: boolean;
  steps: Step[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs every scenario of the fixture against `emu`; one case per step with an outcome. */
export async function transactions(
  emu: RunningEmulator,
  fixture: Record<string, unknown>,
): Promise<CaseResult[]> {
  const scenarios = fixture.scenarios as Scenario[];
  const client = grpcClient(emu.port);
  const results: CaseResult[] = [];
  const runSlow = process.env.REPLAY_SLOW_TRANSACTIONS === '1';
  try {
    for (const [index, scenario] of scenarios.entries()) {
      if (scenario.slow && !runSlow) continue;
      const project = `demo-replay-tx-${index}-${Date.now().toString(36)}`;
      results.push(...(await runScenario(emu, client, project, scenario)));
    }
  } finally {
    client.close();
  }
  return results;
}

async function runScenario(
  emu: RunningEmulator,
  client: ReturnType<typeof grpcClient>,
  project: string,
  scenario: Scenario,
): Promise<CaseResult[]> {
  const database = `projects/${project}/databases/(default)`;
  const root = `${database}/documents`;
  const name = (p: string) => `${root}/${p}`;
  const short = (n: string) => n.slice(root.length + 1);
  const txns = new Map<string, Buffer>();
  const background = new Map<string, Promise<CaseResult>>();
  const results: CaseResult[] = [];

  const txnBytes = (step: Step): Buffer | undefined => {
    if (step.raw !== undefined) return Buffer.from(step.raw, 'base64');
    return step.txn ? txns.get(step.txn) : undefined;
  };
  const options = (o: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    if (!o) return undefined;
    const out: Record<string, unknown> = {};
    const ro = o.readOnly as { readTime?: string } | undefined;
    if (ro) {
      if (ro.readTime) {
        const ms = Date.parse(ro.readTime);
        out.readOnly = { readTime: { seconds: String(Math.floor(ms / 1000)), nanos: 0 } };
      } else out.readOnly = {};
    }
    const rw = o.readWrite as { retryTransaction?: string } | undefined;
    if (rw) {
      const retry = rw.retryTransaction;
      out.readWrite =
        retry === undefined
          ? {}
          : {
              retryTransaction: /^\{(.+)\}$/.test(retry)
                ? txns.get(/^\{(.+)\}$/.exec(retry)![1]!)
                : Buffer.from(retry, 'base64'),
            };
    }
    return out;
  };
  const write = (w: CompactWrite): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (w.delete) return { delete: name(w.delete) };
    if (w.verify) out.verify = name(w.verify);
    if (w.update) {
      const fields: Record<string, unknown> = {};
      if (w.n !== undefined) fields.n = { integerValue: String(w.n) };
      if (w.reserved) fields.__x__ = { integerValue: '1' };
      out.update = { name: name(w.update), fields };
    }
    if (w.exists !== undefined) out.currentDocument = { exists: w.exists };
    if (w.mask) out.updateMask = { fieldPaths: w.mask };
    if (w.increment) out.updateTransforms = [{ fieldPath: w.increment, increment: { integerValue: '1' } }];
    return out;
  };
  const doc = (d: Record<string, unknown>) => {
    const fields = (d.fields ?? {}) as Record<string, { integerValue?: string }>;
    const n = fields.n?.integerValue;
    return { name: short(String(d.name)), ...(n !== undefined ? { n: Number(n) } : {}) };
  };

  /** Runs one operation; returns the outcome in the recording's terms. */
  const perform = async (step: Step): Promise<Outcome | undefined> => {
    const owner = 'Bearer owner';
    let res: GrpcOutcome;
    let result: unknown;
    switch (step.op) {
      case 'begin': {
        res = await grpcUnary(
          client,
          'beginTransaction',
          { database, options: options(step.options) },
          owner,
        );
        const t = res.messages[0]?.transaction as Buffer | undefined;
        if (t && step.as) txns.set(step.as, t);
        if (res.code === 'OK') result = { transaction: '<transaction>' };
        break;
      }
      case 'read': {
        const sel = step.new ? { newTransaction: options(step.new) } : { transaction: txnBytes(step) };
        res = await grpcStream(
          client,
          'batchGetDocuments',
          { database, documents: (step.documents ?? []).map(name), ...sel },
          owner,
        );
        const list: unknown[] = [];
        for (const m of res.messages) {
          if (m.transaction && (m.transaction as Buffer).length > 0) {
            if (step.as) txns.set(step.as, m.transaction as Buffer);
            list.push({ transaction: '<transaction>' });
          }
          if (m.found) list.push({ found: doc(m.found as Record<string, unknown>) });
          else if (m.missing) list.push({ missing: short(String(m.missing)) });
        }
        result = list;
        break;
      }
      case 'get': {
        res = await grpcUnary(
          client,
          'getDocument',
          { name: name(step.document!), ...(step.txn ? { transaction: txnBytes(step) } : {}) },
          owner,
        );
        if (res.code === 'OK') result = doc(res.messages[0]!);
        break;
      }
      case 'list': {
        res = await grpcUnary(
          client,
          'listDocuments',
          {
            parent: root,
            collectionId: step.collection,
            ...(step.pageSize ? { pageSize: step.pageSize } : {}),
            ...(step.txn ? { transaction: txnBytes(step) } : {}),
          },
          owner,
        );
        if (res.code === 'OK') {
          result = ((res.messages[0]?.documents ?? []) as Record<string, unknown>[]).map(doc);
        }
        break;
      }
      case 'query': {
        const sel = step.new ? { newTransaction: options(step.new) } : { transaction: txnBytes(step) };
        res = await grpcStream(
          client,
          'runQuery',
          {
            parent: root,
            structuredQuery: {
              from: [{ collectionId: step.collection, allDescendants: Boolean(step.group) }],
            },
            ...sel,
          },
          owner,
        );
        const list: unknown[] = [];
        for (const m of res.messages) {
          if (m.transaction && (m.transaction as Buffer).length > 0) {
            if (step.as) txns.set(step.as, m.transaction as Buffer);
            list.push({ transaction: '<transaction>' });
          }
          if (m.document) list.push({ document: doc(m.document as Record<string, unknown>) });
        }
        result = list;
        break;
      }
      case 'commit': {
        const t = txnBytes(step);
        res = await grpcUnary(
          client,
          'commit',
          {
            database,
            writes: (step.writes ?? []).map(write),
            ...(t !== undefined ? { transaction: t } : {}),
          },
          owner,
        );
        break;
      }
      case 'batchWrite': {
        res = await grpcUnary(
          client,
          'batchWrite',
          { database, writes: (step.writes ?? []).map(write) },
          owner,
        );
        if (res.code === 'OK') {
          const status = (res.messages[0]?.status ?? []) as { code?: number; message?: string }[];
          result = status.map((s) => ({ status: codeName(s.code ?? 0), message: s.message ?? '' }));
        }
        break;
      }
      case 'rollback': {
        const t = txnBytes(step);
        res = await grpcUnary(
          client,
          'rollback',
          { database, ...(t !== undefined ? { transaction: t } : {}) },
          owner,
        );
        break;
      }
      case 'reset': {
        const answer = await httpCall(emu.port, 'POST', '/reset');
        return { status: answer.status === 200 ? 'OK' : `HTTP ${answer.status}`, message: '' };
      }
      default:
        return undefined;
    }
    return { status: res.code, message: res.message, ...(result !== undefined ? { result } : {}) };
  };

  const check = async (step: Step): Promise<CaseResult> => {
    const started = Date.now();
    const got = await perform(step);
    const elapsed = Math.round(((Date.now() - started) / 1000) * 2) / 2;
    const expected = step.outcome!;
    const mode = step.compare;
    const want: Record<string, unknown> = { status: expected.status };
    const have: Record<string, unknown> = { status: got?.status };
    if (mode !== 'none') {
      if (mode !== 'status' && mode !== 'codes') {
        want.message = expected.message.replaceAll('{project}', project);
        have.message = got?.message ?? '';
      }
      want.elapsed = expected.elapsed ?? 0;
      have.elapsed = elapsed;
      if (expected.result !== undefined && mode !== 'status') {
        want.result = normaliseResult(expected.result, mode === 'codes');
        have.result = normaliseResult(got?.result, mode === 'codes');
      }
    } else {
      delete want.status;
      delete have.status;
    }
    const ok = JSON.stringify(want) === JSON.stringify(have);
    return { name: `${scenario.name} › ${step.label ?? step.op}`, ok, expected: want, actual: have };
  };

  for (const step of scenario.steps) {
    if (step.op === 'sleep') {
      await sleep((step.seconds ?? 0) * 1000);
      continue;
    }
    if (step.op === 'wait') {
      for (const label of step.for ?? []) {
        const r = await background.get(label);
        if (r) results.push(r);
      }
      continue;
    }
    if (!step.outcome) {
      await perform(step);
      continue;
    }
    if (step.background) {
      const p = check(step);
      background.set(step.label ?? step.op, p);
      // Give the request time to reach the emulator before the next step, as a recorder would.
      await sleep(20);
      continue;
    }
    results.push(await check(step));
  }
  return results;
}

/** Recorded results, with transaction ids by presence; `codes`: per-write statuses only. */
function normaliseResult(result: unknown, codesOnly: boolean): unknown {
  if (Array.isArray(result)) {
    return result.map((r) => {
      const o = r as Record<string, unknown>;
      if (codesOnly) return { status: o.status };
      if (o.transaction !== undefined) return { transaction: '<transaction>' };
      return o;
    });
  }
  if (result && typeof result === 'object' && 'transaction' in result)
    return { transaction: '<transaction>' };
  return result;
}

const CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

function codeName(code: number): string {
  return CODE_NAMES[code] ?? 'UNKNOWN';
}

if (require.main === module) {
  void (async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { oracleDir } = await import('./replay');
    const { startFirestoreEmulator } = await import('../src/server');
    const file = path.join(oracleDir(), 'crates/hidane/tests/fixtures/transactions.json');
    const fixture = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const emu = await startFirestoreEmulator({ port: 0, log: () => undefined });
    try {
      const cases = await transactions(emu, fixture);
      const bad = cases.filter((c) => !c.ok);
      const pct = ((100 * (cases.length - bad.length)) / cases.length).toFixed(1);
      process.stdout.write(`transactions: ${cases.length - bad.length}/${cases.length} (${pct} %)\n`);
      for (const c of bad) {
        process.stdout.write(
          `  ✗ ${c.name}\n    expected ${JSON.stringify(c.expected)}\n    actual   ${JSON.stringify(c.actual)}\n`,
        );
      }
    } finally {
      await emu.stop();
    }
  })();
}
