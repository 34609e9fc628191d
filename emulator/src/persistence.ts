/**
 * Durability of `--data <file>` (emulator/README.md, "Durability"): an
 * acknowledged write survives `kill -9`.
 *
 * - A snapshot, `<file>`: every database's documents as JSON, and the journal
 *   generation that follows it.
 * - A journal, `<file>.<generation>.journal`: one line per commit (or clear),
 *   appended and flushed (fdatasync) BEFORE the commit is answered. Commits
 *   that arrive while a flush is in flight are written together by the next
 *   one (group commit), so a burst costs a few fsyncs, not one per write.
 *   A line is only complete with its final newline; a torn last line (a crash
 *   in mid-write, never acknowledged) is ignored when replaying.
 * - Compaction, in the background: when the journal outgrows the last
 *   snapshot, the journal moves to a new generation and the documents as they
 *   were at that instant (stored documents are immutable, so the capture is a
 *   list of references) are written to a temporary file in slices, yielding
 *   between slices so readers and writers keep going; it is fsynced and
 *   renamed over the snapshot, and only then are older generations deleted.
 *   A crash at any step leaves a snapshot plus every journal line after it.
 * - On a clean stop (SIGTERM/SIGINT) the snapshot is written once more and
 *   the journal removed.
 *
 * Replaying a line installs each document version it carries; doing it twice
 * gives the same state, which is what makes the hand-over between a
 * generation and the snapshot safe.
 *
 * Documents are written as the stored values themselves (JSON, with bytes as
 * `{"$bytes": base64}` and non-finite or negative-zero doubles as
 * `{"$double": "NaN"}`): converting to proto3 JSON cost five times the commit
 * itself. Version 1 snapshots (proto3 JSON fields) are still read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromJson } from './json';
import type { CommitRecord, FirestoreService } from './service';
import { makeStoredDoc, type StoredDoc } from './store';
import type { Fields } from './types';

const FORMAT = 'canbo-firestore-emulator';
const DOCUMENT = 'google.firestore.v1.Document';

interface DataFile {
  format: typeof FORMAT;
  /** 1: fields in proto3 JSON; 2: fields as stored (see encode). */
  version: 1 | 2;
  /** Journal generations from this one on follow the snapshot (absent: 0). */
  journal?: number;
  databases: {
    project: string;
    database: string;
    documents: SerializedDoc[];
  }[];
}

interface SerializedDoc {
  path: string;
  createTime: number;
  updateTime: number;
  fields: unknown;
}

/** One journal line: the versions a commit installed (`doc` absent = deleted), or a clear. */
type JournalLine = { p: string; d: string; c: ({ path: string } | SerializedDoc)[] } | { clear: string };

function serializeDoc(d: StoredDoc): SerializedDoc {
  return { path: d.path, createTime: d.createTime, updateTime: d.updateTime, fields: d.fields };
}

/** JSON of stored values: bytes and the doubles JSON cannot carry are tagged. */
function replacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
  if (key === 'doubleValue' && typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0))) {
    return { $double: Object.is(raw, -0) ? '-0' : String(raw) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return Buffer.from(o.$bytes, 'base64');
    if (typeof o.$double === 'string' && Object.keys(o).length === 1) return Number(o.$double);
  }
  return value;
}

const encode = (value: unknown): string => JSON.stringify(value, replacer);

function deserializeDoc(d: SerializedDoc, version: 1 | 2 = 2): StoredDoc {
  const fields =
    version === 1
      ? (fromJson<{ fields?: Fields }>(DOCUMENT, { fields: d.fields }).fields ?? {})
      : (d.fields as Fields);
  return makeStoredDoc(d.path, fields, d.createTime, d.updateTime);
}

/** Serialises every database (used for the synchronous snapshot on stop). */
export function snapshot(service: FirestoreService, journal = 0): DataFile {
  return {
    format: FORMAT,
    version: 2,
    journal,
    databases: service
      .allDatabases()
      .filter((s) => s.db.size > 0)
      .map((s) => ({
        project: s.db.id.project,
        database: s.db.id.database,
        documents: [...s.db.all()].map(serializeDoc),
      })),
  };
}

/** Journal generations present beside `file`, ascending. */
function journalFiles(file: string): { generation: number; file: string }[] {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  if (!fs.existsSync(dir)) return [];
  const out: { generation: number; file: string }[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(base + '.') || !name.endsWith('.journal')) continue;
    const generation = Number(name.slice(base.length + 1, -'.journal'.length));
    if (Number.isInteger(generation) && generation >= 0) out.push({ generation, file: path.join(dir, name) });
  }
  return out.sort((a, b) => a.generation - b.generation);
}

function journalPath(file: string, generation: number): string {
  return `${file}.${generation}.journal`;
}

function fsyncDir(file: string): void {
  try {
    const fd = fs.openSync(path.dirname(path.resolve(file)), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/** Applies one journal line to the service. */
function replayLine(service: FirestoreService, line: JournalLine): void {
  if ('clear' in line) {
    for (const state of service.allDatabases()) {
      if (state.db.id.project === line.clear) state.db.clear();
    }
    return;
  }
  const state = service.database({ project: line.p, database: line.d });
  for (const change of line.c) {
    if ('fields' in change) {
      const doc = deserializeDoc(change);
      state.db.load(change.path, doc);
      state.db.advanceTo(doc.updateTime);
    } else {
      state.db.load(change.path, undefined);
    }
  }
}

/**
 * Loads the snapshot and replays the journal after it. Returns the number of
 * documents, the next free journal generation and the journal bytes replayed.
 */
export function loadDataFile(
  service: FirestoreService,
  file: string,
): { documents: number; nextGeneration: number; replayedBytes: number } {
  let first = 0;
  if (fs.existsSync(file)) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'), reviver) as DataFile;
    if (data.format !== FORMAT || (data.version !== 1 && data.version !== 2)) {
      throw new Error(`${file} is not a data file of this emulator (format/version mismatch).`);
    }
    first = data.journal ?? 0;
    for (const d of data.databases) {
      const state = service.database({ project: d.project, database: d.database });
      for (const doc of d.documents) state.db.load(doc.path, deserializeDoc(doc, data.version));
    }
  }
  let replayedBytes = 0;
  let next = first;
  for (const j of journalFiles(file)) {
    next = Math.max(next, j.generation + 1);
    if (j.generation < first) continue; // already in the snapshot; deleted by the next compaction
    const text = fs.readFileSync(j.file, 'utf8');
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break; // a torn last line: never acknowledged
      let line: JournalLine;
      try {
        line = JSON.parse(text.slice(start, end), reviver) as JournalLine;
      } catch {
        break;
      }
      replayLine(service, line);
      start = end + 1;
    }
    replayedBytes += start;
  }
  // The history before this start is unknown: refuse reads at earlier times.
  const now = Date.now() * 1000;
  let documents = 0;
  for (const state of service.allDatabases()) {
    documents += state.db.size;
    if (state.db.size > 0) state.db.keptSince = Math.max(state.db.keptSince, now);
  }
  return { documents, nextGeneration: next, replayedBytes };
}

/** Writes the snapshot atomically: a crash leaves either the old or the new file. */
export function writeDataFileSync(service: FirestoreService, file: string, journal = 0): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, encode(snapshot(service, journal)));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(file);
}

/** Figures of the journal, for the benchmark and diagnostics. */
export interface JournalStats {
  commits: number;
  flushes: number;
  bytes: number;
  compactions: number;
}

interface Pending {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The journal and its compaction, for one data file. */
export class DataJournal {
  private generation: number;
  private fd: number;
  private size = 0;
  private queue: string[] = [];
  private waiting: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private closed = false;
  /** Bytes of the last snapshot: the journal may grow to this before compaction. */
  private snapshotBytes: number;
  readonly stats: JournalStats = { commits: 0, flushes: 0, bytes: 0, compactions: 0 };

  constructor(
    private readonly service: FirestoreService,
    private readonly file: string,
    nextGeneration: number,
    replayedBytes: number,
    private readonly options: { minCompactBytes?: number; log?: (line: string) => void } = {},
  ) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.generation = nextGeneration;
    this.fd = fs.openSync(journalPath(file, this.generation), 'a');
    fsyncDir(file);
    this.snapshotBytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
    // Fold what was replayed into a fresh snapshot soon, in the background.
    if (replayedBytes > 0) this.compactSoon();
  }

  /** Appends a commit; resolves once it is on disk. */
  commit(record: CommitRecord): Promise<void> {
    const line: JournalLine = {
      p: record.db.project,
      d: record.db.database,
      c: record.changes.map(([p, doc]) => (doc ? serializeDoc(doc) : { path: p })),
    };
    return this.append(encode(line) + '\n');
  }

  /** Records that a project was cleared. */
  clear(project: string): Promise<void> {
    return this.append(JSON.stringify({ clear: project }) + '\n');
  }

  private append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The data journal is closed.'));
    this.stats.commits++;
    const done = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.queue.push(line);
    this.flushing ??= this.flushLoop();
    return done;
  }

  /** Writes and fsyncs everything queued, batch after batch, until the queue is empty. */
  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const lines = this.queue;
        const waiting = this.waiting;
        this.queue = [];
        this.waiting = [];
        const buf = Buffer.from(lines.join(''), 'utf8');
        const fd = this.fd;
        try {
          await writeAll(fd, buf);
          await new Promise<void>((res, rej) => fs.fdatasync(fd, (err) => (err ? rej(err) : res())));
          this.size += buf.length;
          this.stats.bytes += buf.length;
          this.stats.flushes++;
          for (const w of waiting) w.resolve();
        } catch (err) {
          this.options.log?.(`Data journal write failed: ${String(err)}`);
          for (const w of waiting) w.reject(err);
        }
        if (this.size > Math.max(this.options.minCompactBytes ?? 8 << 20, this.snapshotBytes)) {
          this.compactSoon();
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private compactSoon(): void {
    if (this.compacting || this.closed) return;
    this.compacting = this.compact()
      .catch((err: unknown) => this.options.log?.(`Compaction failed: ${String(err)}`))
      .finally(() => (this.compacting = undefined));
  }

  /**
   * Moves the journal to a new generation and writes the documents as they
   * are at this instant, in slices, without stopping anyone.
   */
  async compact(): Promise<void> {
    // Synchronous hand-over: every commit installed after this point goes to
    // the new generation (possibly with a few from before: replaying is idempotent).
    const generation = this.generation + 1;
    const fd = fs.openSync(journalPath(this.file, generation), 'a');
    fsyncDir(this.file);
    const old = this.fd;
    const oldFlush = this.flushing;
    this.fd = fd;
    this.generation = generation;
    this.size = 0;
    const captured = this.service
      .allDatabases()
      .filter((s) => s.db.size > 0)
      .map((s) => ({ project: s.db.id.project, database: s.db.id.database, docs: [...s.db.all()] }));
    // The old file may still be in a flush; close it after.
    void (oldFlush ?? Promise.resolve()).finally(() => fs.close(old, () => undefined));

    const tmp = `${this.file}.${process.pid}.compact.tmp`;
    const handle = await fs.promises.open(tmp, 'w');
    let bytes = 0;
    try {
      const write = async (text: string) => {
        const buf = Buffer.from(text, 'utf8');
        await handle.write(buf);
        bytes += buf.length;
      };
      await write(`{"format":"${FORMAT}","version":2,"journal":${generation},"databases":[`);
      for (let i = 0; i < captured.length; i++) {
        const db = captured[i]!;
        await write(
          `${i ? ',' : ''}{"project":${JSON.stringify(db.project)},"database":${JSON.stringify(db.database)},"documents":[`,
        );
        for (let k = 0; k < db.docs.length; k += 1000) {
          const slice = db.docs.slice(k, k + 1000).map((d) => encode(serializeDoc(d)));
          await write((k ? ',' : '') + slice.join(','));
          await new Promise((r) => setImmediate(r)); // let requests in between slices
        }
        await write(']}');
      }
      await write(']}');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (this.closed) {
      fs.rmSync(tmp, { force: true });
      return;
    }
    fs.renameSync(tmp, this.file);
    fsyncDir(this.file);
    this.snapshotBytes = bytes;
    this.stats.compactions++;
    for (const j of journalFiles(this.file))
      if (j.generation < generation) fs.rmSync(j.file, { force: true });
  }

  /** Waits for queued writes and any compaction (for tests and the benchmark). */
  async drain(): Promise<void> {
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting);
  }

  /** Clean stop: a final snapshot, then no journal at all. */
  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    writeDataFileSync(this.service, this.file, this.generation + 1);
    fs.closeSync(this.fd);
    for (const j of journalFiles(this.file)) fs.rmSync(j.file, { force: true });
  }
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number) => {
      if (offset >= buf.length) return resolve();
      fs.write(fd, buf, offset, buf.length - offset, null, (err, written) =>
        err ? reject(err) : step(offset + written),
      );
    };
    step(0);
  });
}
