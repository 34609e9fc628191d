/**
 * The Firestore v1 API definitions, loaded once from the protos that ship
 * inside @google-cloud/firestore (`build/protos/`; emulator/README.md), for
 * both the gRPC server and the REST JSON codec.
 */
import type * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import * as protobuf from 'protobufjs';

type JsonDescriptor = { nested?: Record<string, JsonDescriptor> } & Record<string, unknown>;

interface WriteDescriptor {
  oneofs: { operation: { oneof: string[] } };
  fields: Record<string, { type: string; id: number }>;
}

function loadDescriptor(): JsonDescriptor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const json = require('@google-cloud/firestore/build/protos/v1.json') as JsonDescriptor;
  const copy = structuredClone(json);
  // The bundled v1 protos predate `Write.verify` (field 5), which the web and
  // lite SDKs send in transactions; add it so both transports decode it.
  const v1 = copy.nested!.google!.nested!.firestore!.nested!.v1!.nested!;
  const write = v1.Write as unknown as WriteDescriptor;
  if (!write.fields.verify) {
    write.fields.verify = { type: 'string', id: 5 };
    write.oneofs.operation.oneof.push('verify');
  }
  return copy;
}

const descriptor = loadDescriptor();

/** Decoding options: see types.ts for why `defaults:false` is required. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: false,
  oneofs: true,
};

/** Reflection root for the REST JSON codec and the gRPC service definition. */
export const root = protobuf.Root.fromJSON(descriptor);
root.resolveAll();

/**
 * The gRPC definition of one service, built from `root` with the decoding of
 * LOADER_OPTIONS, as @grpc/proto-loader would build it. proto-loader's own
 * `fromJSON` also derives file descriptors and a definition of every message
 * (for reflection, which the emulator does not serve): about 80 ms of a
 * 350 ms start on the 2-core machine, paid by every `npm start` and test run.
 */
export function serviceDefinition(name = 'google.firestore.v1.Firestore'): grpc.ServiceDefinition {
  const service = root.lookupService(name);
  const definition: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    const request = method.resolvedRequestType!;
    const response = method.resolvedResponseType!;
    definition[method.name] = {
      path: `/${name}/${method.name}`,
      requestStream: !!method.requestStream,
      responseStream: !!method.responseStream,
      requestSerialize: serializer(request),
      requestDeserialize: deserializer(request),
      responseSerialize: serializer(response),
      responseDeserialize: deserializer(response),
      // grpc-js finds a handler by the method's name or by this lower-camel-case one.
      originalName: method.name.charAt(0).toLowerCase() + method.name.slice(1),
    };
  }
  return definition;
}

function serializer(type: protobuf.Type): (value: object) => Buffer {
  return (value) => Buffer.from(type.encode(type.fromObject(value)).finish());
}

function deserializer(type: protobuf.Type): (bytes: Buffer) => object {
  return (bytes) => type.toObject(type.decode(bytes), LOADER_OPTIONS as protobuf.IConversionOptions);
}

let fullDefinition: protoLoader.PackageDefinition | undefined;

/**
 * proto-loader's package definition of every service and message, for gRPC
 * clients in tests and the replay (`grpc.loadPackageDefinition`); built on
 * first use so that starting the emulator does not pay for it.
 */
export function packageDefinition(): protoLoader.PackageDefinition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof protoLoader;
  return (fullDefinition ??= loader.fromJSON(descriptor, LOADER_OPTIONS));
}

/** Looks up a message type, e.g. `google.firestore.v1.CommitRequest`. */
export function messageType(name: string): protobuf.Type {
  return root.lookupType(name);
}
