import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { staleOutputs } from '../../../scripts/start/build';

test('outputs whose source was deleted or moved are stale; the rest are kept', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-build-'));
  try {
    const files: Record<string, string> = {
      'src/index.ts': '',
      'src/services/movements/index.ts': '',
      'src/view.tsx': '',
      'lib/index.js': '',
      'lib/index.js.map': '',
      'lib/index.d.ts': '',
      'lib/view.js': '',
      'lib/tsconfig.tsbuildinfo': '',
      'lib/data.json': '',
      // services/movements.ts became services/movements/index.ts: its old outputs remain.
      'lib/services/movements.js': '',
      'lib/services/movements.js.map': '',
      'lib/services/movements.d.ts': '',
      'lib/services/movements.d.ts.map': '',
      'lib/services/movements/index.js': '',
      'lib/services/users.js': '',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    expect(staleOutputs(path.join(root, 'lib'), path.join(root, 'src'))).toEqual([
      'services/movements.d.ts',
      'services/movements.d.ts.map',
      'services/movements.js',
      'services/movements.js.map',
      'services/users.js',
    ]);
    expect(staleOutputs(path.join(root, 'absent'), path.join(root, 'src'))).toEqual([]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
