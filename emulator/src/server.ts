/**
 * One TCP port for both protocols, as the official emulator does: a connection
 * that opens with the HTTP/2 preface (`PRI * HTTP/2.0`, gRPC with prior
 * knowledge) goes to the gRPC server, anything else to the HTTP/1.1 handler.
 *
 * Connections do not live forever (emulator/README.md, "Connections"): a
 * socket that sends nothing is closed before it is even classified; HTTP/1.1
 * has keep-alive, header, request and inactivity timeouts; gRPC connections
 * are pinged (a half-open peer that does not answer is dropped) and closed
 * when idle. Every socket also has TCP keep-alive.
 */
import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { createGrpcServer } from './grpc';
import { DEFAULT_MAX_TARGETS, ListenHub } from './listen';
import { DataJournal, loadDataFile, type JournalStats } from './persistence';
import { createRestHandler } from './rest';
import { RulesAccessControl } from './rules/access';
import { FirestoreService, type ServiceOptions } from './service';
import { parseIndexConfig } from './indexes';

/** Options of startFirestoreEmulator. */
export interface EmulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Path of a rules file to load at start. */
  rules?: string;
  /**
   * Path of a `firestore.indexes.json`: queries that no declared or automatic index serves
   * are refused with FAILED_PRECONDITION, as in production (indexes.ts). Reloaded on change.
   * Without it, no query is refused for a missing index (the official emulator's behaviour).
   */
  indexes?: string;
  /** The most Listen targets served at once (default 1,000); beyond, RESOURCE_EXHAUSTED. */
  maxListenTargets?: number;
  /**
   * Path of the data file: loaded at start with its journal; every commit is
   * journalled and fsynced before it is answered; compacted in the background
   * and at stop.
   */
  dataFile?: string;
  /** Journal size (bytes) from which a compaction may start (default 8 MiB, or the snapshot's size). */
  minCompactBytes?: number;
  service?: ServiceOptions;
  connections?: ConnectionOptions;
  /** Where to report rules loading (default: stderr). */
  log?: (line: string) => void;
}

/** Timeouts of connections (milliseconds). */
export interface ConnectionOptions {
  /** A socket with no traffic for this long is closed (HTTP/1.1 and unclassified sockets). */
  idleTimeoutMs?: number;
  /** HTTP/1.1: idle time allowed between requests on a kept-alive socket. */
  keepAliveTimeoutMs?: number;
  /** HTTP/1.1: time allowed to receive a request's headers (the whole request: 6×). */
  headersTimeoutMs?: number;
  /** gRPC: a connection without calls for this long is closed (GOAWAY). */
  grpcIdleTimeoutMs?: number;
  /** gRPC: interval of keep-alive pings, and how long an answer may take. */
  grpcKeepaliveTimeMs?: number;
  grpcKeepaliveTimeoutMs?: number;
}

const CONNECTION_DEFAULTS: Required<ConnectionOptions> = {
  idleTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  headersTimeoutMs: 20_000,
  grpcIdleTimeoutMs: 300_000,
  grpcKeepaliveTimeMs: 60_000,
  grpcKeepaliveTimeoutMs: 20_000,
};

/** A running emulator. */
export interface RunningEmulator {
  host: string;
  port: number;
  service: FirestoreService;
  /** Loaded security rules (also settable through the `:securityRules` endpoint). */
  rules: RulesAccessControl;
  /** Figures of the data journal (with `dataFile`). */
  journal?: { stats: JournalStats; drain(): Promise<void> };
  /** The Listen streams and their targets. */
  listen: ListenHub;
  /** Number of open client sockets. */
  openConnections(): number;
  /** Stops listening, closes connections and saves the data file. */
  stop(): Promise<void>;
}

const PREFACE = 'PRI ';

/** Starts the emulator and resolves once it accepts connections. */
export async function startFirestoreEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const rules = new RulesAccessControl(log);
  const service = new FirestoreService({ ...options.service, access: rules });
  let stopWatching = () => undefined as void;
  if (options.rules) stopWatching = watchRules(options.rules, rules, log);
  if (options.indexes) {
    const stopRules = stopWatching;
    const stopIndexes = watchIndexes(options.indexes, service, log);
    stopWatching = () => {
      stopRules();
      stopIndexes();
    };
  }
  let journal: DataJournal | undefined;
  if (options.dataFile) {
    const loaded = loadDataFile(service, options.dataFile);
    journal = new DataJournal(service, options.dataFile, loaded.nextGeneration, loaded.replayedBytes, {
      log,
      ...(options.minCompactBytes !== undefined ? { minCompactBytes: options.minCompactBytes } : {}),
    });
    service.durability = journal;
  }

  const limits = { ...CONNECTION_DEFAULTS, ...options.connections };
  const listen = new ListenHub(service, options.maxListenTargets ?? DEFAULT_MAX_TARGETS);
  const grpcServer = createGrpcServer(
    service,
    {
      'grpc.max_connection_idle_ms': limits.grpcIdleTimeoutMs,
      'grpc.keepalive_time_ms': limits.grpcKeepaliveTimeMs,
      'grpc.keepalive_timeout_ms': limits.grpcKeepaliveTimeoutMs,
    },
    listen,
  );
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const httpServer = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.headersTimeoutMs * 6,
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    createRestHandler(service, rules),
  );
  // Inactivity timeout of every HTTP/1.1 socket (Node closes it when no
  // 'timeout' listener is installed).
  httpServer.timeout = limits.idleTimeoutMs;
  httpServer.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // The HTTP server never listens itself (sockets are handed to it), so start
  // the tracking that enforces headersTimeout/requestTimeout, which Node
  // starts on 'listening'.
  httpServer.emit('listening');
  const sockets = new Set<net.Socket>();

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A peer that vanished without a FIN is found by TCP keep-alive probes.
    socket.setKeepAlive(true, 30_000);
    // A socket that never says which protocol it speaks is closed.
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < PREFACE.length && PREFACE.startsWith(buffered.toString('latin1'))) return;
      socket.off('data', onData);
      socket.setTimeout(0);
      socket.removeAllListeners('timeout');
      socket.pause();
      socket.unshift(buffered);
      // Both servers pick up the unshifted bytes from the paused socket.
      if (buffered.subarray(0, PREFACE.length).toString('latin1') === PREFACE) {
        // gRPC: idle connections and unanswered keep-alive pings close it.
        injector.injectConnection(socket);
      } else {
        httpServer.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = tcp.address() as net.AddressInfo;

  let stopped: Promise<void> | undefined;
  return {
    host,
    port: address.port,
    service,
    rules,
    listen,
    ...(journal ? { journal } : {}),
    openConnections: () => sockets.size,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
        injector.destroy();
        grpcServer.forceShutdown();
        httpServer.closeAllConnections();
        httpServer.close();
        for (const s of sockets) s.destroy();
        stopWatching();
        listen.close();
        await journal?.close();
        await closed;
      })();
      return stopped;
    },
  };
}

/**
 * Loads an index file and reloads it when it changes. A file that cannot be read or is
 * malformed fails the start; after a change, the previous configuration stays in force.
 */
function watchIndexes(file: string, service: FirestoreService, log: (line: string) => void): () => void {
  const load = () => parseIndexConfig(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
  service.indexes = load();
  const onChange = (curr: fs.Stats, prev: fs.Stats) => {
    if (curr.mtimeMs === prev.mtimeMs) return;
    try {
      service.indexes = load();
      log(`Reloaded indexes from ${file}.`);
    } catch (err) {
      log(`${file}: ${(err as Error).message}; the previous indexes stay in force.`);
    }
  };
  fs.watchFile(file, { interval: 300 }, onChange);
  return () => fs.unwatchFile(file, onChange);
}

/**
 * Loads a rules file for every project and reloads it when it changes (so
 * `npm start` picks up edits). A file with errors is reported with line and
 * column and the previous rules stay in force.
 */
function watchRules(file: string, rules: RulesAccessControl, log: (line: string) => void): () => void {
  const load = () => {
    const { issues } = rules.setRules('*', fs.readFileSync(file, 'utf8'), file);
    return issues.length === 0;
  };
  if (!load()) throw new Error(`${file} has errors; see above.`);
  const onChange = (curr: fs.Stats, prev: fs.Stats) => {
    if (curr.mtimeMs === prev.mtimeMs) return;
    if (load()) log(`Reloaded security rules from ${file}.`);
  };
  fs.watchFile(file, { interval: 300 }, onChange);
  return () => fs.unwatchFile(file, onChange);
}
