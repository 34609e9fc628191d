/**
 * gRPC transport: binds google.firestore.v1.Firestore to the service, with the
 * response shapes the Node clients require (firestore-wire.md §A.3): a
 * readTime on every query stream, the new transaction id on the first message,
 * one message per requested document.
 */
import * as grpc from '@grpc/grpc-js';
import { Code, toEmulatorError } from './errors';
import { packageDefinition } from './proto';
import type { FirestoreService } from './service';

type Unary = grpc.handleUnaryCall<Record<string, never>, unknown>;
type ServerStream = grpc.handleServerStreamingCall<Record<string, never>, unknown>;

function grpcError(err: unknown): Partial<grpc.StatusObject> {
  const e = toEmulatorError(err);
  return { code: e.code as number as grpc.status, details: e.message };
}

function unary<Req>(fn: (req: Req) => unknown): Unary {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call.request as unknown as Req))
      .then(
        (res) => callback(null, res ?? {}),
        (err: unknown) => callback(grpcError(err) as grpc.ServiceError),
      );
  };
}

function stream<Req>(fn: (req: Req, write: (msg: unknown) => void) => Promise<void>): ServerStream {
  return (call) => {
    fn(call.request as unknown as Req, (msg) => call.write(msg)).then(
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

/** Creates a gRPC server exposing the service (not yet bound to a port). */
export function createGrpcServer(service: FirestoreService): grpc.Server {
  const loaded = grpc.loadPackageDefinition(packageDefinition) as unknown as {
    google: { firestore: { v1: { Firestore: grpc.ServiceClientConstructor } } };
  };
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
    'grpc.max_send_message_length': 100 * 1024 * 1024,
  });
  const handlers: grpc.UntypedServiceImplementation = {
    getDocument: unary((req: Parameters<FirestoreService['getDocument']>[0]) => service.getDocument(req)),
    listDocuments: unary((req: Parameters<FirestoreService['listDocuments']>[0]) =>
      service.listDocuments(req),
    ),
    createDocument: unary((req: Parameters<FirestoreService['createDocument']>[0]) =>
      service.createDocument(req),
    ),
    updateDocument: unary((req: Parameters<FirestoreService['updateDocument']>[0]) =>
      service.updateDocument(req),
    ),
    deleteDocument: unary(async (req: Parameters<FirestoreService['deleteDocument']>[0]) => {
      await service.deleteDocument(req);
      return {};
    }),
    beginTransaction: unary((req: Parameters<FirestoreService['beginTransaction']>[0]) =>
      service.beginTransaction(req),
    ),
    commit: unary((req: Parameters<FirestoreService['commit']>[0]) => service.commit(req)),
    rollback: unary((req: Parameters<FirestoreService['rollback']>[0]) => {
      service.rollback(req);
      return {};
    }),
    batchWrite: unary((req: Parameters<FirestoreService['batchWrite']>[0]) => service.batchWrite(req)),
    listCollectionIds: unary((req: Parameters<FirestoreService['listCollectionIds']>[0]) =>
      service.listCollectionIds(req),
    ),
    batchGetDocuments: stream(async (req: Parameters<FirestoreService['batchGetDocuments']>[0], write) => {
      const res = await service.batchGetDocuments(req);
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
    runQuery: stream(async (req: Parameters<FirestoreService['runQuery']>[0], write) => {
      const res = await service.runQuery(req);
      const first = res.transaction ? { transaction: res.transaction } : {};
      if (res.documents.length === 0) {
        write({ ...first, readTime: res.readTime, ...(res.skipped ? { skippedResults: res.skipped } : {}) });
        return;
      }
      res.documents.forEach((document, i) => {
        write({
          ...(i === 0 ? first : {}),
          document,
          readTime: res.readTime,
          ...(res.skipped ? { skippedResults: res.skipped } : {}),
        });
      });
    }),
    runAggregationQuery: stream(
      async (req: Parameters<FirestoreService['runAggregationQuery']>[0], write) => {
        const res = await service.runAggregationQuery(req);
        write({
          ...(res.transaction ? { transaction: res.transaction } : {}),
          result: { aggregateFields: res.aggregateFields },
          readTime: res.readTime,
        });
      },
    ),
    partitionQuery: unimplemented('PartitionQuery'),
    listen: unimplemented('Listen'),
    write: unimplemented('Write'),
  };
  server.addService(loaded.google.firestore.v1.Firestore.service, handlers);
  return server;
}
