// Main-process memory with and without an import: the core as electron/main/index.ts holds it
// (tests/support/main-process-core.ts, bundled for plain Node because Electron's binary cannot run
// here), in a child process per start, RSS after a full GC, in MB (the table's "ms" columns hold
// MB for these rows). Each round makes a new library (the first start adds the sample), then
// starts on it again: at rest (opened, listed), after reading (an article opened, a passage
// highlighted, a search, a Markdown export previewed), and after importing one saved web page.
// The baseline of the first two is a bare `node` doing nothing; of the import, the same process
// before it imported.
// Run: npx vitest bench --run tests/bench/main-memory.bench.ts (MARGIN_BENCH_QUICK=1 for a short run)
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { buildNodeScript } from '../unit/support/node-script';
import { fixturesDir, repoRoot, samplePath } from '../unit/support/paths';
import { runNodeChild } from './support/node-child';
import { ONCE, QUICK, TINY, record, rowOf, stats } from './support/paired';

const FILE = 'main-memory';
const ROUNDS = TINY ? 1 : QUICK ? 3 : 5;
const PAGE = join(fixturesDir, 'html-import/blog-post/source.html');
const MB = 1024 * 1024;

interface Stage {
  stage: string;
  rss: number;
  heapUsed: number;
  importOnly: string[];
}

async function runNode(args: string[]): Promise<Stage[]> {
  const out = await runNodeChild(['--expose-gc', ...args], 'node');
  return out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Stage);
}

const BARE_NODE = `gc(); gc(); const { rss, heapUsed } = process.memoryUsage(); console.log(JSON.stringify({ stage: 'bare', rss, heapUsed, importOnly: [] }));`;

async function measure(): Promise<void> {
  const script = await buildNodeScript(join(repoRoot, 'tests/support/main-process-core.ts'));
  const samples = new Map<string, number[]>();
  const add = (name: string, stage: Stage | undefined) => {
    if (stage === undefined) throw new Error(`no ${name} stage`);
    samples.set(name, [...(samples.get(name) ?? []), stage.rss / MB]);
  };
  const loadedAfterImport = new Set<string>();
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-bench-memory-'));
    dirs.push(dir);
    return dir;
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = await tempDir();
      const page = join(await tempDir(), 'saved-page.html');
      await cp(PAGE, page);
      const core = async () => {
        const first = await runNode([script.path, dataDir, samplePath]);
        add('first start', first.find((s) => s.stage === 'started'));
        const again = await runNode([script.path, dataDir, samplePath, page]);
        for (const name of ['started', 'read', 'imported']) add(name, again.find((s) => s.stage === name));
        for (const name of again.find((s) => s.stage === 'imported')?.importOnly ?? []) loadedAfterImport.add(name);
      };
      const bare = async () => add('bare', (await runNode(['-e', BARE_NODE]))[0]);
      // Alternated, as every pair in the suite, so a busy moment weighs on both sides alike.
      if (round % 2 === 0) await core().then(bare);
      else await bare().then(core);
    }
  } finally {
    await script.remove();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
  const of = (name: string) => samples.get(name) ?? [];
  const bare = stats('bare node', of('bare'));
  const note = `first start of a new library (adds the sample): median ${stats('', of('first start')).median.toFixed(0)} MB; loaded by the import: ${[...loadedAfterImport].join(', ') || 'nothing import-only'}`;
  record(rowOf('main-process RSS (MB) at rest: library opened and listed', FILE, stats('Margin core', of('started')), bare, { note }));
  record(rowOf('main-process RSS (MB) after open + highlight + search + Markdown preview', FILE, stats('Margin core', of('read')), bare));
  record(rowOf('main-process RSS (MB) after importing one saved page', FILE, stats('after the import', of('imported')), stats('before it (after reading)', of('read'))));
}

describe('main-process memory', () => {
  let done = false;
  bench('paired: main-process RSS at rest, after reading, after an import', async () => {
    if (done) return;
    done = true;
    await measure();
  }, ONCE);
});
