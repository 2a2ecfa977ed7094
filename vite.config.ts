// Builds the two browser apps: the small visitor page and the counsellor console.
// They share nothing at runtime except tiny common helpers, so a visitor never downloads
// console code (e2e/bundle.test.ts checks the built chunk graph).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, 'web');
const backend = process.env.BAKEN_DEV_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Preact's compatibility layer instead of React in the browser bundles: the same components,
  // a fraction of the bytes, which matters on a cheap phone with a poor connection.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  // No inline module-preload polyfill script: the CSP allows only same-origin script files.
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      input: {
        visitor: resolve(root, 'visitor/index.html'),
        console: resolve(root, 'console/index.html'),
      },
      output: {
        // Code both pages use (React, i18next, socket.io-client, tiny helpers) and nothing else.
        // The only other chunk is what both pages share (React, i18next, socket.io-client,
        // small helpers); locale strings stay with the page that uses them.
        // A visitor language's strings (loaded only when chosen) are named as such.
        chunkFileNames: (chunk) => (/^visitor\.[a-z]{2}$/.test(chunk.name) ? `assets/visitor-strings-${chunk.name.slice(8)}-[hash].js` : 'assets/shared-[hash].js'),
        assetFileNames: (asset) => (/^(visitor|console)\./.test(asset.names[0] ?? '') ? 'assets/[name]-[hash][extname]' : 'assets/shared-[hash][extname]'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
    },
  },
});
