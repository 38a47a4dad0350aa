import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(here, 'out/main'),
      rolldownOptions: {
        // The CLI is built beside the main process: same core, plain Node, no Electron.
        input: {
          index: resolve(here, 'electron/main/index.ts'),
          cli: resolve(here, 'electron/core/cli/index.ts'),
          // The thread library-wide exports are written in (electron/core/export/export-worker-runner.ts).
          'export-worker': resolve(here, 'electron/core/export/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(here, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(here, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    build: {
      outDir: resolve(here, 'out/renderer'),
      rolldownOptions: { input: resolve(here, 'renderer/index.html') },
    },
  },
});
