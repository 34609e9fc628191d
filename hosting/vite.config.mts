/**
 * The web client's build (`npm run build` runs it; `npm start` serves hosting/dist through the Hosting
 * emulator). `@canbo/model` is read from its sources, as in the tests, so the browser bundles exactly the
 * modules it imports: pages import labels and messages from zod-free modules
 * (`@canbo/model/messages`, `@canbo/model/ids`) and only types from the package root (eslint.config.mjs).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, loadEnv, type HtmlTagDescriptor, type Plugin } from 'vite';

const model = fileURLToPath(new URL('../packages/model/src', import.meta.url));
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Connections to the Auth and Firestore servers opened while the scripts download, so that restoring the
 * session and the first read do not each start with a TCP (and TLS) handshake: on a 150 ms link that is a
 * round trip or two each. The servers are those src/lib/firebase.ts talks to: with a `demo-` project (no
 * VITE_FIREBASE_CONFIG, or one whose projectId starts with `demo-`) the emulators on the host that served
 * the page (known only in the browser, hence a small inline script), else Google's APIs. `crossorigin`: the
 * SDKs' requests are CORS requests without credentials, which use the anonymous connection pool.
 */
function preconnect(mode: string): Plugin {
  const given = loadEnv(mode, root, 'VITE_').VITE_FIREBASE_CONFIG;
  const projectId = given
    ? String((JSON.parse(given) as { projectId?: string }).projectId ?? '')
    : 'demo-canbo';
  const demo = projectId.startsWith('demo-');
  const link = (href: string): HtmlTagDescriptor => ({
    tag: 'link',
    attrs: { rel: 'preconnect', href, crossorigin: '' },
    injectTo: 'head-prepend',
  });
  const tags: HtmlTagDescriptor[] = demo
    ? [
        {
          tag: 'script',
          // Auth emulator 9099, Firestore 8080 (firebase.json), on the page's own host.
          children:
            "for(const p of [9099,8080]){const l=document.createElement('link');l.rel='preconnect';" +
            "l.href=location.protocol+'//'+location.hostname+':'+p;l.crossOrigin='';document.head.append(l)}",
          injectTo: 'head-prepend',
        },
      ]
    : ['https://identitytoolkit.googleapis.com', 'https://firestore.googleapis.com'].map(link);
  return {
    name: 'canbo-preconnect',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.filename.endsWith('rate.html') ? html : { html, tags }),
    },
  };
}

export default defineConfig(({ mode }) => ({
  root,
  plugins: [preact({ prerender: { enabled: false } }), preconnect(mode)],
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
}));
