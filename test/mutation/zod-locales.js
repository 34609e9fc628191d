// zod's locale table, for mutation runs only (moduleNameMapper of
// test/mutation/jest.config.js): zod's core requires every one of its ~50
// locales when it loads, about 260 of its 410 ms on the 2-core machine, and
// jest loads zod again for every test file of every mutant's run. Here a
// locale is loaded when it is first read (functions/src/lib/errors.ts reads
// `vi` and `en`), and the table is the same: one entry per locale of zod's own.
const fs = require('node:fs');
const path = require('node:path');

const index = require.resolve('zod/v4/locales/index.cjs');
const source = fs.readFileSync(index, 'utf8');
const fileOf = new Map(
  [...source.matchAll(/var (\w+) = require\("\.\/([\w-]+\.cjs)"\);/g)].map(([, variable, file]) => [
    variable,
    file,
  ]),
);

Object.defineProperty(exports, '__esModule', { value: true });
for (const [, name, variable] of source.matchAll(
  /Object\.defineProperty\(exports, "(\w+)", \{[^}]*?\((\w+)\)\.default/g,
)) {
  const file = fileOf.get(variable);
  if (!file) continue;
  Object.defineProperty(exports, name, {
    enumerable: true,
    get: () => {
      // As zod's index reads it (__importDefault(...).default).
      const mod = require(path.join(path.dirname(index), file));
      return mod && mod.__esModule ? mod.default : mod;
    },
  });
}
