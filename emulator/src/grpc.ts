/**
 * gRPC transport: binds google.firestore.v1.Firestore to the service, with the
 * response shapes the Node clients require (emulator/README.md, "Where each
 * behaviour was learned"): a
 * readTime on every query stream, the new transaction id on the first message,
 * one message per requested document.
 */
import * as grpc from '@grpc/grpc-js';
import { principalFrom, type Principal } from './auth';
import { Code, EmulatorError, toEmulatorError } from './errors';
import { parseDocumentName, parseName } from './paths';
import { serviceDefinition } from './proto';
import type { FirestoreService } from './service';
import { ListenHub, type ListenRequest, type ListenResponse, type ListenStream } from './listen';

/** The request type of a service method. */
type Req<M extends keyof FirestoreService> = FirestoreService[M] extends (
  req: infer R,
  ...rest: never[]
) => unknown
  ? R
  : never;

type Unary = grpc.handleUnaryCall<Record<string, never>, unknown>;
type ServerStream = grpc.handleServerStreamingCall<Record<string, never>, unknown>;

function grpcError(err: unknown): Partial<grpc.StatusObject> {
  const e = toEmulatorError(err);
  return { code: e.code as number as grpc.status, details: e.message };
}

/**
 * The caller, from the `authorization` metadata (`Bearer owner` for the admin SDK).
 * As recorded (auth.json), a malformed resource name in the request is reported
 * before a malformed header: when the header cannot be read, the names are checked
 * first.
 */
function principalOf(call: { metadata: grpc.Metadata }, request: unknown): Principal {
  const value = call.metadata.get('authorization')[0];
  try {
    return principalFrom(value === undefined ? undefined : String(value));
  } catch (err) {
    const req = (request ?? {}) as { name?: unknown; parent?: unknown };
    if (typeof req.name === 'string') parseDocumentName(req.name);
    if (typeof req.parent === 'string') parseName(req.parent);
    throw err;
  }
}

function unary<Req>(fn: (req: Req, principal: Principal) => unknown): Unary {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call.request as unknown as Req, principalOf(call, call.request)))
      .then(
        (res) => callback(null, res ?? {}),
        (err: unknown) => callback(grpcError(err) as grpc.ServiceError),
      );
  };
}

function stream<Req>(
  fn: (req: Req, write: (msg: unknown) => void, principal: Principal) => Promise<void>,
): ServerStream {
  return (call) => {
    Promise.resolve()
      .then(() =>
        fn(call.request as unknown as Req, (msg) => call.write(msg), principalOf(call, call.request)),
      )
      .then(
        () => call.end(),
        // grpc-js delivers a status on a server stream only through emit('error').
        (err: unknown) => {
          // Headers first: a trailers-only error made the admin SDK retry the
          // call with backoff (three attempts, ~6 s) before reporting it.
          call.sendMetadata(new grpc.Metadata());
          call.emit('error', grpcError(err));
        },
      );
  };
}

function unimplemented(name: string): grpc.UntypedHandleCall {
  return ((
    call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>,
    callback?: grpc.sendUnaryData<unknown>,
  ) => {
    const status = {
      code: Code.UNIMPLEMENTED as number as grpc.status,
      details: `${name} is not implemented by this emulator.`,
    };
    if (callback) callback(status as grpc.ServiceError);
    else call.emit('error', status);
  }) as grpc.UntypedHandleCall;
}

interface WriteStreamRequest {
  database?: string;
  writes?: Parameters<FirestoreService['commit']>[0]['writes'];
  streamToken?: Buffer;
}

let writeStreams = 0;

function invalidWrite(message: string): Error {
  return new EmulatorError(Code.INVALID_ARGUMENT, message);
}

/** Creates a gRPC server exposing the service (not yet bound to a port). */
export function createGrpcServer(
  service: FirestoreService,
  channelOptions: grpc.ServerOptions = {},
  listen: ListenHub = new ListenHub(service),
): grpc.Server {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
    'grpc.max_send_message_length': 100 * 1024 * 1024,
    ...channelOptions,
  });
  const handlers: grpc.UntypedServiceImplementation = {
    getDocument: unary((req: Req<'getDocument'>, who) => service.getDocument(req, who)),
    listDocuments: unary((req: Req<'listDocuments'>, who) => service.listDocuments(req, who)),
    createDocument: unary((req: Req<'createDocument'>, who) => service.createDocument(req, who)),
    updateDocument: unary((req: Req<'updateDocument'>, who) => service.updateDocument(req, who)),
    deleteDocument: unary(async (req: Req<'deleteDocument'>, who) => {
      await service.deleteDocument(req, who);
      return {};
    }),
    beginTransaction: unary((req: Req<'beginTransaction'>) => service.beginTransaction(req)),
    commit: unary((req: Req<'commit'>, who) => service.commit(req, who)),
    rollback: unary((req: Req<'rollback'>) => {
      service.rollback(req);
      return {};
    }),
    batchWrite: unary((req: Req<'batchWrite'>, who) => service.batchWrite(req, who)),
    listCollectionIds: unary((req: Req<'listCollectionIds'>, who) => service.listCollectionIds(req, who)),
    batchGetDocuments: stream(async (req: Req<'batchGetDocuments'>, write, who) => {
      const res = await service.batchGetDocuments(req, who);
      res.results.forEach((r, i) => {
        write({
          ...r,
          readTime: res.readTime,
          ...(i === 0 && res.transaction ? { transaction: res.transaction } : {}),
        });
      });
      if (res.results.length === 0 && res.transaction)
        write({ transaction: res.transaction, readTime: res.readTime });
    }),
    runQuery: stream(async (req: Req<'runQuery'>, write, who) => {
      const res = await service.runQuery(req, who);
      // As recorded (queries.json): a transaction begun here comes first in a
      // message of its own; `done` rides on the last document (or on a message
      // of its own when nothing matched); earlier documents carry the offset's
      // `skippedResults`. Same shape as rest.ts.
      if (res.transaction) write({ transaction: res.transaction });
      if (res.documents.length === 0) {
        write({ readTime: res.readTime, done: true });
        return;
      }
      const last = res.documents.length - 1;
      res.documents.forEach((document, i) => {
        write(
          i === last
            ? { document, readTime: res.readTime, done: true }
            : { document, readTime: res.readTime, ...(res.skipped ? { skippedResults: res.skipped } : {}) },
        );
      });
    }),
    runAggregationQuery: stream(async (req: Req<'runAggregationQuery'>, write, who) => {
      const res = await service.runAggregationQuery(req, who);
      write({
        ...(res.transaction ? { transaction: res.transaction } : {}),
        result: { aggregateFields: res.aggregateFields },
        readTime: res.readTime,
      });
    }),
    partitionQuery: unimplemented('PartitionQuery'),
    listen: ((call: grpc.ServerDuplexStream<ListenRequest, ListenResponse>) => {
      // The caller is known from the headers: a bad token fails the stream at once, before any
      // request (auth.json, "Listen, garbage, nothing sent").
      let principal: Principal;
      try {
        principal = principalOf(call, {});
      } catch (err) {
        call.sendMetadata(new grpc.Metadata());
        call.emit('error', grpcError(err));
        return;
      }
      const stream: ListenStream = listen.open(principal, (msg) => {
        if (!call.cancelled && !call.writableEnded) call.write(msg);
      });
      const end = () => stream.close();
      call.on('data', (req: ListenRequest) => {
        stream.request(req);
      });
      call.on('end', () => {
        end();
        if (!call.writableEnded) call.end();
      });
      call.on('cancelled', end);
      call.on('error', end);
    }) as grpc.UntypedHandleCall,
    write: ((call: grpc.ServerDuplexStream<WriteStreamRequest, unknown>) => {
      // The Write stream (what the full JS SDK writes with): a handshake naming the database is
      // answered with a stream id and token; every later request's writes are committed
      // atomically, as one Commit, and answered with their results, the commit time and a new
      // token. Rules apply as to Commit.
      let principal: Principal;
      try {
        principal = principalOf(call, {});
      } catch (err) {
        call.sendMetadata(new grpc.Metadata());
        call.emit('error', grpcError(err));
        return;
      }
      let database: string | undefined;
      let sequence = 0;
      const streamId = `s${++writeStreams}`;
      let queue = Promise.resolve();
      const tokenOf = (n: number) => Buffer.from(`${streamId}:${n}`);
      call.on('data', (req: WriteStreamRequest) => {
        queue = queue
          .then(async () => {
            if (database === undefined) {
              if (req.writes?.length)
                throw invalidWrite('The first request on a Write stream has no writes.');
              database = req.database ?? '';
              call.write({ streamId, streamToken: tokenOf(sequence) });
              return;
            }
            const out = await service.commit({ database, writes: req.writes ?? [] }, principal);
            call.write({
              streamToken: tokenOf(++sequence),
              writeResults: out.writeResults,
              commitTime: out.commitTime,
            });
          })
          .catch((err: unknown) => {
            if (!call.writableEnded) call.emit('error', grpcError(err));
          });
      });
      call.on('end', () => {
        void queue.then(() => {
          if (!call.writableEnded) call.end();
        });
      });
    }) as grpc.UntypedHandleCall,
  };
  server.addService(serviceDefinition(), handlers);
  return server;
}
