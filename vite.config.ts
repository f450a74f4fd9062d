/**
 * Vite + Vitest configuration. `vite build` bundles the React renderer from `src-renderer/`
 * into `dist-renderer/` with relative asset paths (`base: './'`), so the same files load over
 * Electron's `app://` protocol and from the loopback web host. Tests run from the repo root:
 * renderer tests in happy-dom, everything else (core, db, api, hosts, integration) in node.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const rendererTests = 'test/unit/renderer/**/*.test.{ts,tsx}';

export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist-renderer', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be inlined into the bundle only for old browsers; Electron and the
    // Chromium the web host targets support modulepreload natively.
    modulePreload: { polyfill: false },
  },
  test: {
    root: repoRoot,
    // Integration tests spawn the CLI and servers and lint the whole tree; a loaded 2-core CI
    // machine needs headroom (speed is measured by `npm run bench`, not by test timeouts).
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: [rendererTests],
          setupFiles: ['test/unit/renderer/setup-renderer-tests.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts', 'test/faults/**/*.test.ts'],
          exclude: [rendererTests, 'test/e2e/**', 'test/lint/**', '**/node_modules/**'],
        },
      },
    ],
  },
});
