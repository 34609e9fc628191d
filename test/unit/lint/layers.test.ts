/**
 * The layer rules of eslint.config.mjs, each on both sides: an import that
 * crosses a layer boundary is an error, the same file with an allowed import
 * is clean. The ESLint Node API runs in a child process (its flat config is an
 * ES module, which Jest's module loader cannot import), on snippets linted as
 * if they lived at the given path; the files need not exist.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Case {
  filePath: string;
  code: string;
}

interface Finding {
  ruleId: string | null;
  message: string;
}

/** Lints every case with the repository's ESLint config, in one child process. */
function lint(cases: Case[]): Finding[][] {
  const runner = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
      out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', runner, JSON.stringify(cases)],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return JSON.parse(stdout) as Finding[][];
}

/** An import statement that uses what it imports, so no other rule fires. */
const importing = (source: string) => `import * as m from '${source}';\nexport const used = m;\n`;

/** [layer, file, import that must fail, the rule that reports it, import that passes] */
const CASES: [string, string, string, string, string][] = [
  [
    'domain: firebase-admin',
    'functions/src/domain/probe.ts',
    'firebase-admin/firestore',
    'no-restricted-imports',
    '@canbo/model',
  ],
  [
    'domain: firebase-functions',
    'functions/src/domain/probe.ts',
    'firebase-functions/v2/https',
    'no-restricted-imports',
    'zod',
  ],
  [
    'domain: the firebase JS SDK',
    'functions/src/domain/probe.ts',
    'firebase/firestore',
    'no-restricted-imports',
    './quota',
  ],
  ['domain: services/', 'functions/src/domain/probe.ts', '../services/alerts', 'canbo/layers', './dates'],
  ['domain: api/', 'functions/src/domain/probe.ts', '../api/handler', 'canbo/layers', './units'],
  [
    'domain: data/ (the repository)',
    'functions/src/domain/probe.ts',
    '../data/refs',
    'canbo/layers',
    '../../../data/catalogue/norms.json',
  ],
  ['domain: lib/', 'functions/src/domain/sub/probe.ts', '../../lib/errors', 'canbo/layers', '../quota'],
  [
    'domain: config (firebase-functions/params)',
    'functions/src/domain/probe.ts',
    '../config',
    'canbo/layers',
    './norms',
  ],
  [
    'model: a package other than zod',
    'packages/model/src/probe.ts',
    'firebase-functions',
    'no-restricted-imports',
    'zod',
  ],
  [
    'model: @canbo/model itself by name',
    'packages/model/src/probe.ts',
    '@canbo/model',
    'no-restricted-imports',
    './roles',
  ],
  [
    'model: functions/ by path',
    'packages/model/src/messages/probe.ts',
    '../../../../functions/src/lib/errors',
    'canbo/layers',
    '../roles',
  ],
  ['api: data/', 'functions/src/api/probe.ts', '../data/repositories', 'canbo/layers', '../services'],
  [
    'api: firebase-admin/firestore',
    'functions/src/api/probe.ts',
    'firebase-admin/firestore',
    'no-restricted-imports',
    'firebase-functions/v2/https',
  ],
  [
    'emulator: functions/',
    'emulator/src/probe.ts',
    '../../functions/src/domain/quota',
    'canbo/layers',
    './store',
  ],
  [
    'emulator: packages/model by path',
    'emulator/src/rules/probe.ts',
    '../../../packages/model/src',
    'canbo/layers',
    '../values',
  ],
  [
    'emulator: @canbo/model',
    'emulator/src/probe.ts',
    '@canbo/model',
    'no-restricted-imports',
    '@grpc/grpc-js',
  ],
  [
    'hosting: firebase-admin',
    'hosting/src/probe.ts',
    'firebase-admin/auth',
    'no-restricted-imports',
    'firebase/auth',
  ],
  [
    // Pages take values from the model's zod-free modules only (issue 10's budget).
    'hosting: firebase-functions',
    'hosting/src/probe.ts',
    'firebase-functions',
    'no-restricted-imports',
    '@canbo/model/messages',
  ],
  [
    'hosting: the model root, zod and all',
    'hosting/src/probe.ts',
    '@canbo/model',
    'no-restricted-imports',
    '@canbo/model/ids',
  ],
  ['hosting: functions/', 'hosting/src/probe.ts', '../../functions/src/api/handler', 'canbo/layers', './app'],
];

let results: Finding[][];

beforeAll(() => {
  results = lint(
    CASES.flatMap(([, filePath, bad, , good]) => [
      { filePath, code: importing(bad) },
      { filePath, code: importing(good) },
    ]),
  );
}, 60000);

test.each(CASES.map((c, i) => [...c, i] as const))(
  '%s: %s importing %s fails (%s), importing %s passes',
  (_label, _file, _bad, rule, _good, i) => {
    const failing = results[2 * i]!;
    const passing = results[2 * i + 1]!;
    expect(failing.map((f) => f.ruleId)).toEqual([
      rule === 'canbo/layers' ? 'canbo/layers' : '@typescript-eslint/no-restricted-imports',
    ]);
    expect(passing).toEqual([]);
  },
);

test('a type-only import crosses the boundary too', () => {
  const [findings] = lint([
    {
      filePath: 'functions/src/domain/probe.ts',
      code: "import type { Firestore } from 'firebase-admin/firestore';\nexport type F = Firestore;\n",
    },
  ]);
  expect(findings!.map((f) => f.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
});

test('the message says why', () => {
  const [findings] = lint([{ filePath: 'functions/src/api/probe.ts', code: importing('../data/refs') }]);
  expect(findings!.map((f) => f.message)).toEqual([
    "functions/src/api may not import '../data/refs' (functions/src/data/refs): callables reach data only through the use cases in services/.",
  ]);
});
