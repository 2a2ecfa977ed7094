// Builds the partner widget (/embed.js): one small classic script, no modules, no chunks, with
// its strings bundled in, so a partner page includes it with a plain <script src>. Runs after
// the main build (which empties dist/web) and adds dist/web/embed.js.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: false,
    copyPublicDir: false,
    // Partner sites have older visitors' browsers too.
    target: 'es2017',
    sourcemap: false,
    lib: {
      entry: resolve(import.meta.dirname, 'web/embed/embed.ts'),
      formats: ['iife'],
      name: 'bakenWidget',
      fileName: () => 'embed.js',
    },
  },
});
