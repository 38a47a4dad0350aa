// The worst files a person can hand `margin import` (its size and shape limits): a text
// file of 45 MB on one line and a page of 200,000 nested <div>s (both refused), and the largest
// and deepest files accepted (10 MB of text or Markdown on one line, a page nested 256 deep), and
// a 10 MB page whose article is one <article> of 13,000 paragraphs.
// Each import runs in a fresh Node child (tests/bench/support/import-one.ts, bundled so no
// TypeScript loader is in it) that reports its wall time and peak RSS; the baseline is the same
// child importing the sample article, so the ratio says how much more than an ordinary import
// the edge costs. The table's columns say ms; the RSS rows are in MB, as their names say.
// Run: node scripts/bench/run.mjs tests/bench/limits.bench.ts (--quick for smaller inputs)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { longArticlePage, nestedDivs, writeOneLineMarkdown, writeOneLineText } from '../support/extreme-files';
import { bundleForNode } from './support/bundle-node';
import { runNodeChild } from './support/node-child';
import { ONCE, QUICK, TINY, record, rowOf, stats } from './support/paired';

const FILE = 'limits';
const MB = 1024 * 1024;
const ROUNDS = TINY ? 1 : QUICK ? 2 : 3;
const SAMPLE = resolve(import.meta.dirname, '../../assets/sample/ukraine-advance.txt');
/** Just under the 10 MB cap on text and Markdown articles (the prose generator overshoots a little). */
const LARGEST_TEXT = TINY ? 0.2 * MB : QUICK ? 2 * MB : 10 * MB - 64 * 1024;
const HUGE_TEXT = TINY ? 11 * MB : 45 * MB;
const DEEP = TINY ? 20_000 : 200_000;
/** Paragraphs of about 800 characters in one <article>: 13,000 make some 10 MB. */
const LONG_ARTICLE = TINY ? 500 : QUICK ? 3_000 : 13_000;

interface Run {
  code: number;
  err: string;
  ms: number;
  peakRssMB: number;
}

async function importInChild(script: string, file: string): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-bench-limits-lib-'));
  try {
    return JSON.parse((await runNodeChild([script, dataDir, file], 'import-one')).trim()) as Run;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Case {
  name: string;
  file: string;
  /** Whether Margin takes it (exit 0) or refuses it (exit 1); anything else fails the bench. */
  accepted: boolean;
}

async function measure(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-bench-limits-'));
  const dirs = [dir];
  try {
    const bundle = await bundleForNode(join(import.meta.dirname, 'support', 'import-one.ts'));
    dirs.push(bundle.dir);
    const size = (bytes: number) => `${(bytes / MB).toFixed(bytes < MB ? 1 : 0)} MB`;
    const cases: Case[] = [
      { name: `${size(HUGE_TEXT)} .txt on one line (refused: over 10 MB)`, file: join(dir, 'huge.txt'), accepted: false },
      { name: `${DEEP.toLocaleString('en')} nested <div>s (refused: deeper than 256)`, file: join(dir, 'deep.html'), accepted: false },
      { name: `${size(LARGEST_TEXT)} .txt on one line (largest accepted)`, file: join(dir, 'largest.txt'), accepted: true },
      { name: `${size(LARGEST_TEXT)} .md on one line (largest accepted)`, file: join(dir, 'largest.md'), accepted: true },
      { name: 'page nested 256 deep (deepest accepted)', file: join(dir, 'deepest.html'), accepted: true },
      { name: `page of ${LONG_ARTICLE.toLocaleString('en')} paragraphs in one <article>`, file: join(dir, 'long-article.html'), accepted: true },
    ];
    await writeOneLineText(cases[0]!.file, HUGE_TEXT);
    await writeFile(cases[1]!.file, nestedDivs(DEEP));
    await writeOneLineText(cases[2]!.file, LARGEST_TEXT);
    await writeOneLineMarkdown(cases[3]!.file, LARGEST_TEXT);
    await writeFile(cases[4]!.file, nestedDivs(254));
    await writeFile(cases[5]!.file, longArticlePage(LONG_ARTICLE));
    // Warm-up: the first child pays for the disk cache of the modules.
    await importInChild(bundle.file, SAMPLE);
    for (const edge of cases) {
      const runs: Run[] = [];
      const baseline: Run[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const pair = round % 2 === 0 ? [edge.file, SAMPLE] : [SAMPLE, edge.file];
        for (const file of pair) {
          const run = await importInChild(bundle.file, file);
          if (file === SAMPLE) baseline.push(run);
          else runs.push(run);
        }
      }
      for (const run of [...runs, ...baseline]) {
        const expected = baseline.includes(run) || edge.accepted ? 0 : 1;
        if (run.code !== expected) throw new Error(`${edge.name}: exit ${run.code}, expected ${expected}: ${run.err}`);
      }
      const said = edge.accepted ? 'imported' : `said: ${runs[0]?.err ?? ''}`;
      record(rowOf(`import ${edge.name}: wall time`, FILE, stats('margin import', runs.map((r) => r.ms)), stats('the sample article', baseline.map((r) => r.ms)), { note: said }));
      record(
        rowOf(`import ${edge.name}: peak RSS (MB)`, FILE, stats('margin import', runs.map((r) => r.peakRssMB)), stats('the sample article', baseline.map((r) => r.peakRssMB)), {
          note: 'MB, not ms: the child process maxRSS',
        }),
      );
    }
  } finally {
    for (const each of dirs) await rm(each, { recursive: true, force: true });
  }
}

describe('size and shape limits', () => {
  let done = false;
  bench('paired: the worst files, each against importing the sample article', async () => {
    if (done) return;
    done = true;
    await measure();
  }, ONCE);
});
