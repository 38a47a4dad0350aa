// The image store never follows a link: a link planted at an image's name (by another program,
// or a library folder copied with its links) is neither read as the image nor written through.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetsDir, readAsset, storeAsset } from '../../electron/core/assets/asset-store';
import { tempDir } from './support/temp-dir';

const bytes = new Uint8Array(2000).map((_, i) => (i * 7) % 256);
const nameOf = (data: Uint8Array) => `${createHash('sha256').update(data).digest('hex')}.png`;

describe('the image store and links', () => {
  it('an image whose name is a link elsewhere: storing it refuses in one sentence and writes nothing through the link', async () => {
    const dataDir = await tempDir();
    const outside = join(await tempDir(), 'precious.txt');
    await writeFile(outside, 'the person’s own file');
    await mkdir(assetsDir(dataDir));
    await symlink(outside, join(assetsDir(dataDir), nameOf(bytes)));
    await expect(storeAsset(dataDir, bytes, 'png')).rejects.toThrow(`${join(assetsDir(dataDir), nameOf(bytes))} is a link, not a regular file, so Margin did not replace it.`);
    expect(await readFile(outside, 'utf8')).toBe('the person’s own file');
    expect((await lstat(join(assetsDir(dataDir), nameOf(bytes)))).isSymbolicLink()).toBe(true);
  });

  it('reading an image whose name is a link gives nothing, not the linked file', async () => {
    const dataDir = await tempDir();
    const outside = join(await tempDir(), 'secret.png');
    await writeFile(outside, bytes);
    await mkdir(assetsDir(dataDir));
    await symlink(outside, join(assetsDir(dataDir), nameOf(bytes)));
    expect(await readAsset(dataDir, nameOf(bytes))).toBeNull();
  });

  it('an image stored once is kept once; one cut short by an older Margin is written again whole', async () => {
    const dataDir = await tempDir();
    const name = await storeAsset(dataDir, bytes, 'png');
    expect(name).toBe(nameOf(bytes));
    await writeFile(join(assetsDir(dataDir), name), bytes.slice(0, 100));
    await storeAsset(dataDir, bytes, 'png');
    expect(new Uint8Array(await readFile(join(assetsDir(dataDir), name)))).toEqual(bytes);
    expect(await readAsset(dataDir, name)).toEqual(bytes);
    expect(await readdir(assetsDir(dataDir))).toEqual([name]);
  });
});
