// A person runs a `margin` command while another one is still writing to the library (a long
// import in another terminal), or while the app is open. The command waits a moment, then says in
// one sentence who holds the library, so the person knows what to wait for.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

async function pondFile(): Promise<string> {
  const path = join(await tempDir(), 'pond.txt');
  await writeFile(path, 'The pond\n\nHerons wait for the frogs at dusk, and the frogs know it.\n');
  return path;
}

describe('a margin command while the library is busy', () => {
  it('names the other margin command and its pid, and changes nothing', async () => {
    const dataDir = await tempDir();
    expect((await margin(dataDir, 'import', samplePath)).code).toBe(0);
    const lock = await acquireWriteLock(dataDir, { program: 'command' });
    try {
      const result = await margin(dataDir, 'import', await pondFile());
      expect(result).toEqual({ code: 1, out: '', err: `Another margin command (pid ${process.pid}) is writing to this library; try again when it has finished.\n` });
    } finally {
      await lock.release();
    }
    expect(JSON.parse((await margin(dataDir, 'list', '--json')).out)).toHaveLength(1);
  });

  it('says Margin is open when the app holds it', async () => {
    const dataDir = await tempDir();
    expect((await margin(dataDir, 'import', samplePath)).code).toBe(0);
    const lock = await acquireWriteLock(dataDir, { program: 'app' });
    try {
      expect(await margin(dataDir, 'import', await pondFile())).toEqual({ code: 1, out: '', err: 'Margin is open; close it or retry.\n' });
    } finally {
      await lock.release();
    }
  });
});
