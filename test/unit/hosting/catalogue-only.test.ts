/**
 * "Every label and error message comes from one catalogue" (issue 10): the
 * web client's core (hosting/src outside the movement, audit and citizen
 * pages, which their owners check) writes no Vietnamese text of its own in
 * code; its labels are keys of packages/model/src/messages/. Comments may
 * use Vietnamese terms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SRC = join(ROOT, 'hosting/src');
const OTHERS = ['pages/movements', 'pages/audit', 'citizen'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return OTHERS.includes(relative(SRC, path)) ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Letters only Vietnamese uses (with their tone marks), lower and upper case. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('the web client core writes its texts through the catalogue', () => {
  test('no Vietnamese text in code outside comments', () => {
    const found = files(SRC).flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => VIETNAMESE.test(line))
        .map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  test('the scan sees the core files', () => {
    const names = files(SRC).map((f) => relative(SRC, f));
    expect(names).toEqual(
      expect.arrayContaining(['app.tsx', 'pages/overview.tsx', 'pages/SignIn.tsx', 'lib/errors.ts']),
    );
    expect(names.some((n) => n.startsWith('pages/movements/'))).toBe(false);
  });
});
