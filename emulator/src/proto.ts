/**
 * The Firestore v1 API definitions, loaded once from the protos that ship
 * inside @google-cloud/firestore (`build/protos/`; emulator/README.md), for
 * both the gRPC server and the REST JSON codec.
 */
import * as protoLoader from '@grpc/proto-loader';
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

/** Package definition for @grpc/grpc-js. */
export const packageDefinition = protoLoader.fromJSON(descriptor, LOADER_OPTIONS);

/** Reflection root for the REST JSON codec. */
export const root = protobuf.Root.fromJSON(descriptor);

/** Looks up a message type, e.g. `google.firestore.v1.CommitRequest`. */
export function messageType(name: string): protobuf.Type {
  return root.lookupType(name);
}
