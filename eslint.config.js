// Lint, including the rule that keeps the house's rooms apart (DESIGN.md, "The house"):
// shared is pure, core is Node without Electron, only main and preload touch Electron, and the
// renderer reaches nothing but shared.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// Which rooms each room may import from.
const LAYERS = {
  shared: ['shared'],
  core: ['shared', 'core'],
  main: ['shared', 'core', 'main'],
  preload: ['shared', 'preload'],
  renderer: ['shared', 'renderer'],
  tests: ['shared', 'core', 'renderer', 'tests'],
  // The glue's own tests: main and preload run under a stand-in for Electron (tests/glue/support).
  glueTests: ['shared', 'core', 'main', 'preload', 'tests', 'glueTests'],
};

// Which npm packages each room may import. A package does not pass because it is installed: one
// made for Node (a lock file, jsdom, atomic writes) would load in the renderer's bundle or in
// pure code only to fail there at run time. Add a package here when a room starts to need it.
const PACKAGES = {
  shared: ['approx-string-match', 'dompurify', 'fast-diff', 'zod'],
  core: [
    '@mozilla/readability',
    'css-tree',
    'dompurify',
    'image-size',
    'ipaddr.js',
    'jsdom',
    'lowdb',
    'lru-cache',
    'markdown-it',
    'markdown-it-footnote',
    'markdown-it-task-lists',
    'minisearch',
    'parse5',
    'proper-lockfile',
    'tar',
    'tinyld',
    'undici',
    'yaml',
    'zod',
  ],
  main: ['electron'],
  preload: ['electron'],
  renderer: ['dompurify', 'markdown-it', 'morphdom'],
  glueTests: ['vitest'],
  tests: [
    '@axe-core/playwright',
    '@electron/asar',
    '@electron/fuses',
    '@mozilla/readability',
    '@playwright/test',
    'ajv',
    'app-builder-lib',
    'approx-string-match',
    'builder-util',
    'csv-parse',
    'csv-stringify',
    'dompurify',
    'eslint',
    'fast-check',
    'jsdom',
    'lowdb',
    'markdown-it',
    'tar',
    'vite',
    'vitest',
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/electronegativity/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/include': ['electron/**', 'renderer/**', 'tests/**'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'electron/shared' },
        { type: 'core', pattern: 'electron/core' },
        { type: 'main', pattern: 'electron/main' },
        { type: 'preload', pattern: 'electron/preload' },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'glueTests', pattern: 'tests/glue' },
        { type: 'tests', pattern: 'tests' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          policies: [
            ...Object.entries(LAYERS).map(([type, allowed]) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: allowed } } } },
            })),
            // Packages from npm only from each room's list; Node's own modules and Electron only where they belong.
            ...Object.entries(PACKAGES).map(([type, packages]) => ({
              from: { element: { type } },
              allow: { to: { module: { origin: 'external', source: packages } } },
            })),
            { from: { element: { types: { anyOf: ['core', 'main', 'tests', 'glueTests'] } } }, allow: { to: { module: { origin: 'core' } } } },
            {
              from: { element: { types: { anyOf: ['shared', 'core', 'renderer', 'tests', 'glueTests'] } } },
              disallow: { to: { module: { source: 'electron' } } },
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure code has no host: no DOM, no Node globals.
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator'] },
  },
);
