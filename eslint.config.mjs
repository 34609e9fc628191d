// ESLint flat config: typescript-eslint's recommended rules on all TypeScript,
// and the layer rules of the project (which folder may import what), checked
// by test/unit/lint/layers.test.ts.
import * as path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * `canbo/layers`: relative imports resolved against the importing file, so
 * that "functions/src/data" and the repository's own "data/" folder are told
 * apart whatever the depth (no-restricted-imports only sees the text of the
 * specifier). Options: `forbidden` (folders or files without extension, from
 * the repository root, that the layer may not reach) and `confinedTo` (folders that every
 * relative import must stay inside). Bare specifiers (packages) are left to
 * @typescript-eslint/no-restricted-imports below.
 */
const ROOT = path.dirname(new URL(import.meta.url).pathname);
const inside = (target, dir) => {
  const rel = path.relative(path.join(ROOT, dir), target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
const layersPlugin = {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'Keeps each layer to the folders it may import from' },
        schema: [
          {
            type: 'object',
            properties: {
              layer: { type: 'string' },
              forbidden: { type: 'array', items: { type: 'string' } },
              confinedTo: { type: 'array', items: { type: 'string' } },
              why: { type: 'string' },
            },
            additionalProperties: false,
          },
        ],
        messages: {
          forbidden: "{{layer}} may not import '{{source}}' ({{target}}): {{why}}",
          outside: "{{layer}} may not import '{{source}}' from outside {{allowed}}: {{why}}",
        },
      },
      create(context) {
        const { layer = 'this layer', forbidden = [], confinedTo, why = '' } = context.options[0] ?? {};
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          // Extensionless, as TypeScript resolves it: '../config' and '../config.js' are one file.
          const target = path
            .resolve(path.dirname(context.filename), source)
            .replace(/\.(d\.ts|ts|tsx|js|jsx|mjs|cjs)$/, '');
          const shown = path.relative(ROOT, target);
          const hit = forbidden.find((dir) => inside(target, dir));
          if (hit) {
            context.report({ node, messageId: 'forbidden', data: { layer, source, target: shown, why } });
          } else if (confinedTo && !confinedTo.some((dir) => inside(target, dir))) {
            context.report({
              node,
              messageId: 'outside',
              data: { layer, source, allowed: confinedTo.join(', '), why },
            });
          }
        };
        const fromSource = (node) => node.source && check(node, node.source.value);
        return {
          ImportDeclaration: fromSource,
          ExportAllDeclaration: fromSource,
          ExportNamedDeclaration: fromSource,
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
          TSExternalModuleReference: (node) => check(node, node.expression.value),
          'CallExpression[callee.name="require"]': (node) =>
            node.arguments[0]?.type === 'Literal' && check(node, node.arguments[0].value),
        };
      },
    },
  },
};

/** Package patterns (gitignore style, as no-restricted-imports matches them). */
const FIREBASE_SERVER = ['firebase-admin', 'firebase-admin/*', 'firebase-functions', 'firebase-functions/*'];
const FIREBASE_ANY = [
  ...FIREBASE_SERVER,
  'firebase',
  'firebase/*',
  '@firebase/*',
  'firebase-*',
  '@google-cloud/*',
];

/** One layer: its files, the packages it may not import, and the rule on its relative imports. */
function layer(name, files, { packages, packagesWhy, relative }) {
  return {
    files,
    plugins: { canbo: layersPlugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: packages.map((p) => ({ ...p, message: p.message ?? packagesWhy })) },
      ],
      'canbo/layers': ['error', { layer: name, ...relative }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'emulator/dist/**',
      'functions/lib/**',
      'functions/dist/**',
      'packages/*/lib/**',
      'coverage/**',
      '.data/**',
      'hosting/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Layer rules (docs/data-model.md and README describe the layout).
  // The domain is pure TypeScript: rules of the law and arithmetic, testable
  // without any Firebase, and callable from the seed and any future client.
  layer('functions/src/domain', ['functions/src/domain/**/*.{ts,js}'], {
    packages: [{ group: FIREBASE_ANY }],
    packagesWhy: 'The domain is pure TypeScript; Firebase belongs to data/, services/ and api/.',
    relative: {
      forbidden: [
        'functions/src/services',
        'functions/src/api',
        'functions/src/data',
        'functions/src/lib',
        'functions/src/jobs',
        'functions/src/config',
        'functions/src/log',
        'functions/src/global-options',
        'functions/src/index',
      ],
      why: 'the domain depends on nothing of the server; the server depends on it.',
    },
  }),
  // The model package is what a browser bundles: zod is its only dependency.
  layer('packages/model', ['packages/model/**/*.{ts,js}'], {
    packages: [{ regex: '^(?!zod$|zod/|\\.)', message: 'The model package depends on zod only.' }],
    relative: {
      confinedTo: ['packages/model/src'],
      why: 'the model package imports nothing of the project; the project imports it.',
    },
  }),
  // A callable is "authenticate, parse, authorise, one use case, map errors":
  // it reaches Firestore only through the use cases in services/.
  layer('functions/src/api', ['functions/src/api/**/*.{ts,js}'], {
    packages: [{ group: ['firebase-admin/firestore', '@google-cloud/firestore'] }],
    packagesWhy: 'Callables reach data only through the use cases in services/.',
    relative: {
      forbidden: ['functions/src/data'],
      why: 'callables reach data only through the use cases in services/.',
    },
  }),
  // The emulator is a general Firestore emulator: it knows nothing of canbo.
  layer('emulator', ['emulator/**/*.{ts,js}'], {
    packages: [{ group: ['@canbo/model', '@canbo/model/*', '@canbo/functions', '@canbo/functions/*'] }],
    packagesWhy: 'The emulator is a general Firestore emulator and knows nothing of canbo.',
    relative: {
      forbidden: ['functions', 'packages/model'],
      why: 'the emulator is a general Firestore emulator and knows nothing of canbo.',
    },
  }),
  // The web client runs in a browser: no server SDKs, no server code.
  // Values come from the zod-free modules of the model (`@canbo/model/messages`, `@canbo/model/ids`):
  // the package root re-exports the zod schemas, about 100 KB gzipped in a page (hosting/README.md).
  layer('hosting/src', ['hosting/src/**/*.{ts,tsx,js,jsx}'], {
    packages: [
      { group: FIREBASE_SERVER },
      {
        regex: '^@canbo/model$',
        allowTypeImports: true,
        message:
          'Import only types from @canbo/model; values from @canbo/model/messages or /ids (no zod in pages).',
      },
    ],
    packagesWhy: 'The web client runs in a browser: use the firebase JS SDK and @canbo/model.',
    relative: {
      forbidden: ['functions'],
      why: 'the web client shares code with the server only through @canbo/model.',
    },
  }),
);
