/**
 * The rules language, expression by expression: literals, operators, paths,
 * member/index/range access, `in`, `is`, the conditional, and the standard
 * library (strings, lists, maps, sets, MapDiff, timestamps, durations, math,
 * conversions, lat/lng).
 */
import { Evaluator } from '../../../emulator/src/rules/evaluator';
import { parseExpression, parseRules, RulesSyntaxError } from '../../../emulator/src/rules/parser';
import { RMap, RPath, RTimestamp, fromJsonValue, type RValue } from '../../../emulator/src/rules/runtime';

const request = RMap.of({
  auth: RMap.of({
    uid: 'alice',
    token: fromJsonValue({ role: 'province_admin', communes: ['42001', '42004'] }),
  }),
  time: new RTimestamp(Date.UTC(2026, 10, 25, 8, 30, 15) * 1000),
});

function run(source: string, vars: Record<string, RValue> = {}): RValue {
  const evaluator = new Evaluator({
    request,
    resource: RMap.of({ data: fromJsonValue({ a: 1, name: 'x' }) }),
    lookup: () => null,
    maxLookups: 10,
    lookups: new Set(),
  });
  return evaluator.eval(parseExpression(source), Evaluator.scope(new Map(Object.entries(vars)), []));
}

const grants = (source: string) =>
  new Evaluator({ request, resource: null, lookup: () => null, maxLookups: 10, lookups: new Set() }).grants(
    parseExpression(source),
    Evaluator.scope(new Map(), []),
  );

describe('literals and operators', () => {
  test.each([
    ['1 + 2 * 3', 7n],
    ['(1 + 2) * 3', 9n],
    ['7 / 2', 3n],
    ['7.0 / 2', 3.5],
    ['7 % 3', 1n],
    ['-5 + 1', -4n],
    ['1 == 1.0', true],
    ['"a" + \'b\'', 'ab'],
    ['[1, 2] + [3]', [1n, 2n, 3n]],
    ['1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3', true],
    ['1 != 2', true],
    ['!true', false],
    ['true ? "yes" : "no"', 'yes'],
    ['null == null', true],
    ['2 in [1, 2]', true],
    ["'a' in {'a': 1}", true],
    ['1 is int && 1.5 is float && 1 is number && "s" is string && [1] is list && {} is map', true],
    ['null is null && true is bool', true],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  test('integer overflow and division by zero are errors', () => {
    expect(() => run('9223372036854775807 + 1')).toThrow('overflow');
    expect(() => run('1 / 0')).toThrow('Division by zero');
  });

  test('&& and || are decided by either side, errors only deny when nothing decides', () => {
    expect(grants('false && request.nothing')).toBe(false);
    expect(grants('request.nothing || true')).toBe(true);
    expect(grants('true || request.nothing')).toBe(true);
    expect(grants('request.nothing && false')).toBe(false);
    expect(grants('request.nothing && true')).toBe(false);
    expect(grants('request.nothing || false')).toBe(false);
    expect(grants('1')).toBe(false); // not a bool
  });
});

describe('access', () => {
  test('members, index, range, map literal', () => {
    expect(run('request.auth.uid')).toBe('alice');
    expect(run("request.auth.token['role']")).toBe('province_admin');
    expect(run('request.auth.token.communes[1]')).toBe('42004');
    expect(run('[1, 2, 3, 4][1:3]')).toEqual([2n, 3n]);
    expect(run("'hello'[1:3]")).toBe('el');
    expect(run("{'k': 1 + 1}.k")).toBe(2n);
    expect(() => run('request.auth.missing')).toThrow('undefined');
  });

  test('path literals interpolate and compare', () => {
    const p = run('/databases/$(db)/documents/units/$(request.auth.token.communes[0])', { db: '(default)' });
    expect(p).toBeInstanceOf(RPath);
    expect((p as RPath).toString()).toBe('/databases/(default)/documents/units/42001');
    expect(run("path('/databases/d/documents/a/b') == /databases/d/documents/a/b")).toBe(true);
    expect(run('/databases/d/documents/a/b[4]')).toBe('b');
  });
});

describe('standard library', () => {
  test.each([
    ["'Hà Tĩnh'.size()", 7n],
    ["'AbC'.lower() + 'x'.upper()", 'abcX'],
    ["' x '.trim()", 'x'],
    ["'42001'.matches('[0-9]{5}')", true],
    ["'42001x'.matches('[0-9]{5}')", false],
    ["'a,b'.split(',')", ['a', 'b']],
    ["'a-b-c'.replace('-', '+')", 'a+b+c'],
    ['[1, 2, 3].hasAll([1, 3])', true],
    ['[1, 2].hasAny([5, 2])', true],
    ['[1, 2].hasOnly([1, 2, 3])', true],
    ['[1, 2, 2].toSet().size()', 2n],
    ["['a', 'b'].join('/')", 'a/b'],
    ['[1, 2, 3].removeAll([2])', [1n, 3n]],
    ['[1].concat([2])', [1n, 2n]],
    ["{'a': 1, 'b': 2}.keys()", ['a', 'b']],
    ["{'a': 1}.values()", [1n]],
    ["{'a': 1}.get('z', 'default')", 'default'],
    ["{'a': {'b': 5}}.get(['a', 'b'], 0)", 5n],
    ["{'a': 1, 'b': 2}.size()", 2n],
    ['[1, 2].toSet().union([3].toSet()).size()', 3n],
    ['[1, 2].toSet().intersection([2, 3].toSet()) == [2].toSet()', true],
    ['[1, 2].toSet().difference([2].toSet()) == [1].toSet()', true],
    ['math.abs(-3) + math.floor(2.7) + math.ceil(0.2)', 6],
    ['math.sqrt(16.0) == 4.0 && math.pow(2, 10) == 1024.0', true],
    ['math.isNaN(float("NaN")) && math.isInfinite(1.0 / 0.0)', true],
    ["int('42') + int(2.9)", 44n],
    ["float(1) + float('0.5')", 1.5],
    ['string(5) + string(true) + string(null)', '5truenull'],
    ["bool('true')", true],
    ['request.time.year() * 10000 + request.time.month() * 100 + request.time.day()', 20261125n],
    ['request.time.hours() * 3600 + request.time.minutes() * 60 + request.time.seconds()', 30615n],
    ['request.time.dayOfWeek()', 3n],
    ['request.time + duration.value(1, "d") > request.time', true],
    ['(request.time - duration.value(90, "m")).hours()', 7n],
    ['timestamp.date(2026, 11, 25) == request.time.date()', true],
    ['duration.time(1, 30, 0, 0).seconds()', 5400n],
    ['(timestamp.value(2000) - timestamp.value(500)).seconds()', 1n],
    ['latlng.value(18.34, 105.9).latitude()', 18.34],
    ['latlng.value(0.0, 0.0).distance(latlng.value(0.0, 1.0)) > 111000', true],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  test('MapDiff reports added, removed, changed, affected and unchanged keys', () => {
    const after = "{'a': 1, 'b': 20, 'c': 3}";
    const before = "{'a': 1, 'b': 2, 'd': 4}";
    const keys = (fn: string) => run(`${after}.diff(${before}).${fn}() == ${setOf(fn)}`);
    function setOf(fn: string): string {
      return (
        {
          addedKeys: "['c'].toSet()",
          removedKeys: "['d'].toSet()",
          changedKeys: "['b'].toSet()",
          affectedKeys: "['b', 'c', 'd'].toSet()",
          unchangedKeys: "['a'].toSet()",
        } as Record<string, string>
      )[fn]!;
    }
    for (const fn of ['addedKeys', 'removedKeys', 'changedKeys', 'affectedKeys', 'unchangedKeys']) {
      expect(keys(fn)).toBe(true);
    }
    expect(run(`${after}.diff(${before}).affectedKeys().hasOnly(['b', 'c', 'd'])`)).toBe(true);
  });

  test('an unknown function is an error', () => {
    expect(() => run("'x'.frobnicate()")).toThrow('Function not found');
  });
});

describe('parser', () => {
  test('reports syntax errors with line and column', () => {
    try {
      parseRules(
        "rules_version = '2';\nservice cloud.firestore {\n  match /a/{b} {\n    allow read: if 1 +;\n  }\n}",
      );
      throw new Error('expected a syntax error');
    } catch (err) {
      expect(err).toBeInstanceOf(RulesSyntaxError);
      expect((err as RulesSyntaxError).line).toBe(4);
      expect((err as RulesSyntaxError).column).toBe(23);
    }
  });

  test('parses match blocks, wildcards, recursive wildcards, functions with lets', () => {
    const file = parseRules(`rules_version = '2';
service cloud.firestore {
  function signedIn() { return request.auth != null; }
  match /databases/{database}/documents {
    function inScope(code) {
      let communes = request.auth.token.communes;
      return code in communes;
    }
    match /units/{unit}/{rest=**} {
      allow read, update: if signedIn() && inScope(unit);
    }
    match /{path=**}/posts/{post} { allow list; }
  }
}`);
    expect(file.functions.map((f) => f.name)).toEqual(['signedIn']);
    const db = file.matches[0]!;
    expect(db.functions[0]!.lets.map((l) => l.name)).toEqual(['communes']);
    expect(db.matches[0]!.pattern).toEqual([
      { kind: 'literal', text: 'units' },
      { kind: 'wildcard', name: 'unit' },
      { kind: 'recursive', name: 'rest' },
    ]);
    expect(db.matches[0]!.allows[0]!.methods).toEqual(['get', 'list', 'update']);
    expect(db.matches[1]!.pattern[0]).toEqual({ kind: 'recursive', name: 'path' });
  });
});
