/**
 * Shapes of the Firestore v1 messages as `@grpc/proto-loader` decodes them with
 * `{keepCase:false, longs:String, enums:String, defaults:false, oneofs:true}`.
 * The REST layer converts JSON into exactly these shapes (see json.ts), so the
 * service code handles one representation only.
 *
 * `defaults:false` matters: an absent `updateMask` (replace the document) and an
 * empty one (keep every field) must stay distinguishable.
 */

/** google.protobuf.Timestamp; zero fields are omitted on the wire. */
export interface ProtoTimestamp {
  seconds?: string | number;
  nanos?: number;
}

/** google.firestore.v1.Value: exactly one member is set. */
export interface Value {
  nullValue?: string | number | null;
  booleanValue?: boolean;
  integerValue?: string;
  doubleValue?: number;
  timestampValue?: ProtoTimestamp;
  stringValue?: string;
  bytesValue?: Buffer;
  referenceValue?: string;
  geoPointValue?: { latitude?: number; longitude?: number };
  arrayValue?: { values?: Value[] };
  mapValue?: { fields?: Record<string, Value> };
  /** Virtual oneof discriminator added by proto-loader; never relied on. */
  valueType?: string;
}

export type Fields = Record<string, Value>;

/** google.firestore.v1.Document */
export interface ProtoDocument {
  name?: string;
  fields?: Fields;
  createTime?: ProtoTimestamp;
  updateTime?: ProtoTimestamp;
}

export interface Precondition {
  exists?: boolean;
  updateTime?: ProtoTimestamp;
}

export interface FieldTransform {
  fieldPath?: string;
  setToServerValue?: string;
  increment?: Value;
  maximum?: Value;
  minimum?: Value;
  appendMissingElements?: { values?: Value[] };
  removeAllFromArray?: { values?: Value[] };
}

/** google.firestore.v1.Write */
export interface ProtoWrite {
  update?: ProtoDocument;
  delete?: string;
  verify?: string;
  transform?: { document?: string; fieldTransforms?: FieldTransform[] };
  updateMask?: { fieldPaths?: string[] };
  updateTransforms?: FieldTransform[];
  currentDocument?: Precondition;
}

export interface FieldReference {
  fieldPath?: string;
}

export interface FieldFilter {
  field?: FieldReference;
  op?: string;
  value?: Value;
}

export interface UnaryFilter {
  op?: string;
  field?: FieldReference;
}

export interface CompositeFilter {
  op?: string;
  filters?: Filter[];
}

export interface Filter {
  compositeFilter?: CompositeFilter;
  fieldFilter?: FieldFilter;
  unaryFilter?: UnaryFilter;
}

export interface Order {
  field?: FieldReference;
  direction?: string;
}

export interface Cursor {
  values?: Value[];
  before?: boolean;
}

/** google.firestore.v1.StructuredQuery */
export interface StructuredQuery {
  select?: { fields?: FieldReference[] };
  from?: { collectionId?: string; allDescendants?: boolean }[];
  where?: Filter;
  orderBy?: Order[];
  startAt?: Cursor;
  endAt?: Cursor;
  offset?: number;
  limit?: { value?: number };
  findNearest?: FindNearest;
  /**
   * Not on the wire (no client can send it): field paths every result must have, set by
   * query.ts `withAggregatedFields` for an aggregation that sums or averages fields.
   */
  requiredFields?: string[];
}

/** google.firestore.v1.StructuredQuery.FindNearest (vector search). */
export interface FindNearest {
  vectorField?: FieldReference;
  queryVector?: Value;
  distanceMeasure?: string;
  limit?: { value?: number };
  distanceResultField?: string;
  distanceThreshold?: { value?: number };
}

export interface Aggregation {
  alias?: string;
  count?: { upTo?: { value?: string | number } };
  sum?: { field?: FieldReference };
  avg?: { field?: FieldReference };
}

export interface StructuredAggregationQuery {
  structuredQuery?: StructuredQuery;
  aggregations?: Aggregation[];
}

export interface TransactionOptions {
  readOnly?: { readTime?: ProtoTimestamp };
  readWrite?: { retryTransaction?: Buffer };
}

/** Fields shared by the read requests that may run inside a transaction. */
export interface ConsistencySelector {
  transaction?: Buffer;
  newTransaction?: TransactionOptions;
  readTime?: ProtoTimestamp;
}
