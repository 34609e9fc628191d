/**
 * Connections do not live forever (emulator/README.md, "Connections"): a socket that
 * never says which protocol it speaks, an HTTP/1.1 request whose headers never finish,
 * an idle kept-alive HTTP/1.1 socket and an idle gRPC (HTTP/2) connection are all
 * closed by the emulator. Timeouts are shortened here; the defaults are in server.ts.
 */
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { startFirestoreEmulator, type RunningEmulator } from '../../emulator/src';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startFirestoreEmulator({
    port: 0,
    log: () => undefined,
    connections: {
      idleTimeoutMs: 1000,
      keepAliveTimeoutMs: 300,
      headersTimeoutMs: 300,
      grpcIdleTimeoutMs: 400,
      grpcKeepaliveTimeMs: 300,
      grpcKeepaliveTimeoutMs: 300,
    },
  });
});
afterAll(() => emulator.stop());

/** Connects a raw socket, sends `bytes`, and resolves with what came back once the server closed it. */
function closedByServer(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(emulator.port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', () => {
      if (bytes) socket.write(bytes);
    });
  });
}

test('a socket that sends nothing is closed', async () => {
  expect(await closedByServer('')).toBe('');
});

test('an HTTP/1.1 request whose headers never finish is closed with 408', async () => {
  const answer = await closedByServer('GET / HTTP/1.1\r\nHost: emulator\r\nX-Slow: ');
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
});

test('an idle kept-alive HTTP/1.1 socket is closed after its answer', async () => {
  const answer = await closedByServer('GET / HTTP/1.1\r\nHost: emulator\r\nConnection: keep-alive\r\n\r\n');
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  expect(answer).toContain('Ok\n');
});

test('an idle gRPC (HTTP/2) connection is sent GOAWAY and closed', async () => {
  const session = http2.connect(`http://127.0.0.1:${emulator.port}`);
  const events: string[] = [];
  session.on('goaway', () => events.push('goaway'));
  session.on('error', () => undefined);
  await new Promise<void>((resolve) => session.on('close', () => resolve()));
  expect(events).toContain('goaway');
});

test('a peer that opened HTTP/2 and then stopped answering (half-open) is dropped', async () => {
  // The HTTP/2 preface and an empty SETTINGS frame, then silence: no SETTINGS ack,
  // no answer to the keep-alive pings.
  const preface = 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n';
  const settings = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]).toString('latin1');
  const received = await closedByServer(preface + settings);
  expect(received.length).toBeGreaterThan(0); // the server spoke HTTP/2 before closing
  // The emulator's side of the socket closes as soon as our FIN arrives.
  for (let i = 0; i < 100 && emulator.openConnections() > 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(emulator.openConnections()).toBe(0);
});
