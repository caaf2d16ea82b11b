import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { atlas } from './atlas.mts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard, built into dist/explore, which the gateway serves at /explore. */
export default defineConfig({
  root: here,
  base: '/explore/',
  publicDir: false,
  plugins: [atlas()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/explore', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The page's content security policy allows no inline script, which the polyfill would be.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
