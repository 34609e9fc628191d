/** Route patterns (pure: test/unit/hosting/format.test.ts). */

/** Whether a path matches a route pattern (`/communes/:code`: a parameter is one non-empty segment). */
export function matchesPath(path: string, pattern: string): boolean {
  const a = path.replace(/\/+$/, '').split('/');
  const b = pattern.replace(/\/+$/, '').split('/');
  return a.length === b.length && b.every((seg, i) => (seg.startsWith(':') ? a[i] !== '' : seg === a[i]));
}
