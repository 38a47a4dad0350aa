import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSource } from '../../electron/core/import/import-file';
import { sourcesFromArgv } from '../../electron/core/open-args';
import { tempDir } from './support/temp-dir';

describe('articles named on the command line', () => {
  it('takes files and web addresses after the app, skipping switches', () => {
    expect(sourcesFromArgv(['/opt/Margin/margin', '--no-sandbox', 'notes/a.html', '/abs/b.md', 'https://example.org/x'], true, '/home/ana')).toEqual([
      '/home/ana/notes/a.html',
      '/abs/b.md',
      'https://example.org/x',
    ]);
  });

  it('skips the app folder in development (electron . FILE)', () => {
    expect(sourcesFromArgv(['/usr/lib/electron', '.', 'a.txt'], false, '/work')).toEqual(['/work/a.txt']);
    expect(sourcesFromArgv(['/usr/lib/electron', '.'], false, '/work')).toEqual([]);
  });
});

describe('a file opened from a file manager', () => {
  it('a file:// address, percent-encoded with spaces and accents, is the file it names, not a path under the current folder', () => {
    expect(sourcesFromArgv(['/tmp/.mount_Margin/margin', 'file:///home/ana/My%20Notes/caf%C3%A9%20%E2%80%94%20r%C3%A9sum%C3%A9.html'], true, '/home/ana')).toEqual([
      '/home/ana/My Notes/café — résumé.html',
    ]);
    expect(sourcesFromArgv(['/opt/Margin/margin', 'FILE://localhost/srv/a%23b.md'], true, '/')).toEqual(['/srv/a#b.md']);
  });

  it('an address Margin cannot turn into a file here (another host, another scheme) is handed on as it came, never glued to the current folder', () => {
    expect(sourcesFromArgv(['/opt/Margin/margin', 'file://fileserver/share/a.html', 'smb://fileserver/share/b.html'], true, '/home/ana')).toEqual([
      'file://fileserver/share/a.html',
      'smb://fileserver/share/b.html',
    ]);
  });

  it.each([
    // The AppImage's entry is `Exec=AppRun %U`: file managers hand it file:// addresses.
    ['by file:// address (%U)', (path: string) => pathToFileURL(path).href],
    // The deb's entry is `Exec=/opt/Margin/margin %F`: file managers hand it paths.
    ['by path (%F)', (path: string) => path],
  ])('opens the article the person chose, %s, from a folder and name with spaces and accents', async (_how, argFor) => {
    const folder = join(await tempDir(), 'Notes d’été');
    await mkdir(folder);
    const file = join(folder, 'Café #1 100%.md');
    await writeFile(file, '# Le café du coin\n\nUn article lu hors ligne.\n');
    const [source] = sourcesFromArgv(['/opt/Margin/margin', argFor(file)], true, '/');
    expect(source).toBe(file);
    const article = await importSource(source!);
    expect(article.meta.title).toBe('Le café du coin');
    expect(article.meta.sourcePath).toBe(file);
  });
});
