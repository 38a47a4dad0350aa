// The library in its own folder, <userData>/Library: a library Margin 0.1 kept at the top of
// Electron's userData is moved in on the first start, Chromium's files are never touched, and a
// move that fails or stops midway never leaves the library split without saying so.
import { lstat, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { create, list } from 'tar';
import { describe, expect, it } from 'vitest';
import { backupDataDir } from '../../electron/core/backup/backup';
import { runCli } from '../../electron/core/cli/run';
import { UserError } from '../../electron/core/errors';
import { defaultUserDataDir, electronDataDirFor, resolveLibrary } from '../../electron/core/library/data-dir';
import { Library } from '../../electron/core/library/library';
import { isLibraryPath } from '../../electron/core/library/library-layout';
import { MOVE_MARKER, locateLibrary, type MoveFs } from '../../electron/core/library/library-location';
import { LOCK_BUSY_MESSAGE, acquireWriteLock } from '../../electron/core/library/write-lock';
import { fileTree } from './support/file-tree';
import { CHROMIUM_ENTRIES, chromiumState, oldUserData } from './support/old-user-data';
import { tempDir } from './support/temp-dir';

const exists = (path: string) => lstat(path).then(
  () => true,
  () => false,
);

/** Every article and its highlights, as the library at dataDir holds them. */
async function contents(dataDir: string) {
  const library = await Library.open(dataDir);
  const articles = new Map<string, unknown[]>();
  for (const meta of library.articles()) articles.set(meta.id, await library.annotations(meta.id));
  return { articles, colorLabels: library.colorLabels };
}

/** A rename that fails on the calls `fails` picks (counted from 1), as a disk error would. */
function failingRename(fails: (call: number) => boolean): MoveFs & { calls: number } {
  const fs = {
    calls: 0,
    async rename(from: string, to: string) {
      fs.calls++;
      if (fails(fs.calls)) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
      await rename(from, to);
    },
  };
  return fs;
}

/** Archive entries of a .tar.gz: each path, and whether it is a folder. */
async function archiveEntries(file: string): Promise<{ path: string; folder: boolean }[]> {
  const entries: { path: string; folder: boolean }[] = [];
  await list({ file, onReadEntry: (entry) => entries.push({ path: entry.path.replace(/\/$/u, ''), folder: entry.type === 'Directory' }) });
  return entries;
}

describe('the library moves into its own folder', () => {
  it("a 0.1 library opens under <userData>/Library with every article and highlight, and Chromium's files stay where they were", async () => {
    const { userData, articles } = await oldUserData();
    const chromium = await chromiumState(userData);

    const location = await locateLibrary(userData);

    const library = join(userData, 'Library');
    expect(location).toEqual({ dataDir: library, notice: `Margin moved your library into its own folder, ${library}.` });
    const moved = await contents(library);
    expect(moved.articles).toEqual(articles);
    expect(moved.colorLabels).toEqual({ green: 'key point' });
    expect(await chromiumState(userData)).toEqual(chromium);
    // Only Margin's entries went in; nothing of Margin's is left at the top, and no marker.
    expect((await readdir(userData)).sort()).toEqual([...CHROMIUM_ENTRIES, 'Library'].sort());
    for (const name of await readdir(library)) expect(isLibraryPath([name], (await lstat(join(library, name))).isDirectory())).toBe(true);

    // The next start finds it there and has nothing to say.
    expect(await locateLibrary(userData)).toEqual({ dataDir: library, notice: null });
  });

  it('Back Up works while the Singleton links are there, and the archive holds only Margin files', async () => {
    const { userData } = await oldUserData();
    const work = await tempDir();
    // As 0.1 had it (and as it stays when a move could not happen): the library is userData itself.
    const report = await backupDataDir(userData, join(work, 'in-place.tar.gz'));
    const inPlace = await archiveEntries(join(work, 'in-place.tar.gz'));
    expect(inPlace.map((entry) => entry.path)).toEqual(expect.arrayContaining(['library.json', 'articles', 'assets']));
    expect(inPlace.filter((entry) => !isLibraryPath(entry.path.split('/'), entry.folder))).toEqual([]);

    const { dataDir } = await locateLibrary(userData);
    const after = await backupDataDir(dataDir, join(work, 'moved.tar.gz'));
    expect(after.files).toBe(report.files);
    expect(await archiveEntries(join(work, 'moved.tar.gz'))).toEqual(inPlace);
  });

  it('a rename that fails midway puts back what it moved: the old library opens where it was, with one sentence', async () => {
    const { userData, articles } = await oldUserData();
    const before = await fileTree(userData);
    const chromium = await chromiumState(userData);
    // The third entry's rename fails; the two already moved go back.
    const fs = failingRename((call) => call === 3);

    const location = await locateLibrary(userData, { fs });

    expect(fs.calls).toBe(5);
    expect(location.dataDir).toBe(userData);
    expect(location.notice).toMatch(/^Margin could not move your library into .+Library \(EIO: i\/o error, .+\), so it opened it where it was\.$/u);
    expect(await fileTree(userData)).toEqual(before);
    expect(await chromiumState(userData)).toEqual(chromium);
    expect(await exists(join(userData, 'Library'))).toBe(false);
    expect(await exists(join(userData, MOVE_MARKER))).toBe(false);
    expect((await contents(userData)).articles).toEqual(articles);
  });

  it('a move that stops midway and cannot be undone says so in one sentence, and the next start finishes it', async () => {
    const { userData, articles } = await oldUserData();
    // Works twice, then the disk refuses everything: the move stops and cannot put things back.
    const error = await locateLibrary(userData, { fs: failingRename((call) => call > 2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^Margin could not finish moving your library into .+; nothing was deleted, and starting Margin again finishes the move\.$/u);
    // Split between the two folders, and the marker says so.
    expect(await exists(join(userData, MOVE_MARKER))).toBe(true);
    expect(await exists(join(userData, 'Library', 'assets'))).toBe(true);
    expect(await exists(join(userData, 'library.json'))).toBe(true);

    const location = await locateLibrary(userData);
    expect(location.dataDir).toBe(join(userData, 'Library'));
    expect((await contents(location.dataDir)).articles).toEqual(articles);
    expect(await exists(join(userData, MOVE_MARKER))).toBe(false);
    expect(await exists(join(userData, 'library.json'))).toBe(false);
  });

  it('a marker left by a start that stopped before its first rename is finished too', async () => {
    const { userData, articles } = await oldUserData();
    await writeFile(join(userData, MOVE_MARKER), JSON.stringify({ moving: ['assets', 'backups', 'articles', 'library.json'] }));
    const location = await locateLibrary(userData);
    expect(location.dataDir).toBe(join(userData, 'Library'));
    expect((await contents(location.dataDir)).articles).toEqual(articles);
  });

  it('a library already in Library is opened, and an older one at the top is left as it was, saying so', async () => {
    const { userData } = await oldUserData();
    const library = join(userData, 'Library');
    const newer = await Library.open(library);
    await newer.setColorLabel('pink', 'question');
    const before = await fileTree(userData);
    const location = await locateLibrary(userData);
    expect(location).toEqual({ dataDir: library, notice: `An older Margin library is still in ${userData}; Margin opened the one in ${library} and left the older one as it was.` });
    expect(await fileTree(userData)).toEqual(before);
  });

  it('a first start with nothing to move puts the library in <userData>/Library and creates nothing', async () => {
    const userData = join(await tempDir(), 'Margin');
    expect(await locateLibrary(userData)).toEqual({ dataDir: join(userData, 'Library'), notice: null });
    expect(await exists(userData)).toBe(false);
  });

  it('while another Margin writes to the old library the move waits, then says Margin is open and moves nothing', async () => {
    const { userData } = await oldUserData();
    const before = await fileTree(userData);
    const running = await acquireWriteLock(userData, { program: 'app' });
    try {
      await expect(locateLibrary(userData, { waitMs: 50 })).rejects.toThrow(LOCK_BUSY_MESSAGE);
    } finally {
      await running.release();
    }
    expect(await fileTree(userData)).toEqual(before);
  });
});

describe('the CLI and the app agree on where the library is', () => {
  async function margin(env: NodeJS.ProcessEnv, ...args: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env });
    return { code, out, err };
  }

  it('without --data-dir the CLI moves a 0.1 library into <userData>/Library, as the app would, and lists it from there', async () => {
    const home = await tempDir('margin-home-');
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData', 'Roaming') };
    const userData = defaultUserDataDir(env);
    const { userData: made, articles } = await oldUserData();
    await mkdir(dirname(userData), { recursive: true });
    await rename(made, userData);
    const chromium = await chromiumState(userData);

    const listed = await margin(env, 'list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.err).toBe(`Margin moved your library into its own folder, ${join(userData, 'Library')}.\n`);
    expect((JSON.parse(listed.out) as { id: string }[]).map((row) => row.id).sort()).toEqual([...articles.keys()].sort());
    expect(await chromiumState(userData)).toEqual(chromium);
    // The app, starting next, finds the library where the CLI put it.
    expect(await resolveLibrary(undefined, {}, userData)).toEqual({ dataDir: join(userData, 'Library'), notice: null });
    expect((await margin(env, 'list')).err).toBe('');
  });

  it('--data-dir and MARGIN_DATA_DIR name the library folder itself: nothing is moved', async () => {
    const { userData } = await oldUserData();
    const before = await fileTree(userData);
    expect((await margin({}, '--data-dir', userData, 'list')).code).toBe(0);
    expect((await margin({ MARGIN_DATA_DIR: userData }, 'list')).code).toBe(0);
    expect(await resolveLibrary(undefined, { MARGIN_DATA_DIR: userData }, '/nowhere')).toEqual({ dataDir: userData, notice: null });
    expect(await fileTree(userData)).toEqual(before);
    expect(await readFile(join(userData, 'library.json'), 'utf8')).toContain('"schemaVersion"');
  });
});

describe('a backup Margin 0.1 made of the whole app folder', () => {
  it('restores into the new library folder: every article and highlight back, the browser data left out and named in one line', async () => {
    const { userData, articles } = await oldUserData();
    // 0.1 archived everything in the folder (it could only when Chromium's links were gone).
    const everything = (await readdir(userData)).filter((name) => !name.startsWith('Singleton'));
    const archive = join(await tempDir(), 'margin-0.1.tar.gz');
    await create({ gzip: true, file: archive, cwd: userData, portable: true }, everything);
    const library = join(await tempDir(), 'Library');

    let out = '';
    let err = '';
    const code = await runCli(['--data-dir', library, 'restore', archive], { out: (t) => (out += t), err: (t) => (err += t), env: {} });

    expect(code).toBe(0);
    expect(out).toMatch(/^Restored \d+ files into .+Library\.\n$/u);
    expect(err).toBe('Left out what is not part of a Margin library (such as the browser data a Margin 0.1 backup holds): Cache, Local Storage, Preferences.\n');
    expect((await contents(library)).articles).toEqual(articles);
    expect((await readdir(library)).filter((name) => ['Cache', 'Local Storage', 'Preferences'].includes(name))).toEqual([]);
  });
});

describe('MARGIN_DATA_DIR in the app', () => {
  it("keeps Electron's own files beside the library folder, never inside it", () => {
    const library = join('/home/ana', 'Documents', 'Margin');
    expect(electronDataDirFor({ MARGIN_DATA_DIR: `${library}/` })).toBe(`${resolve(library)}.electron`);
    expect(electronDataDirFor({})).toBeNull();
  });
});
