// Kills a writing process with SIGKILL at random moments; after each kill the library must open
// without repair and hold every highlight and article the process had been told were saved.
// `npm run test:crash` runs 200 kills; `npm test` runs MARGIN_CRASH_RUNS (10 by default). The
// moments come from MARGIN_CRASH_SEED (a fixed default), shown in the test's name.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import type { BuiltScript } from './support/node-script';
import { libraryWithSample } from './support/library';
import { seeded, seedFrom } from '../support/seeded';
import { acknowledged, buildStoreWriter, expectLibraryHolds, startStoreWriter, type Acknowledged } from './support/store-writer';

const RUNS = Number(process.env.MARGIN_CRASH_RUNS ?? 10);
const SEED = seedFrom('MARGIN_CRASH_SEED', 20_261_207);

let script: BuiltScript;
beforeAll(async () => {
  script = await buildStoreWriter();
}, 60_000);
afterAll(() => script?.remove());

describe('store under SIGKILL', () => {
  it(
    `keeps every acknowledged save through ${RUNS} kills (MARGIN_CRASH_SEED=${SEED})`,
    async () => {
      const random = seeded(SEED);
      const { library, dataDir } = await libraryWithSample();
      await library.addArticle(importPlainText('A second article\n\nIt gives the writer another annotations file to save into.', 'second.txt'));
      const acked: Acknowledged = { articles: [], highlights: [] };
      for (let run = 0; run < RUNS; run += 1) {
        // Alternate the app's way of writing (one lock held throughout) with a lock per save.
        const writer = startStoreWriter(script, {
          dataDir,
          mode: run % 2 === 0 ? 'session' : 'per-change',
          count: 0,
          waitMs: 15_000,
          articleEvery: 9,
          tag: `run ${run}`,
          seed: SEED + run,
        });
        // Most kills land among saves; one in five lands anywhere from start-up on (opening, taking over the lock).
        if (run % 5 !== 4) await writer.waitForLine((line) => line === 'ready');
        // The kill's moment is what this test varies: the timer is the event under test.
        await sleep(random() * 400);
        writer.child.kill('SIGKILL');
        const { signal } = await writer.exited;
        expect({ run, signal, stderr: writer.stderr() }).toEqual({ run, signal: 'SIGKILL', stderr: '' });
        acknowledged(writer.lines, acked);
        await expectLibraryHolds(dataDir, acked);
      }
      expect(acked.highlights.length).toBeGreaterThan(RUNS);
    },
    30_000 + RUNS * 6_000,
  );

  it('two writer processes at once lose nothing, with a lock per save or held throughout', async () => {
    for (const mode of ['per-change', 'session'] as const) {
      const { dataDir } = await libraryWithSample();
      const writers = ['A', 'B'].map((tag) =>
        startStoreWriter(script, { dataDir, mode, count: 30, waitMs: 30_000, articleEvery: 10, tag, waitForGo: true }),
      );
      const ready = writers.map((w) => w.waitForLine((line) => line === 'ready'));
      if (mode === 'per-change') {
        // Both have read the library before either saves, so each must find the other's saves on disk.
        await Promise.all(ready);
        for (const writer of writers) writer.child.stdin?.end('go\n');
      } else {
        // The second cannot open for writing until the first is done: it waits for the lock.
        writers.forEach((writer, i) => void ready[i]?.then(() => writer.child.stdin?.end('go\n')));
      }
      const exits = await Promise.all(writers.map((w) => w.exited));
      expect(exits.map((e, i) => ({ ...e, stderr: writers[i]?.stderr() }))).toEqual([
        { code: 0, signal: null, stderr: '' },
        { code: 0, signal: null, stderr: '' },
      ]);
      const acked: Acknowledged = { articles: [], highlights: [] };
      for (const writer of writers) acknowledged(writer.lines, acked);
      expect(acked.highlights).toHaveLength(60);
      expect(acked.articles).toHaveLength(6);
      await expectLibraryHolds(dataDir, acked);
    }
  }, 60_000);
});
