/**
 * REST answers are gzipped when the client allows it and the body is worth it (over 1 KB):
 * the decoded JSON is the same with and without `Accept-Encoding`, small answers stay plain,
 * and a runQuery answer (a JSON array of stream messages) survives compression whole.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { adminFirestore, closeClients, emulatorAddress, uniqueProjectId } from '../helpers/firestore';
import { acceptsGzip } from '../../emulator/src/rest';

afterAll(closeClients);

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP/1.1 request (fetch would add its own Accept-Encoding and decode for us). */
function raw(path: string, body: unknown, acceptEncoding?: string): Promise<RawAnswer> {
  const { host, port } = emulatorAddress();
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port,
        path,
        method: 'POST',
        headers: {
          authorization: 'Bearer owner',
          'content-type': 'application/json',
          ...(acceptEncoding !== undefined ? { 'accept-encoding': acceptEncoding } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function decoded(answer: RawAnswer): unknown {
  const bytes = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
  return JSON.parse(bytes.toString('utf8'));
}

describe('gzip of REST answers', () => {
  const projectId = uniqueProjectId('gzip');
  const root = `/v1/projects/${projectId}/databases/(default)/documents`;
  const query = {
    structuredQuery: { from: [{ collectionId: 'people' }], orderBy: [{ field: { fieldPath: 'n' } }] },
  };

  beforeAll(async () => {
    const db = adminFirestore(projectId);
    const batch = db.batch();
    for (let n = 0; n < 40; n++) {
      batch.set(db.doc(`people/p${String(n).padStart(2, '0')}`), {
        n,
        note: 'Nguyễn Văn A — cán bộ '.repeat(5),
      });
    }
    batch.set(db.doc('tiny/one'), { n: 1 });
    await batch.commit();
  });

  test('a large runQuery answer is gzipped when allowed and decodes to the same array', async () => {
    const plain = await raw(`${root}:runQuery`, query);
    const zipped = await raw(`${root}:runQuery`, query, 'gzip, deflate, br');
    expect(plain.status).toBe(200);
    expect(zipped.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toContain('Accept-Encoding');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);

    const a = decoded(plain) as { document?: { name: string }; readTime?: string; done?: boolean }[];
    const b = decoded(zipped) as typeof a;
    expect(a).toHaveLength(40);
    expect(b).toHaveLength(40);
    // Read times differ between two requests; everything else is the same.
    const strip = (xs: typeof a) => xs.map(({ readTime: _t, ...rest }) => rest);
    expect(strip(b)).toEqual(strip(a));
    expect(b[0]!.document!.name).toBe(`projects/${projectId}/databases/(default)/documents/people/p00`);
    expect(b[39]!.done).toBe(true);
  });

  test('gzip;q=0 and identity-only clients get the plain body', async () => {
    for (const header of ['gzip;q=0', 'identity', 'br', '*;q=0']) {
      const answer = await raw(`${root}:runQuery`, query, header);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(decoded(answer)).toHaveLength(40);
    }
    const star = await raw(`${root}:runQuery`, query, '*');
    expect(star.headers['content-encoding']).toBe('gzip');
  });

  test('a small answer stays plain even when gzip is allowed', async () => {
    const small = await raw(
      `${root}:runQuery`,
      { structuredQuery: { from: [{ collectionId: 'tiny' }] } },
      'gzip',
    );
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const messages = decoded(small) as { document: { fields: unknown } }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]!.document.fields).toEqual({ n: { integerValue: '1' } });
  });

  test('errors are JSON as before', async () => {
    const answer = await raw(`${root}:runQuery`, { structuredQuery: { from: [{}], limit: -1 } }, 'gzip');
    expect(answer.status).toBe(400);
    expect((decoded(answer) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
  });
});

describe('acceptsGzip', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['deflate, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.0', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
    ['br, deflate', false],
  ])('%p → %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
