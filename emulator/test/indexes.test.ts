/**
 * When production Firestore needs a composite index (emulator/src/indexes.ts), each rule
 * tested on both sides of its boundary: the query that the automatic indexes serve, and the
 * nearest one that needs a declared index, with the index the error then asks for.
 */
import { checkQueryIndexes, missingIndexError, parseIndexConfig, type IndexConfig } from '../src/indexes';
import { Code } from '../src/errors';
import type { Filter, StructuredQuery } from '../src/types';

const NONE: IndexConfig = { indexes: [], fieldOverrides: [] };

type Op =
  | '=='
  | '<'
  | '>'
  | '>='
  | '!='
  | 'in'
  | 'not-in'
  | 'array-contains'
  | 'array-contains-any'
  | 'is-null'
  | 'not-null';

const OPS: Record<Op, string> = {
  '==': 'EQUAL',
  '<': 'LESS_THAN',
  '>': 'GREATER_THAN',
  '>=': 'GREATER_THAN_OR_EQUAL',
  '!=': 'NOT_EQUAL',
  in: 'IN',
  'not-in': 'NOT_IN',
  'array-contains': 'ARRAY_CONTAINS',
  'array-contains-any': 'ARRAY_CONTAINS_ANY',
  'is-null': 'IS_NULL',
  'not-null': 'IS_NOT_NULL',
};

function where(field: string, op: Op): Filter {
  if (op === 'is-null' || op === 'not-null')
    return { unaryFilter: { field: { fieldPath: field }, op: OPS[op] } };
  const list = op === 'in' || op === 'not-in' || op === 'array-contains-any';
  return {
    fieldFilter: {
      field: { fieldPath: field },
      op: OPS[op],
      value: list ? { arrayValue: { values: [{ integerValue: '1' }] } } : { integerValue: '1' },
    },
  };
}

function and(...filters: Filter[]): Filter {
  return { compositeFilter: { op: 'AND', filters } };
}

function or(...filters: Filter[]): Filter {
  return { compositeFilter: { op: 'OR', filters } };
}

function q(opts: {
  filter?: Filter;
  order?: [string, 'asc' | 'desc'][];
  group?: boolean;
  collection?: string;
}): StructuredQuery {
  return {
    from: [{ collectionId: opts.collection ?? 'cities', ...(opts.group ? { allDescendants: true } : {}) }],
    ...(opts.filter ? { where: opts.filter } : {}),
    ...(opts.order
      ? {
          orderBy: opts.order.map(([f, d]) => ({
            field: { fieldPath: f },
            direction: d === 'desc' ? 'DESCENDING' : 'ASCENDING',
          })),
        }
      : {}),
  };
}

function needs(config: IndexConfig, query: StructuredQuery): unknown {
  const v = checkQueryIndexes(config, query);
  return v.ok ? 'served' : v.index;
}

function config(json: unknown): IndexConfig {
  return parseIndexConfig(json);
}

describe('what the automatic single-field indexes serve', () => {
  test('no filter, or an order on __name__ only', () => {
    expect(needs(NONE, q({}))).toBe('served');
    expect(needs(NONE, q({ order: [['__name__', 'asc']] }))).toBe('served');
    expect(needs(NONE, q({ order: [['__name__', 'desc']] }))).toBe('served');
  });

  test('one field: equality, range, order, in, array-contains, inequality', () => {
    expect(needs(NONE, q({ filter: where('state', '==') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('population', '>') }))).toBe('served');
    expect(needs(NONE, q({ order: [['population', 'desc']] }))).toBe('served');
    expect(needs(NONE, q({ filter: where('population', '<'), order: [['population', 'desc']] }))).toBe(
      'served',
    );
    expect(needs(NONE, q({ filter: where('state', 'in') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('state', 'in'), order: [['state', 'desc']] }))).toBe('served');
    expect(needs(NONE, q({ filter: where('regions', 'array-contains') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('regions', 'array-contains-any') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('state', '!=') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('state', 'not-in') }))).toBe('served');
    expect(needs(NONE, q({ filter: where('state', 'not-null') }))).toBe('served');
  });

  test('equalities on several fields are merged (index merging), array-contains included', () => {
    expect(
      needs(
        NONE,
        q({ filter: and(where('state', '=='), where('country', '=='), where('capital', 'is-null')) }),
      ),
    ).toBe('served');
    expect(needs(NONE, q({ filter: and(where('state', 'in'), where('regions', 'array-contains')) }))).toBe(
      'served',
    );
    // Ordering by a field fixed by == orders nothing.
    expect(
      needs(
        NONE,
        q({ filter: and(where('state', '=='), where('country', '==')), order: [['state', 'asc']] }),
      ),
    ).toBe('served');
    // An equality plus a range on __name__ (a cursor-like filter) needs nothing more.
    expect(needs(NONE, q({ filter: and(where('state', '=='), where('__name__', '>')) }))).toBe('served');
  });

  test('each branch of an OR is served by its own single-field index', () => {
    expect(needs(NONE, q({ filter: or(where('state', '=='), where('country', '==')) }))).toBe('served');
    expect(
      needs(
        NONE,
        q({ filter: and(where('state', '=='), or(where('a', '=='), where('b', 'array-contains'))) }),
      ),
    ).toBe('served');
  });
});

describe('what needs a composite index, and the index asked for', () => {
  test('equality + order on another field', () => {
    expect(needs(NONE, q({ filter: where('state', '=='), order: [['population', 'asc']] }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('equality + range on another field (its implicit order)', () => {
    expect(needs(NONE, q({ filter: and(where('state', '=='), where('population', '>')) }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('equality + != on another field', () => {
    expect(needs(NONE, q({ filter: and(where('state', '=='), where('capital', '!=')) }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'capital', order: 'ASCENDING' },
      ],
    });
  });

  test('orders on two fields, ranges on two fields', () => {
    expect(
      needs(
        NONE,
        q({
          order: [
            ['state', 'asc'],
            ['population', 'desc'],
          ],
        }),
      ),
    ).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'DESCENDING' },
      ],
    });
    // Inequality fields are ordered implicitly by field path: density before population.
    expect(needs(NONE, q({ filter: and(where('population', '>'), where('density', '<')) }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'density', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('a range with an order on another field', () => {
    expect(needs(NONE, q({ filter: where('population', '>'), order: [['name', 'asc']] }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'name', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('array-contains + order, in + order on another field, array-contains-any + range', () => {
    expect(needs(NONE, q({ filter: where('regions', 'array-contains'), order: [['name', 'desc']] }))).toEqual(
      {
        collectionGroup: 'cities',
        queryScope: 'COLLECTION',
        fields: [
          { fieldPath: 'regions', arrayConfig: 'CONTAINS' },
          { fieldPath: 'name', order: 'DESCENDING' },
        ],
      },
    );
    expect(needs(NONE, q({ filter: where('state', 'in'), order: [['name', 'asc']] }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'name', order: 'ASCENDING' },
      ],
    });
    expect(
      needs(NONE, q({ filter: and(where('regions', 'array-contains-any'), where('population', '>=')) })),
    ).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'regions', arrayConfig: 'CONTAINS' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('equality with an order reversed (what limitToLast sends) needs the reversed index', () => {
    // limitToLast(n) on `state == x order by population` asks for population descending.
    expect(needs(NONE, q({ filter: where('state', '=='), order: [['population', 'desc']] }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'DESCENDING' },
      ],
    });
    // With no other order, `__name__` descending is the descending single-field index's own
    // order (ties in a descending index are in descending name order): nothing to add.
    expect(needs(NONE, q({ filter: where('state', '=='), order: [['__name__', 'desc']] }))).toBe('served');
    // Unless that index was removed by an override.
    const ascOnly = config({
      fieldOverrides: [
        {
          collectionGroup: 'cities',
          fieldPath: 'state',
          indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION' }],
        },
      ],
    });
    expect(needs(ascOnly, q({ filter: where('state', '=='), order: [['__name__', 'desc']] }))).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: '__name__', order: 'DESCENDING' },
      ],
    });
  });

  test('an OR branch with an order: every branch must be served', () => {
    const query = q({ filter: or(where('a', '=='), where('b', '==')), order: [['n', 'asc']] });
    const aIndex = {
      collectionGroup: 'cities',
      fields: [
        { fieldPath: 'a', order: 'ASCENDING' },
        { fieldPath: 'n', order: 'ASCENDING' },
      ],
    };
    expect(needs(NONE, query)).toEqual({ ...aIndex, queryScope: 'COLLECTION' });
    expect(needs(config({ indexes: [aIndex] }), query)).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'b', order: 'ASCENDING' },
        { fieldPath: 'n', order: 'ASCENDING' },
      ],
    });
  });
});

describe('which declared indexes serve', () => {
  const stateThenPopulation = (direction: string, scope = 'COLLECTION') =>
    config({
      indexes: [
        {
          collectionGroup: 'cities',
          queryScope: scope,
          fields: [
            { fieldPath: 'state', order: 'ASCENDING' },
            { fieldPath: 'population', order: direction },
          ],
        },
      ],
    });

  test('the exact index serves; the wrong direction does not (no backward scans)', () => {
    const asc = q({ filter: where('state', '=='), order: [['population', 'asc']] });
    const desc = q({ filter: where('state', '=='), order: [['population', 'desc']] });
    expect(needs(stateThenPopulation('ASCENDING'), asc)).toBe('served');
    expect(needs(stateThenPopulation('ASCENDING'), desc)).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'DESCENDING' },
      ],
    });
    expect(needs(stateThenPopulation('DESCENDING'), desc)).toBe('served');
  });

  test('an equality field may be declared in either direction', () => {
    const index = config({
      indexes: [
        {
          collectionGroup: 'cities',
          fields: [
            { fieldPath: 'state', order: 'DESCENDING' },
            { fieldPath: 'population', order: 'ASCENDING' },
          ],
        },
      ],
    });
    expect(needs(index, q({ filter: where('state', '=='), order: [['population', 'asc']] }))).toBe('served');
  });

  test('the index of another collection, or of another scope, does not serve', () => {
    const query = q({ filter: where('state', '=='), order: [['population', 'asc']], collection: 'towns' });
    expect(needs(stateThenPopulation('ASCENDING'), query)).not.toBe('served');
    const collectionQuery = q({ filter: where('state', '=='), order: [['population', 'asc']] });
    expect(needs(stateThenPopulation('ASCENDING', 'COLLECTION_GROUP'), collectionQuery)).not.toBe('served');
  });

  test('an index with an extra leading field that the query does not fix does not serve', () => {
    const index = config({
      indexes: [
        {
          collectionGroup: 'cities',
          fields: [
            { fieldPath: 'country', order: 'ASCENDING' },
            { fieldPath: 'state', order: 'ASCENDING' },
            { fieldPath: 'population', order: 'ASCENDING' },
          ],
        },
      ],
    });
    expect(needs(index, q({ filter: where('state', '=='), order: [['population', 'asc']] }))).not.toBe(
      'served',
    );
    expect(
      needs(
        index,
        q({ filter: and(where('state', '=='), where('country', '==')), order: [['population', 'asc']] }),
      ),
    ).toBe('served');
  });

  test('two indexes with the same order are merged to cover two equalities; one alone is not enough', () => {
    const byState = {
      collectionGroup: 'cities',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    };
    const byCountry = {
      collectionGroup: 'cities',
      fields: [
        { fieldPath: 'country', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    };
    const query = q({
      filter: and(where('state', '=='), where('country', '==')),
      order: [['population', 'asc']],
    });
    expect(needs(config({ indexes: [byState, byCountry] }), query)).toBe('served');
    expect(needs(config({ indexes: [byState] }), query)).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'country', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('array-contains needs arrayConfig CONTAINS in the index, not an order', () => {
    const ordered = config({
      indexes: [
        {
          collectionGroup: 'cities',
          fields: [
            { fieldPath: 'regions', order: 'ASCENDING' },
            { fieldPath: 'name', order: 'ASCENDING' },
          ],
        },
      ],
    });
    const contains = config({
      indexes: [
        {
          collectionGroup: 'cities',
          fields: [
            { fieldPath: 'regions', arrayConfig: 'CONTAINS' },
            { fieldPath: 'name', order: 'ASCENDING' },
          ],
        },
      ],
    });
    const query = q({ filter: where('regions', 'array-contains'), order: [['name', 'asc']] });
    expect(needs(ordered, query)).not.toBe('served');
    expect(needs(contains, query)).toBe('served');
  });

  test('field paths are compared in canonical form (nested and quoted)', () => {
    const index = config({
      indexes: [
        {
          collectionGroup: 'audit',
          fields: [
            { fieldPath: 'actor.uid', order: 'ASCENDING' },
            { fieldPath: '`at`', order: 'DESCENDING' },
          ],
        },
      ],
    });
    expect(
      needs(index, q({ collection: 'audit', filter: where('actor.uid', '=='), order: [['at', 'desc']] })),
    ).toBe('served');
  });
});

describe('collection groups and field overrides', () => {
  test('a collection-group query with no filter needs nothing; with a filter it needs an override', () => {
    expect(needs(NONE, q({ group: true }))).toBe('served');
    expect(needs(NONE, q({ group: true, filter: where('state', '==') }))).toEqual({
      collectionGroup: 'cities',
      fieldPath: 'state',
      indexes: [
        { order: 'ASCENDING', queryScope: 'COLLECTION' },
        { order: 'DESCENDING', queryScope: 'COLLECTION' },
        { arrayConfig: 'CONTAINS', queryScope: 'COLLECTION' },
        { order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' },
      ],
    });
  });

  test('an override enabling the collection-group index serves it', () => {
    const override = config({
      fieldOverrides: [
        {
          collectionGroup: 'cities',
          fieldPath: 'state',
          indexes: [
            { order: 'ASCENDING', queryScope: 'COLLECTION' },
            { order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' },
          ],
        },
      ],
    });
    expect(needs(override, q({ group: true, filter: where('state', '==') }))).toBe('served');
    // Descending was left out of the override: it no longer exists, in either scope.
    expect(needs(override, q({ group: true, order: [['state', 'desc']] }))).not.toBe('served');
    expect(needs(override, q({ order: [['state', 'desc']] }))).not.toBe('served');
    expect(needs(override, q({ order: [['state', 'asc']] }))).toBe('served');
  });

  test('a collection-group composite index serves the group query', () => {
    const index = config({
      indexes: [
        {
          collectionGroup: 'cities',
          queryScope: 'COLLECTION_GROUP',
          fields: [
            { fieldPath: 'state', order: 'ASCENDING' },
            { fieldPath: 'population', order: 'ASCENDING' },
          ],
        },
      ],
    });
    const query = q({ group: true, filter: where('state', '=='), order: [['population', 'asc']] });
    expect(needs(index, query)).toBe('served');
    expect(needs(NONE, query)).toEqual({
      collectionGroup: 'cities',
      queryScope: 'COLLECTION_GROUP',
      fields: [
        { fieldPath: 'state', order: 'ASCENDING' },
        { fieldPath: 'population', order: 'ASCENDING' },
      ],
    });
  });

  test('an exempted field (indexes: []) cannot be filtered without a composite index', () => {
    const exempt = config({ fieldOverrides: [{ collectionGroup: 'cities', fieldPath: 'bio', indexes: [] }] });
    expect(needs(exempt, q({ filter: where('bio', '==') }))).toEqual({
      collectionGroup: 'cities',
      fieldPath: 'bio',
      indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION' }],
    });
    expect(needs(exempt, q({ filter: where('name', '==') }))).toBe('served');
    // The exemption is per collection group.
    expect(needs(exempt, q({ collection: 'towns', filter: where('bio', '==') }))).toBe('served');
  });

  test('an override with only a TTL policy keeps the automatic indexes', () => {
    const ttl = config({ fieldOverrides: [{ collectionGroup: 'cities', fieldPath: 'expireAt', ttl: true }] });
    expect(needs(ttl, q({ order: [['expireAt', 'asc']] }))).toBe('served');
  });
});

describe('queries the check leaves alone', () => {
  test('a kindless query (no collection id)', () => {
    expect(checkQueryIndexes(NONE, { from: [{ allDescendants: true }] })).toEqual({ ok: true });
  });
});

describe('the configuration file and the error', () => {
  test('malformed files are refused with where and what', () => {
    expect(() => parseIndexConfig([])).toThrow('firestore.indexes.json: top level: must be an object');
    expect(() => parseIndexConfig({ indexes: [{ collectionGroup: 'c', fields: [] }] })).toThrow(
      'firestore.indexes.json: indexes[0]: fields must be a non-empty array',
    );
    expect(() =>
      parseIndexConfig({ indexes: [{ collectionGroup: 'c', fields: [{ fieldPath: 'a', order: 'UP' }] }] }),
    ).toThrow(
      'firestore.indexes.json: indexes[0].fields[0]: each field needs "order": "ASCENDING"|"DESCENDING" or "arrayConfig": "CONTAINS"',
    );
    expect(() =>
      parseIndexConfig({
        indexes: [
          { collectionGroup: 'c', queryScope: 'X', fields: [{ fieldPath: 'a', order: 'ASCENDING' }] },
        ],
      }),
    ).toThrow('queryScope must be COLLECTION or COLLECTION_GROUP, not "X"');
  });

  test('the error is FAILED_PRECONDITION and carries the JSON to paste', () => {
    const verdict = checkQueryIndexes(
      NONE,
      q({ filter: where('state', '=='), order: [['population', 'desc']] }),
    );
    if (verdict.ok) throw new Error('expected a missing index');
    const err = missingIndexError(verdict);
    expect(err.code).toBe(Code.FAILED_PRECONDITION);
    expect(err.message).toBe(
      'The query requires an index. Add this composite index to "indexes" in firestore.indexes.json: ' +
        '{"collectionGroup":"cities","queryScope":"COLLECTION","fields":[{"fieldPath":"state","order":"ASCENDING"},{"fieldPath":"population","order":"DESCENDING"}]}',
    );
  });
});
