import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, statfs, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header } from 'tar';
import { describe, expect, it } from 'vitest';
import { BackupError, entryProblem } from '../../electron/core/backup/archive-rules';
import { backupDataDir } from '../../electron/core/backup/backup';
import { restoreDataDir } from '../../electron/core/backup/restore';
import { unpackRoom } from '../../electron/core/backup/unpack-room';
import { isLibraryPath, libraryEntries } from '../../electron/core/library/library-layout';
import { emptyAnnotations, emptyLibrary } from '../../electron/core/library/schemas';
import { tempDir } from './support/temp-dir';

const ARTICLE_ID = '79a76919-4daf-4ca7-8071-8cf94ee9dad6';
const LIBRARY_JSON = JSON.stringify(emptyLibrary());

/** A data dir shaped like Margin's (DESIGN.md, "Data on disk"), with awkward names and bytes. */
async function makeDataDir(root: string): Promise<void> {
  const article = join(root, 'articles', ARTICLE_ID);
  await mkdir(article, { recursive: true });
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'empty-folder'), { recursive: true });
  await writeFile(join(root, 'library.json'), JSON.stringify({ ...emptyLibrary(), settings: { ...emptyLibrary().settings, sampleAdded: true } }));
  await writeFile(join(article, 'article.html'), '<p>Émoji 🚆 and 𝒳, right-to-left: עברית</p>');
  await writeFile(join(article, 'annotations.json'), JSON.stringify(emptyAnnotations(ARTICLE_ID)));
  await writeFile(join(root, 'assets', `${'a'.repeat(64)}.png`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
  await writeFile(join(root, 'assets', 'name with spaces & ünïcode.jpg'), Buffer.alloc(70_000, 7));
  await mkdir(join(root, 'writer.lock'));
  await writeFile(join(root, 'writer.lock', 'owner.json'), '{"pid":1}');
}

/** Every file and folder under a dir, with a hash of each file's bytes. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(root, full);
    result[path] = entry.isDirectory() ? 'dir' : createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return result;
}

/** A .tar.gz written header by header, to hold what Margin's own backups never would. */
function craftArchive(entries: { path: string; type?: 'File' | 'SymbolicLink' | 'Link' | 'Directory'; body?: string; linkpath?: string; mode?: number; declaredSize?: number }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = new Header({
      path: entry.path,
      type: entry.type ?? 'File',
      size: entry.declaredSize ?? (entry.type === undefined || entry.type === 'File' ? body.length : 0),
      mode: entry.mode ?? 0o644,
      mtime: new Date('2026-01-01T00:00:00Z'),
      linkpath: entry.linkpath ?? '',
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (body.length > 0 && (entry.type ?? 'File') === 'File') {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('backup and restore', () => {
  it("restores a backup into an empty folder with identical files, leaving out the write lock and what is not Margin's", async () => {
    const work = await tempDir();
    const data = join(work, 'data');
    await makeDataDir(data);
    const archive = join(work, 'backup.tar.gz');
    const report = await backupDataDir(data, archive);
    expect(report.files).toBe(5);
    const target = join(work, 'restored');
    await mkdir(target);
    const restored = await restoreDataDir(archive, target);
    expect(restored).toEqual({ dataDir: target, files: 5, previousDataDir: null, leftOut: [], rebuilt: [] });
    const expected = await snapshot(data);
    for (const notOurs of ['writer.lock', join('writer.lock', 'owner.json'), 'empty-folder']) delete expected[notOurs];
    expect(await snapshot(target)).toEqual(expected);
  });

  it("backs up only Margin's own files when the folder also holds Chromium's links, caches and a stray file", async () => {
    const work = await tempDir();
    const data = join(work, 'data');
    await makeDataDir(data);
    await symlink('margin-host-4242', join(data, 'SingletonLock'));
    await symlink('/tmp/.org.chromium.Chromium.x/SingletonSocket', join(data, 'SingletonSocket'));
    await mkdir(join(data, 'GPUCache'));
    await writeFile(join(data, 'GPUCache', 'data_1'), 'cache');
    await writeFile(join(data, 'Preferences'), '{}');
    // A half-written file beside an article's (write-file-atomic's temp name) is not the article.
    await writeFile(join(data, 'articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6', 'annotations.json.3842917'), '{"annot');
    // A damaged file the store set aside may still hold the person's notes: it is theirs.
    await writeFile(join(data, 'library.json.damaged-2026-03-01T10-00-00-000Z'), '{"schemaVer');
    const report = await backupDataDir(data, join(work, 'b.tar.gz'));
    expect(report.files).toBe(6);
    const target = join(work, 'restored');
    await restoreDataDir(join(work, 'b.tar.gz'), target);
    expect(Object.keys(await snapshot(target)).sort()).toEqual(
      ['library.json', 'library.json.damaged-2026-03-01T10-00-00-000Z', 'articles', join('articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6'), join('articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6', 'article.html'), join('articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6', 'annotations.json'), 'assets', join('assets', `${'a'.repeat(64)}.png`), join('assets', 'name with spaces & ünïcode.jpg')].sort(),
    );
  });

  it('restores a backup Margin 0.1 made of the whole app folder: the library comes back, the browser data is left out and named', async () => {
    const work = await tempDir();
    const archive = join(work, 'margin-0.1.tar.gz');
    await writeFile(
      archive,
      craftArchive([
        { path: 'Cache', type: 'Directory' },
        { path: 'Cache/Cache_Data/data_0', body: 'cached' },
        { path: 'Preferences', body: '{}' },
        { path: 'library.json', body: LIBRARY_JSON },
        { path: 'articles', type: 'Directory' },
        { path: 'articles/79a76919-4daf-4ca7-8071-8cf94ee9dad6/article.html', body: '<p>Kept</p>' },
        { path: 'Local Storage/leveldb/000003.log', body: 'x' },
      ]),
    );
    const target = join(work, 'Library');
    const report = await restoreDataDir(archive, target);
    expect(report).toEqual({ dataDir: target, files: 2, previousDataDir: null, leftOut: ['Cache', 'Local Storage', 'Preferences'], rebuilt: [] });
    expect(Object.keys(await snapshot(target)).sort()).toEqual(['articles', join('articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6'), join('articles', '79a76919-4daf-4ca7-8071-8cf94ee9dad6', 'article.html'), 'library.json']);
  });

  it('restores into a folder that does not exist yet', async () => {
    const work = await tempDir();
    await makeDataDir(join(work, 'data'));
    await backupDataDir(join(work, 'data'), join(work, 'b.tar.gz'));
    await restoreDataDir(join(work, 'b.tar.gz'), join(work, 'deep', 'new'));
    expect((await stat(join(work, 'deep', 'new', 'library.json'))).isFile()).toBe(true);
  });

  it('refuses a folder that is not empty, and with force moves it aside instead of deleting it', async () => {
    const work = await tempDir();
    const data = join(work, 'data');
    await makeDataDir(data);
    await backupDataDir(data, join(work, 'b.tar.gz'));
    const target = join(work, 'current');
    await mkdir(target);
    await writeFile(join(target, 'library.json'), '{"mine":true}');
    await expect(restoreDataDir(join(work, 'b.tar.gz'), target)).rejects.toThrow(/not empty/u);
    expect(await readFile(join(target, 'library.json'), 'utf8')).toBe('{"mine":true}');

    const report = await restoreDataDir(join(work, 'b.tar.gz'), target, { force: true, now: () => new Date('2026-12-01T09:30:00Z') });
    expect(report.previousDataDir).toBe(join(work, 'current.before-restore-2026-12-01T09-30-00-000Z'));
    expect(await readFile(join(report.previousDataDir ?? '', 'library.json'), 'utf8')).toBe('{"mine":true}');
    expect(await readFile(join(target, 'library.json'), 'utf8')).toContain('sampleAdded');
  });

  it('refuses to back up into the folder it backs up, or a folder that is not a library', async () => {
    const work = await tempDir();
    await makeDataDir(join(work, 'data'));
    await expect(backupDataDir(join(work, 'data'), join(work, 'data', 'b.tar.gz'))).rejects.toThrow(BackupError);
    await mkdir(join(work, 'other'));
    await expect(backupDataDir(join(work, 'other'), join(work, 'b.tar.gz'))).rejects.toThrow(/not a Margin library/u);
  });

  it('refuses to back up links, which no restore would accept', async () => {
    const work = await tempDir();
    const data = join(work, 'data');
    await makeDataDir(data);
    await symlink('/etc/passwd', join(data, 'assets', 'link.png'));
    await expect(backupDataDir(data, join(work, 'b.tar.gz'))).rejects.toThrow(/not plain files or folders/u);
    await expect(stat(join(work, 'b.tar.gz'))).rejects.toThrow();
  });

  const hostile: [string, Parameters<typeof craftArchive>[0]][] = [
    ['an absolute path', [{ path: 'library.json', body: '{}' }, { path: '/tmp/margin-escape.txt', body: 'x' }]],
    ['a path with ..', [{ path: 'library.json', body: '{}' }, { path: 'assets/../../escape.txt', body: 'x' }]],
    ['a symbolic link', [{ path: 'library.json', body: '{}' }, { path: 'assets/evil', type: 'SymbolicLink', linkpath: '/etc' }]],
    ['a hard link', [{ path: 'library.json', body: '{}' }, { path: 'assets/hard', type: 'Link', linkpath: 'library.json' }]],
  ];
  for (const [what, entries] of hostile) {
    it(`refuses an archive holding ${what} and writes nothing`, async () => {
      const work = await tempDir();
      const archive = join(work, 'evil.tar.gz');
      await writeFile(archive, craftArchive(entries));
      const target = join(work, 'target');
      await expect(restoreDataDir(archive, target)).rejects.toThrow(/unsafe entries/u);
      expect(await readdir(work)).toEqual(['evil.tar.gz']);
    });
  }

  it('refuses an archive that is not a Margin backup, or not an archive at all', async () => {
    const work = await tempDir();
    await writeFile(join(work, 'other.tar.gz'), craftArchive([{ path: 'notes.txt', body: 'hi' }]));
    await expect(restoreDataDir(join(work, 'other.tar.gz'), join(work, 't'))).rejects.toThrow(/not a Margin backup/u);
    await writeFile(join(work, 'junk.tar.gz'), 'not gzip at all');
    await expect(restoreDataDir(join(work, 'junk.tar.gz'), join(work, 't'))).rejects.toThrow(BackupError);
    expect((await readdir(work)).sort()).toEqual(['junk.tar.gz', 'other.tar.gz']);
  });

  it('judges entry paths and kinds', () => {
    expect(entryProblem('articles/x/article.html', 'File')).toBeNull();
    expect(entryProblem('./library.json', 'File')).toBeNull();
    expect(entryProblem('C:/Windows/evil', 'File')).toMatch(/absolute/u);
    expect(entryProblem('a\\..\\b', 'File')).toMatch(/backslash/u);
    expect(entryProblem('fifo', 'FIFO')).toMatch(/only files and folders/u);
  });

  it("tells Margin's own paths from Chromium's and from strays", () => {
    const ours = (path: string, folder = false) => isLibraryPath(path.split('/'), folder);
    expect(ours('library.json')).toBe(true);
    expect(ours('library.json.damaged-2026-03-01T10-00-00-000Z')).toBe(true);
    expect(ours('articles/x/annotations.json.damaged-2026')).toBe(true);
    expect(ours('articles/x/revisions/2.html')).toBe(true);
    expect(ours('assets', true)).toBe(true);
    expect(ours('library.json', true)).toBe(false);
    expect(ours('articles/x/annotations.json.3842917')).toBe(false);
    expect(ours('articles/x/notes.txt')).toBe(false);
    expect(ours('assets.damaged-2026', true)).toBe(false);
    for (const chromium of ['SingletonLock', 'Cache', 'Local Storage', 'Preferences', 'writer.lock', 'Library']) expect(ours(chromium) || ours(chromium, true)).toBe(false);
    expect(libraryEntries(['Cache', 'library.json', 'articles', 'library.json.damaged-1', 'assets', 'SingletonLock'])).toEqual(['assets', 'articles', 'library.json.damaged-1', 'library.json']);
  });
});

describe('restore checks a backup before it replaces anything', () => {
  const ONE_SENTENCE = /^[^\n]+\.$/u;

  /** A library folder with one article, as the store writes it, and its backup with one file changed. */
  async function currentAndBackup(change: Record<string, string | undefined>) {
    const work = await tempDir();
    const current = join(work, 'current');
    await makeDataDir(current);
    const files = [
      { path: 'library.json', body: LIBRARY_JSON },
      { path: 'articles', type: 'Directory' as const },
      { path: `articles/${ARTICLE_ID}`, type: 'Directory' as const },
      { path: `articles/${ARTICLE_ID}/article.html`, body: '<p>From the backup</p>' },
      { path: `articles/${ARTICLE_ID}/annotations.json`, body: JSON.stringify(emptyAnnotations(ARTICLE_ID)) },
    ];
    const entries = files.map((file) => (file.path in change ? { ...file, body: change[file.path] } : file));
    for (const [path, body] of Object.entries(change)) if (!files.some((file) => file.path === path)) entries.push({ path, body });
    const archive = join(work, 'backup.tar.gz');
    await writeFile(archive, craftArchive(entries));
    return { work, current, archive, before: await snapshot(current) };
  }

  async function refusedLeavingCurrent(change: Record<string, string>, expected: RegExp) {
    const { work, current, archive, before } = await currentAndBackup(change);
    const error = await restoreDataDir(archive, current, { force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(ONE_SENTENCE);
    expect((error as Error).message).toMatch(expected);
    expect(await snapshot(current)).toEqual(before);
    // Nothing set aside, nothing half unpacked beside it.
    expect((await readdir(work)).sort()).toEqual(['backup.tar.gz', 'current']);
  }

  it('a backup whose list of articles has the wrong types is refused in one sentence, and the library there stays as it was', async () => {
    await refusedLeavingCurrent(
      { 'library.json': JSON.stringify({ schemaVersion: 1, articles: [{ id: 42, title: ['not', 'a', 'title'] }], settings: { sampleAdded: 'yes' } }) },
      /^backup\.tar\.gz was not restored, and the current library stays as it is: library\.json is damaged \(unexpected contents\)\.$/u,
    );
  });

  it("a backup whose article's highlights are not what the store reads is refused, and the library there stays as it was", async () => {
    await refusedLeavingCurrent({ [`articles/${ARTICLE_ID}/annotations.json`]: '{"schemaVersion":1,"articleId":"x","annotations":"none"}' }, /annotations\.json is damaged \(unexpected contents\)/u);
    await refusedLeavingCurrent({ [`articles/${ARTICLE_ID}/annotations.json`]: '{"schemaVersion":1,' }, /annotations\.json is damaged \(not valid JSON\)/u);
  });

  it('a backup from a newer Margin is refused with that reason', async () => {
    await refusedLeavingCurrent({ 'library.json': JSON.stringify({ ...emptyLibrary(), schemaVersion: 99 }) }, /library\.json was saved by a newer version of Margin/u);
  });

  it('a search index the library cannot use is left out and named; the rest is restored', async () => {
    const { work, archive } = await currentAndBackup({ 'search-index.json': '{"format":"margin-search-index","version":0}', 'annotation-stats.json': '[1,2,3]' });
    const target = join(work, 'fresh');
    const report = await restoreDataDir(archive, target);
    expect(report.rebuilt).toEqual(['annotation-stats.json', 'search-index.json']);
    expect((await readdir(target)).sort()).toEqual(['articles', 'library.json']);
    expect(await readFile(join(target, 'articles', ARTICLE_ID, 'article.html'), 'utf8')).toBe('<p>From the backup</p>');
  });

  it('files and folders come back with plain modes whatever the archive says (no set-user-id, set-group-id or sticky bit)', async () => {
    const work = await tempDir();
    const archive = join(work, 'modes.tar.gz');
    await writeFile(
      archive,
      craftArchive([
        { path: 'library.json', body: LIBRARY_JSON, mode: 0o6777 },
        { path: 'assets', type: 'Directory', mode: 0o1777 },
        { path: `assets/${'b'.repeat(64)}.png`, body: 'png', mode: 0o4755 },
      ]),
    );
    const target = join(work, 'Library');
    await restoreDataDir(archive, target);
    const umask = process.umask();
    const mode = async (path: string) => (await stat(join(target, path))).mode & 0o7777;
    expect(await mode('library.json')).toBe(0o644 & ~umask);
    expect(await mode(`assets/${'b'.repeat(64)}.png`)).toBe(0o644 & ~umask);
    expect(await mode('assets')).toBe(0o755 & ~umask);
  });

  it('an archive that says it unpacks to 25 GB is refused from its headers, before anything is written', async () => {
    const work = await tempDir();
    const archive = join(work, 'huge.tar.gz');
    await writeFile(archive, craftArchive([{ path: 'library.json', body: LIBRARY_JSON }, { path: `assets/${'c'.repeat(64)}.png`, declaredSize: 25 * 1024 ** 3 }]));
    const error = await restoreDataDir(archive, join(work, 'Library')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^huge\.tar\.gz was not restored: it unpacks to more than the [\d.]+ [GM]B (free on the disk it would go to|Margin restores at most), so nothing was written\.$/u);
    expect(await readdir(work)).toEqual(['huge.tar.gz']);
  });

  it('the room to unpack is the free space of the disk when that is less than the cap', async () => {
    const work = await tempDir();
    const free = await statfs(work);
    expect(await unpackRoom(join(work, 'not', 'yet', 'Library'), Number.MAX_SAFE_INTEGER)).toEqual({ bytes: free.bavail * free.bsize, reason: 'disk' });
    expect(await unpackRoom(join(work, 'Library'), 1024)).toEqual({ bytes: 1024, reason: 'cap' });
  });
});
