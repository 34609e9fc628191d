/**
 * One TCP port for both protocols, as the official emulator does: a connection
 * that opens with the HTTP/2 preface (`PRI * HTTP/2.0`, gRPC with prior
 * knowledge) goes to the gRPC server, anything else to the HTTP/1.1 handler.
 */
import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { createGrpcServer } from './grpc';
import { DataFileSaver, loadDataFile } from './persistence';
import { createRestHandler } from './rest';
import { RulesAccessControl } from './rules/access';
import { FirestoreService, type ServiceOptions } from './service';

/** Options of startFirestoreEmulator. */
export interface EmulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Path of a rules file to load at start. */
  rules?: string;
  /** Path of the data file (load at start, save after changes and at stop). */
  dataFile?: string;
  service?: ServiceOptions;
  /** Where to report rules loading (default: stderr). */
  log?: (line: string) => void;
}

/** A running emulator. */
export interface RunningEmulator {
  host: string;
  port: number;
  service: FirestoreService;
  /** Loaded security rules (also settable through the `:securityRules` endpoint). */
  rules: RulesAccessControl;
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
  let saver: DataFileSaver | undefined;
  if (options.dataFile) {
    loadDataFile(service, options.dataFile);
    saver = new DataFileSaver(service, options.dataFile);
    service.onChange = () => saver!.changed();
  }

  const grpcServer = createGrpcServer(service);
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const httpServer = http.createServer(createRestHandler(service, rules));
  httpServer.keepAliveTimeout = 5000;
  const sockets = new Set<net.Socket>();

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < PREFACE.length && PREFACE.startsWith(buffered.toString('latin1'))) return;
      socket.off('data', onData);
      socket.pause();
      socket.unshift(buffered);
      // Both servers pick up the unshifted bytes from the paused socket.
      if (buffered.subarray(0, PREFACE.length).toString('latin1') === PREFACE) {
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
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        injector.destroy();
        grpcServer.forceShutdown();
        httpServer.closeAllConnections();
        for (const s of sockets) s.destroy();
        stopWatching();
        saver?.flush();
      });
      return stopped;
    },
  };
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
