/**
 * The data file (`--data`): every database's documents as JSON, loaded at
 * start, written atomically (temporary file + rename) shortly after changes,
 * and synchronously on shutdown, so an acknowledged write survives SIGTERM.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromJson, toJson } from './json';
import type { FirestoreService } from './service';
import { makeStoredDoc } from './store';
import type { Fields } from './types';

interface DataFile {
  format: 'canbo-firestore-emulator';
  version: 1;
  databases: {
    project: string;
    database: string;
    documents: { path: string; createTime: number; updateTime: number; fields: unknown }[];
  }[];
}

/** Serialises every database. */
export function snapshot(service: FirestoreService): DataFile {
  return {
    format: 'canbo-firestore-emulator',
    version: 1,
    databases: service
      .allDatabases()
      .filter((s) => s.db.size > 0)
      .map((s) => ({
        project: s.db.id.project,
        database: s.db.id.database,
        documents: [...s.db.all()].map((d) => ({
          path: d.path,
          createTime: d.createTime,
          updateTime: d.updateTime,
          fields:
            (toJson('google.firestore.v1.Document', { fields: d.fields }) as { fields?: unknown }).fields ??
            {},
        })),
      })),
  };
}

/** Loads a data file into the service; a missing file is an empty database. */
export function loadDataFile(service: FirestoreService, file: string): number {
  if (!fs.existsSync(file)) return 0;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as DataFile;
  if (data.format !== 'canbo-firestore-emulator' || data.version !== 1) {
    throw new Error(`${file} is not a data file of this emulator (format/version mismatch).`);
  }
  let count = 0;
  for (const d of data.databases) {
    const state = service.database({ project: d.project, database: d.database });
    for (const doc of d.documents) {
      const decoded = fromJson<{ fields?: Fields }>('google.firestore.v1.Document', { fields: doc.fields });
      state.db.put(doc.path, makeStoredDoc(doc.path, decoded.fields ?? {}, doc.createTime, doc.updateTime));
      count++;
    }
  }
  return count;
}

/** Writes the file atomically: a crash leaves either the old or the new file. */
export function writeDataFileSync(service: FirestoreService, file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(snapshot(service)));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Debounced saver: coalesces bursts of changes into one write. */
export class DataFileSaver {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly service: FirestoreService,
    private readonly file: string,
    private readonly delayMs = 300,
  ) {}

  /** Marks the data changed; the file is written within `delayMs`. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
    this.timer.unref();
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.dirty) return;
    this.dirty = false;
    writeDataFileSync(this.service, this.file);
  }
}
