// The core as the main process holds it (electron/main/index.ts without Electron, whose binary
// cannot run here): the library opened under its write lock, the sample added to a new library,
// the handler table built. Then what a person does, through that table, one stage at a time;
// after each stage one JSON line says how much memory the process holds and whether the
// import-only packages (jsdom, Readability) have been loaded into it.
//
//   node main.mjs <data dir> <sample file> [page to import]
//
// Built into plain Node by tests/unit/support/node-script.ts (the test) or
// scripts/bench/main-process-memory.mjs (the benchmark). Run with --expose-gc, memory is read
// after a full collection, so it is what the process keeps, not garbage waiting to be collected.
import { createRequire } from 'node:module';
import { createHandlers, type Handler, type Platform } from '../../electron/core/handlers';
import { Library } from '../../electron/core/library/library';
import { addSampleToNewLibrary } from '../../electron/core/library/sample';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { ChosenPaths } from '../../electron/core/security/chosen-paths';
import { describeSpan } from '../../electron/shared/anchoring';

const IMPORT_ONLY_PACKAGES = ['jsdom', '@mozilla/readability'] as const;

function loadedPackages(): string[] {
  // Both are CommonJS packages, so whatever imports them (ES module or not) leaves them in
  // Node's CommonJS cache.
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  return IMPORT_ONLY_PACKAGES.filter((name) => loaded.some((path) => path.includes(`/node_modules/${name}/`)));
}

function report(stage: string): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ stage, rss, heapUsed, importOnly: loadedPackages() }));
}

async function answer(handler: Handler, input: unknown): Promise<unknown> {
  const result = await handler(input);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const [dataDir, samplePath, pagePath] = process.argv.slice(2);
if (dataDir === undefined || samplePath === undefined) throw new Error('usage: main.mjs <data dir> <sample file> [page to import]');

const platform: Platform = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseImportFiles: async () => [], chooseOpenFile: async () => null };
const chosenPaths = new ChosenPaths();
const lock = await acquireWriteLock(dataDir, { waitMs: 5_000 });
const library = await Library.open(dataDir, { lock });
await addSampleToNewLibrary(library, samplePath);
const handlers = createHandlers(library, platform, { chosenPaths });
const list = (await answer(handlers['library:list'], {})) as { id: string }[];
report('started');

// Reading: open the first article, highlight a passage, search, preview a Markdown export.
const first = list[0];
if (first === undefined) throw new Error('The library is empty.');
await answer(handlers['article:open'], { id: first.id });
const { text } = await library.content(first.id);
const words = text.trim().split(/\s+/u);
const at = text.indexOf(words[Math.floor(words.length / 2)] ?? '');
await answer(handlers['annotation:create'], { articleId: first.id, color: 'yellow', target: describeSpan(text, at, Math.min(text.length, at + 40)) });
await answer(handlers['library:search'], { query: words[3] ?? 'the' });
await answer(handlers['export:preview'], { format: 'markdown', articleIds: null });
report('read');

if (pagePath !== undefined) {
  chosenPaths.grant([pagePath]);
  await answer(handlers['article:import'], { source: pagePath, ifExists: 'new' });
  report('imported');
}
await lock.release();
