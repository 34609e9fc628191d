#!/usr/bin/env node
// `npm start`: runs the local system. For now this is our Firestore emulator
// with the project's rules and data kept in .data/ between runs; the Auth,
// Functions, Hosting and Cloud Tasks emulators, the demo seed and demo accounts
// join it with the data-model issue. Ctrl-C stops it and keeps the data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.FIRESTORE_PORT ?? '8080';
console.log('canbo: starting the Firestore emulator only (the rest of the stack is not wired in yet).');
const child = spawn(
  process.execPath,
  [
    path.join(root, 'emulator/bin/firestore-emulator.js'),
    '--host',
    '127.0.0.1',
    '--port',
    port,
    '--rules',
    path.join(root, 'firestore.rules'),
    '--data',
    path.join(root, '.data/firestore.json'),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
