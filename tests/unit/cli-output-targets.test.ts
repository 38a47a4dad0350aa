// Where `margin backup` and `margin export --out` write: only plain files, never over a device, a
// named pipe or a socket (which would be replaced by a file, or wait forever), and never inside the
// library folder itself (an export named library.json would take the library's place).
import { lstat, mkdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePath } from './support/paths';
import { listeningSocket, namedPipe, nullDevice } from './support/special-files';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const ONE_SENTENCE = /^[^\n]+\.\n$/u;

async function libraryWithSample(): Promise<string> {
  const dataDir = await tempDir();
  expect((await margin(dataDir, 'import', samplePath)).code).toBe(0);
  return dataDir;
}

/** What a path is, to compare before and after: kind, device number, inode. */
async function identity(path: string) {
  const info = await lstat(path);
  return { fifo: info.isFIFO(), socket: info.isSocket(), device: info.isCharacterDevice(), rdev: info.rdev, ino: info.ino };
}

describe('backup and export targets that are not files', () => {
  it('margin backup to /dev/null (as root, a device node made like it) is refused in one sentence, and the device is still there', async () => {
    const dataDir = await libraryWithSample();
    const device = await nullDevice(await tempDir());
    const before = await identity(device);
    const result = await margin(dataDir, 'backup', device);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('it is a device, not a file');
    expect(await identity(device)).toEqual(before);
  });

  it('margin backup to a named pipe is refused at once, and the pipe stays a pipe', async () => {
    const dataDir = await libraryWithSample();
    const pipe = await namedPipe(await tempDir(), 'backup.tar.gz');
    const before = await identity(pipe);
    const result = await margin(dataDir, 'backup', pipe);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('it is a named pipe, not a file');
    expect(await identity(pipe)).toEqual(before);
  });

  it('margin backup to a socket is refused, and the socket stays', async () => {
    const dataDir = await libraryWithSample();
    const socket = await listeningSocket(await tempDir(), 'backup.tar.gz');
    const before = await identity(socket);
    const result = await margin(dataDir, 'backup', socket);
    expect(result.code).toBe(1);
    expect(result.err).toContain('it is a socket, not a file');
    expect(await identity(socket)).toEqual(before);
  });

  it('margin export --out to a named pipe is refused at once instead of waiting to read it', async () => {
    const dataDir = await libraryWithSample();
    const pipe = await namedPipe(await tempDir(), 'notes.md');
    const before = await identity(pipe);
    const result = await margin(dataDir, 'export', '--format', 'markdown', '--out', pipe);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(ONE_SENTENCE);
    expect(result.err).toContain('it is a named pipe, not a file');
    expect(await identity(pipe)).toEqual(before);
  });

  it('margin export into a folder where the file it would write is a named pipe is refused, and the pipe stays', async () => {
    const dataDir = await libraryWithSample();
    const folder = await tempDir();
    const pipe = await namedPipe(folder, 'margin-highlights.csv');
    const before = await identity(pipe);
    const result = await margin(dataDir, 'export', '--format', 'csv', '--out', folder);
    expect(result.code).toBe(1);
    expect(result.err).toContain('it is a named pipe, not a file');
    expect(await identity(pipe)).toEqual(before);
  });
});

describe('backup and export targets inside the library folder', () => {
  it('margin export --out <library>/library.json is refused in one sentence, and the library is intact', async () => {
    const dataDir = await libraryWithSample();
    const library = await readFile(join(dataDir, 'library.json'), 'utf8');
    const result = await margin(dataDir, 'export', '--format', 'json', '--out', join(dataDir, 'library.json'));
    expect(result.code).toBe(1);
    expect(result.err).toBe('Margin will not write an export inside its own library folder; choose another place.\n');
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe(library);
    expect(JSON.parse((await margin(dataDir, 'list', '--json')).out)).toHaveLength(1);
  });

  it('margin export into the library folder, or a folder inside it, is refused', async () => {
    const dataDir = await libraryWithSample();
    for (const folder of [dataDir, join(dataDir, 'articles'), join(dataDir, 'exports', 'new')]) {
      const result = await margin(dataDir, 'export', '--format', 'csv', '--out', folder);
      expect(result.err).toBe('Margin will not write an export inside its own library folder; choose another place.\n');
    }
    await expect(stat(join(dataDir, 'exports'))).rejects.toThrow();
  });

  it('a backup or an export through a link that leads into the library folder is refused too', async () => {
    const dataDir = await libraryWithSample();
    const elsewhere = await tempDir();
    await symlink(dataDir, join(elsewhere, 'looks-elsewhere'));
    const backup = await margin(dataDir, 'backup', join(elsewhere, 'looks-elsewhere', 'b.tar.gz'));
    expect(backup.code).toBe(1);
    expect(backup.err).toBe('The backup cannot be written inside the library folder it backs up; choose another place.\n');
    const exported = await margin(dataDir, 'export', '--format', 'json', '--out', join(elsewhere, 'looks-elsewhere', 'library.json'));
    expect(exported.err).toBe('Margin will not write an export inside its own library folder; choose another place.\n');
    await mkdir(join(elsewhere, 'real'));
    expect((await margin(dataDir, 'export', '--format', 'json', '--out', join(elsewhere, 'real', 'library.json'))).code).toBe(0);
  });
});
