/** Stops the emulator started by global-setup.ts, if it started one. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__CANBO_EMULATOR__?.stop();
}
