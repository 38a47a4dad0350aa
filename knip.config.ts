// `npm run lint:dead`: knip lists files, exports, types and dependencies that nothing uses, and
// fails `npm test` when it finds any. It follows imports from the entry points below; package.json's
// `bin` (bin/margin.js) and the configs of vite, electron-vite, vitest, playwright and eslint are
// found by knip's own plugins.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // What electron-vite builds: the main process with the CLI beside it, the preload, the renderer.
    'electron/main/index.ts',
    'electron/core/cli/index.ts',
    'electron/preload/index.ts',
    // The export worker, its own bundle started by path (electron.vite.config.ts).
    'electron/core/export/export-worker.ts',
    'renderer/src/main.ts',
    'scripts/**/*.mjs',
    'tests/**/*.{test,spec,bench}.ts',
    'tests/**/*.mjs',
    // Programs the tests bundle and run as their own processes, named by path rather than imported.
    'tests/crash/*.ts',
    'tests/bench/support/{import-one,main-start,first-start}.ts',
    'tests/e2e/support/page-bridge.ts',
    'tests/support/main-process-core.ts',
    'tests/unit/support/lock-holder.ts',
  ],
  project: ['electron/**/*.ts', 'renderer/**/*.ts', 'tests/**/*.{ts,mjs}', 'scripts/**/*.mjs', 'bin/*.js'],
  // Hostile apps that Electronegativity must flag: read as files, never run or imported.
  ignore: ['tests/fixtures/**'],
  // A name exported and used in its own file is not dead code, only a wider door than needed.
  ignoreExportsUsedInFile: true,
  // text-language.ts loads tinyld with createRequire, on the first import that needs it, which no
  // static analysis follows.
  ignoreDependencies: ['tinyld'],
  // The full-disk test mounts a small tmpfs where it runs as root; these are the system's own.
  ignoreBinaries: ['mount', 'umount'],
};

export default config;
