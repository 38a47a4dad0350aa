// The main process holds jsdom and Readability (about 95 MB) only once something is imported:
// reading, highlighting, searching and exporting Markdown read the stored, already sanitized HTML
// with a small parser. Run in a child Node process built from the core the main process loads,
// so the packages this test's own imports pull in do not count.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodeScript, runNodeScript, type BuiltScript } from './support/node-script';
import { fixturesDir, repoRoot, samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';

interface Stage {
  stage: string;
  rss: number;
  importOnly: string[];
}

let script: BuiltScript;
beforeAll(async () => {
  script = await buildNodeScript(join(repoRoot, 'tests/support/main-process-core.ts'));
}, 120_000);
afterAll(() => script.remove());

async function run(args: string[]): Promise<Stage[]> {
  const running = runNodeScript(script.path, args);
  const { code } = await running.exited;
  if (code !== 0) throw new Error(`the core's process exited with ${code}: ${running.stderr()}`);
  return running.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Stage);
}

const loadedAt = (stages: Stage[], stage: string) => stages.find((s) => s.stage === stage)?.importOnly;

describe('the main process before and after an import', () => {
  it('a new library opens with its sample, and reading, highlighting, searching and a Markdown export load no jsdom', async () => {
    const stages = await run([await tempDir(), samplePath]);
    expect(loadedAt(stages, 'started'), JSON.stringify(stages)).toEqual([]);
    expect(loadedAt(stages, 'read'), JSON.stringify(stages)).toEqual([]);
  }, 60_000);

  it('a library opened again reads without jsdom, and importing a saved page brings it in then', async () => {
    const dataDir = await tempDir();
    await run([dataDir, samplePath]);
    const page = join(await tempDir(), 'blog-post.html');
    await cp(join(fixturesDir, 'html-import/blog-post/source.html'), page);
    const stages = await run([dataDir, samplePath, page]);
    expect(loadedAt(stages, 'started'), JSON.stringify(stages)).toEqual([]);
    expect(loadedAt(stages, 'read'), JSON.stringify(stages)).toEqual([]);
    expect(loadedAt(stages, 'imported'), JSON.stringify(stages)).toEqual(['jsdom', '@mozilla/readability']);
  }, 60_000);
});
