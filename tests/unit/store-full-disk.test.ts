// A real full disk: a 200 KB tmpfs holds the library, and `margin import` runs until the disk
// refuses. Every import the CLI said yes to must be in the library afterwards, the library must
// open, and once space is freed the next import must work. Mounting needs root (CI runs as root);
// elsewhere the test says why it skipped, and store-fault-injection.test.ts covers the same path
// through the file-system layer.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library/library';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const DISK_FULL = 'The disk is full, so Margin could not save this change; your library is as it was before it.';

const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir]);
});

/** A 200 KB tmpfs at a new folder, or the reason there cannot be one here. */
async function smallDisk(): Promise<string | { skip: string }> {
  if (process.platform !== 'linux') return { skip: 'a tmpfs needs Linux' };
  if (process.getuid?.() !== 0) return { skip: 'mounting a tmpfs needs root (CI runs as root)' };
  const dir = join(await tempDir(), 'disk');
  await mkdir(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `mount -t tmpfs was refused here (${String((error as { stderr?: unknown }).stderr ?? error).trim()})` };
  }
  mounted.push(dir);
  return dir;
}

/** A plain-text article of a few KB, different each time. */
async function articleFile(folder: string, n: number): Promise<string> {
  const path = join(folder, `article-${n}.txt`);
  const sentence = `Paragraph about pond number ${n}, where the herons wait for the frogs at dusk. `;
  await writeFile(path, `Pond ${n}\n\n${Array.from({ length: 12 }, () => sentence.repeat(4)).join('\n\n')}\n`);
  return path;
}

describe('a real full disk (200 KB tmpfs)', () => {
  it('every import that said yes is in the library, the library opens, and after freeing space the next import works', async (context) => {
    const disk = await smallDisk();
    if (typeof disk !== 'string') {
      console.warn(`skipped: ${disk.skip}`);
      context.skip();
      return;
    }
    const sources = await tempDir();
    const dataDir = join(disk, 'library');
    // Something of the person's on the same disk, to delete later and free space.
    const filler = join(disk, 'filler.bin');
    await writeFile(filler, Buffer.alloc(48 * 1024, 1));

    const said: { id: string; title: string }[] = [];
    const highlighted = new Map<string, string>();
    const refusals: string[] = [];
    // Each article is imported, then highlighted: the disk fills during either.
    for (let n = 1; n <= 200 && refusals.length < 3; n++) {
      const result = await margin(dataDir, 'import', await articleFile(sources, n), '--json');
      if (result.code !== 0) {
        refusals.push(result.err);
        // A refused import acknowledged nothing.
        expect(result.out).toBe('');
        continue;
      }
      const { id, title } = JSON.parse(result.out) as { id: string; title: string };
      said.push({ id, title });
      const highlight = await margin(dataDir, 'highlight', id, '--quote', `pond number ${n}`, '--occurrence', '1', '--json');
      if (highlight.code === 0) highlighted.set(id, (JSON.parse(highlight.out) as { id: string }).id);
      else refusals.push(highlight.err);
    }
    expect(said.length).toBeGreaterThan(0);
    expect(refusals.length).toBeGreaterThanOrEqual(3);
    for (const refusal of refusals) expect(refusal).toBe(`${DISK_FULL}\n`);

    const library = await Library.open(dataDir);
    expect(library.notices).toEqual([]);
    expect(library.articles().map((a) => ({ id: a.id, title: a.title }))).toEqual(said);
    for (const { id } of said) {
      expect((await library.content(id)).text).toContain('herons');
      const kept = highlighted.get(id);
      expect((await library.annotations(id)).map((a) => a.id)).toEqual(kept === undefined ? [] : [kept]);
    }
    // No temp file of a refused write is left taking space.
    const names = await readdir(dataDir, { recursive: true });
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);

    await rm(filler);
    const after = await margin(dataDir, 'import', await articleFile(sources, 999), '--json');
    expect({ code: after.code, err: after.err }).toEqual({ code: 0, err: '' });
    const listed = JSON.parse((await margin(dataDir, 'list', '--json')).out) as { id: string }[];
    expect(listed.map((row) => row.id)).toEqual([...said.map((a) => a.id), (JSON.parse(after.out) as { id: string }).id]);
    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')).articles).toHaveLength(said.length + 1);
  }, 120_000);
});
