/**
 * A StrykerJS ignore plugin (`ignorers: ['message-text']` in stryker.config.mjs):
 * mutants that can only change the wording of a user-facing text, never an
 * outcome, code, flag, count or date. Ignored (reported as such, outside the
 * score):
 * - the arguments of a call to `message(key, params)`, `text(key, vi, en)`,
 *   `fill(template, params)` or `joinBoth(parts, sep)`: the catalogue key and
 *   the values put into the text (packages/model/src/messages);
 * - the bodies of the helpers that only build text in
 *   functions/src/domain/movement-checks.ts: `text`, `joinBoth`,
 *   `relationLabel`.
 * Everything else in functions/src/domain is mutated, string literals that
 * decide something (a check code, a movement type, a status) included.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const TEXT_CALLS = new Set(['message', 'text', 'fill', 'joinBoth']);
const TEXT_HELPERS = new Set(['text', 'joinBoth', 'relationLabel']);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    shouldIgnore(path) {
      const node = path.node;
      if (
        node.type === 'CallExpression' &&
        node.callee.type === 'Identifier' &&
        TEXT_CALLS.has(node.callee.name)
      )
        return `Message text: the arguments of ${node.callee.name}() only change a text's wording`;
      if (node.type === 'FunctionDeclaration' && node.id && TEXT_HELPERS.has(node.id.name))
        return `Message text: ${node.id.name}() only builds a text`;
      return undefined;
    },
  }),
];
