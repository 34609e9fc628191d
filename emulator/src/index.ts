/** Public API of the emulator package. */
export { startFirestoreEmulator, type EmulatorOptions, type RunningEmulator } from './server';
export { FirestoreService } from './service';
export { Code, EmulatorError } from './errors';
export { compareValues, indexKey } from './values';
export { compareSegments, compareResourceNames } from './paths';
export { parseFieldPath, formatFieldPath } from './fieldpath';
