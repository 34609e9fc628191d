/**
 * The web client's build (`npm run build` runs it; `npm start` serves hosting/dist through the Hosting
 * emulator). `@canbo/model` is read from its sources, as in the tests, so the browser bundles exactly the
 * modules it imports: pages import labels and messages from zod-free modules
 * (`@canbo/model/messages`, `@canbo/model/ids`) and only types from the package root (eslint.config.mjs).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const model = fileURLToPath(new URL('../packages/model/src', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact({ prerender: { enabled: false } })],
  resolve: { alias: [{ find: /^@canbo\/model/, replacement: model }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed file names under assets/: firebase.json caches them for a year (immutable).
    assetsDir: 'assets',
    reportCompressedSize: true,
    // Two pages: the app, and the citizen rating page (rate.html, src/citizen/: no Firebase SDK, issue 11).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        rate: fileURLToPath(new URL('rate.html', import.meta.url)),
      },
    },
  },
});
