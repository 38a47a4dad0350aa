// A person (or a script) hands a command something that is not a file: a named pipe, /dev/zero.
// Each command that reads a file answers at once with one sentence and exit 1, and never holds the
// library's write lock while it looks: another writer can save meanwhile.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock } from '../../electron/core/library/write-lock';
import { samplePath } from './support/paths';
import { namedPipe } from './support/special-files';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const ONE_SENTENCE = /^[^\n]+\.\n$/u;

const commands: [string, (file: string) => string[]][] = [
  ['import', (file) => ['import', file]],
  ['import-annotations', (file) => ['import-annotations', file]],
  ['restore', (file) => ['restore', file]],
];

describe('commands given something that is not a file', () => {
  for (const [name, args] of commands) {
    it(`margin ${name} from a named pipe says it is a named pipe, exit 1, and another writer can save meanwhile`, async () => {
      const dataDir = join(await tempDir(), 'library');
      const pipe = await namedPipe(await tempDir(), 'notes.jsonld');
      const running = margin(dataDir, ...args(pipe));
      // A writer coming while the command runs gets the lock (the command does not sit on it).
      const other = await acquireWriteLock(dataDir, { waitMs: 5_000 });
      expect(other.held).toBe(true);
      await other.release();
      const result = await running;
      expect(result.code).toBe(1);
      expect(result.err).toMatch(ONE_SENTENCE);
      expect(result.err).toContain('notes.jsonld is a named pipe, not a file');
    });

    it(`margin ${name} /dev/zero says it is a device, exit 1`, async () => {
      const dataDir = join(await tempDir(), 'library');
      const result = await margin(dataDir, ...args('/dev/zero'));
      expect(result.code).toBe(1);
      expect(result.err).toMatch(ONE_SENTENCE);
      expect(result.err).toContain('zero is a device, not a file');
    });
  }

  it('margin import of several files imports the readable ones and names the pipe among them', async () => {
    const dataDir = await tempDir();
    const pipe = await namedPipe(await tempDir(), 'article.txt');
    const result = await margin(dataDir, 'import', pipe, samplePath);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${pipe}: article.txt is a named pipe, not a file`);
    expect(JSON.parse((await margin(dataDir, 'list', '--json')).out)).toHaveLength(1);
  });

  it('margin import-annotations refuses a file too large to be an annotations export before reading it', async () => {
    const dataDir = await tempDir();
    const huge = join(await tempDir(), 'huge.jsonld');
    await writeFile(huge, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(huge, 129 * 1024 * 1024);
    const result = await margin(dataDir, 'import-annotations', huge);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('huge.jsonld is larger than 128 MB');
  });
});
