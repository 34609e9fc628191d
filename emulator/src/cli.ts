/**
 * `firestore-emulator --host 127.0.0.1 --port 8080 [--rules firestore.rules] [--data .data/firestore.json]
 *   [--indexes firestore.indexes.json] [--no-index-check]`
 * Prints one line when ready; exits cleanly on SIGINT and SIGTERM after saving.
 */
import { parseArgs } from 'node:util';
import { startFirestoreEmulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      rules: { type: 'string' },
      data: { type: 'string' },
      indexes: { type: 'string' },
      'no-index-check': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: firestore-emulator [--host 127.0.0.1] [--port 8080] [--rules firestore.rules] [--data file.json]\n' +
        '                          [--indexes firestore.indexes.json] [--no-index-check]\n' +
        '  --indexes         refuse queries that the declared and automatic indexes do not serve, as production does\n' +
        '  --no-index-check  ignore --indexes (also: FIRESTORE_EMULATOR_INDEXES=off in the environment)\n',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
  const indexCheck =
    values.indexes !== undefined &&
    !values['no-index-check'] &&
    process.env.FIRESTORE_EMULATOR_INDEXES !== 'off';
  const emulator = await startFirestoreEmulator({
    host: values.host,
    port,
    rules: values.rules,
    dataFile: values.data,
    ...(indexCheck ? { indexes: values.indexes } : {}),
  });
  const docs = emulator.service.allDatabases().reduce((n, s) => n + s.db.size, 0);
  if (!values.rules) {
    process.stdout.write(
      'No security rules loaded: every request is allowed until rules are given (--rules or PUT :securityRules), as the official emulator does.\n',
    );
  }
  process.stdout.write(
    `Firestore emulator ready on ${emulator.host}:${emulator.port} (gRPC and REST)` +
      (values.data ? `, data ${values.data} (${docs} documents)` : '') +
      (indexCheck ? `, indexes ${values.indexes}` : ', no index check') +
      '\n',
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => {
        const j = emulator.journal?.stats;
        if (j) {
          process.stdout.write(
            `Journal: ${j.commits} commits in ${j.flushes} fsyncs, ${j.compactions} compactions.\n`,
          );
        }
        process.stdout.write(`Firestore emulator stopped (${signal}), data saved.\n`);
        process.exit(0);
      },
      (err: unknown) => {
        process.stderr.write(`Error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`firestore-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
