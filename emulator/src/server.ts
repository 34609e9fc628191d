/**
 * One TCP port for both protocols, as the official emulator does: a connection
 * that opens with the HTTP/2 preface (`PRI * HTTP/2.0`, gRPC with prior
 * knowledge) goes to the gRPC server, anything else to the HTTP/1.1 handler.
 */
import * as grpc from '@grpc/grpc-js';
import * as http from 'node:http';
import * as net from 'node:net';
import { createGrpcServer } from './grpc';
import { DataFileSaver, loadDataFile } from './persistence';
import { createRestHandler, StoredRules, type RulesRegistry } from './rest';
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
  /** Rules registry; defaults to storing the source only. */
  rulesRegistry?: RulesRegistry;
  service?: ServiceOptions;
}

/** A running emulator. */
export interface RunningEmulator {
  host: string;
  port: number;
  service: FirestoreService;
  /** Stops listening, closes connections and saves the data file. */
  stop(): Promise<void>;
}

const PREFACE = 'PRI ';

/** Starts the emulator and resolves once it accepts connections. */
export async function startFirestoreEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const service = new FirestoreService(options.service);
  const rules = options.rulesRegistry ?? new StoredRules();
  if (options.rules) {
    const fs = await import('node:fs');
    // Stored under the wildcard project: applies to every project until one is PUT.
    rules.setRules('*', fs.readFileSync(options.rules, 'utf8'));
  }
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
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        injector.destroy();
        grpcServer.forceShutdown();
        httpServer.closeAllConnections();
        for (const s of sockets) s.destroy();
        saver?.flush();
      });
      return stopped;
    },
  };
}
