// A saved web page on disk (an .html file and the _files folder a browser writes beside it) is
// imported the way a person does it: with `margin import`, or through the app's handler table.
// The page keeps one picture in its folder and names two on the web, one protocol-relative
// (//host/…) and one over plain http. A loopback server plays the web and records every request,
// so the tests prove what was asked for, over which scheme, and that nothing was asked by default.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/run';
import { createHandlers, type Platform } from '../../electron/core/handlers';
import { importFile } from '../../electron/core/import/import-file';
import { Library } from '../../electron/core/library/library';
import { ChosenPaths } from '../../electron/core/security/chosen-paths';
import { articleHtmlFile } from '../../electron/core/library/files';
import type { ImportOutcome, RevisionSummary } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/result';
import { bytes, startLoopbackWeb, type LoopbackWeb } from '../support/loopback-web';
import { fixturesDir } from './support/paths';
import { tempDir } from './support/temp-dir';

const SAVED_PAGE = join(fixturesDir, 'html-import', 'saved-page-web-images', 'source.html');
const CRANES = 'https://photos.harbour-post.example/2024/09/cranes.png';
const FERRY_HTTPS = 'https://photos.harbour-post.example/2024/09/ferry.png';
const FERRY_HTTP = 'http://photos.harbour-post.example/2024/09/ferry.png';
const PNG_A = join(fixturesDir, 'html-import', 'news-figures-credits', 'images', 'aerial.png');
const PNG_B = join(fixturesDir, 'html-import', 'news-figures-credits', 'images', 'mayor.png');

let web: LoopbackWeb;

beforeEach(async () => {
  web = await startLoopbackWeb();
  web.serve(CRANES, bytes(await readFile(PNG_A), 'image/png'));
  web.serve(FERRY_HTTPS, bytes(await readFile(PNG_B), 'image/png'));
  web.serve(FERRY_HTTP, bytes(await readFile(PNG_B), 'image/png'));
});

afterEach(async () => {
  await web.close();
});

async function margin(dataDir: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['--data-dir', dataDir, ...args], { out: (t) => (out += t), err: (t) => (err += t), env: {}, web: web.access });
  return { code, out, err };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value as T;
}

const platform: Platform = { chooseSavePath: async () => null, chooseImportFiles: async () => [], chooseFolder: async () => null, chooseOpenFile: async () => null };

describe('importing a saved page from disk', () => {
  it('with no network: its own picture is stored, the two web pictures stay as placeholders with their alt text and captions, one summary line says why, and nothing is asked of the web', async () => {
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', SAVED_PAGE);
    expect(imported.code).toBe(0);
    expect(imported.err.split('\n').filter((line) => line !== '')).toEqual(['  2 images could not be saved (offline import of a local file).']);
    const [id = ''] = imported.out.split(/\s/u);
    expect(web.requests).toEqual([]);

    const shown = JSON.parse((await margin(dataDir, 'show', id, '--json')).out) as { text: string; figures: { caption: string; credit: string | null; image: string | null }[] };
    expect(shown.figures.map((figure) => [figure.caption, figure.image?.startsWith('margin://asset/') ?? false])).toEqual([
      ['The collapsed section, photographed before the works began.', true],
      ['Floating cranes set the new steel piles in March.', false],
      ['The island ferry will berth at the quay again from October.', false],
    ]);
    // The alt text stays the picture's: the article's text, which highlights count in, is as the page wrote it.
    expect(shown.text).not.toContain('Two yellow cranes lifting a steel beam over the water');

    const stored = new JSDOM(await readFile(articleHtmlFile(dataDir, id), 'utf8')).window.document;
    const placeholders = [...stored.querySelectorAll('figure .image-missing')].map((mark) => [mark.querySelector('img')?.getAttribute('alt'), mark.closest('figure')?.querySelector('figcaption')?.textContent]);
    expect(placeholders).toEqual([
      ['Two yellow cranes lifting a steel beam over the water', 'Floating cranes set the new steel piles in March. Photo: Ines Varga'],
      ['The evening ferry leaving the harbour past the rebuilt wall', 'The island ferry will berth at the quay again from October.'],
    ]);
    expect([...stored.querySelectorAll('img')].filter((img) => img.hasAttribute('src'))).toHaveLength(1);
  });

  it('with --fetch-images: the web pictures are fetched, the protocol-relative one and the plain-http one over https, never over http', async () => {
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', SAVED_PAGE, '--fetch-images');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/\(3 images saved, 0 missed\)/u);
    expect(imported.err.split('\n').filter((line) => line !== '')).toEqual(['  1 image was fetched over https instead of plain http.']);
    expect([...web.requests].sort()).toEqual([CRANES, FERRY_HTTPS]);
  });

  it('refuses a plain-http picture that is not offered over https, and the summary says so', async () => {
    web.refuse(FERRY_HTTPS);
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', SAVED_PAGE, '--fetch-images', '--json');
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.out) as { images: { saved: number; missed: number; reasons: Record<string, number> } };
    expect(result.images).toMatchObject({ saved: 2, missed: 1, reasons: { 'plain-http': 1 } });
    expect(web.requests.filter((address) => address.startsWith('http:'))).toEqual([]);
    expect(web.requests).toContain(FERRY_HTTPS);

    const plain = await margin(await tempDir(), 'import', SAVED_PAGE, '--fetch-images');
    expect(plain.err).toBe('  1 image could not be saved (offered only over plain http).\n');
  });

  it('a saved page whose folder lost its picture: one line still, counting each reason', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'source_files'));
    await copyFile(SAVED_PAGE, join(dir, 'source.html'));
    const imported = await margin(await tempDir(), 'import', join(dir, 'source.html'));
    expect(imported.code).toBe(0);
    expect(imported.err).toBe('  3 images could not be saved (not found on disk: 1; offline import of a local file: 2).\n');
    expect(web.requests).toEqual([]);
  });

  it('in the app: a file brings no web request unless the person asks for its web images', async () => {
    const library = await Library.open(await tempDir());
    // The page named on the command line, which makes it the person's choice.
    const chosenPaths = new ChosenPaths();
    chosenPaths.grant([SAVED_PAGE]);
    const handlers = createHandlers(library, platform, { web: web.access, chosenPaths });
    const offline = value<ImportOutcome>(await handlers['article:import']({ source: SAVED_PAGE }));
    expect(offline.status === 'imported' && offline.images).toMatchObject({ saved: 1, missed: 2, reasons: { 'not-fetched': 2 } });
    expect(web.requests).toEqual([]);

    // Importing it again from where it came from does not go online by itself either.
    if (offline.status !== 'imported') throw new Error('not imported');
    value<RevisionSummary>(await handlers['article:reimport']({ id: offline.article.id }));
    expect(web.requests).toEqual([]);

    const online = value<ImportOutcome>(await handlers['article:import']({ source: SAVED_PAGE, ifExists: 'new', fetchImages: true }));
    expect(online.status === 'imported' && online.images).toMatchObject({ saved: 3, missed: 0, upgraded: 1 });
    expect([...web.requests].sort()).toEqual([CRANES, FERRY_HTTPS]);
  });

  it('a Markdown note: a protocol-relative picture is a web address over https, not a file', async () => {
    const dir = await tempDir();
    const note = join(dir, 'note.md');
    await writeFile(note, `# Cranes\n\nThe cranes arrived in March and worked through the spring.\n\n![Two cranes](//photos.harbour-post.example/2024/09/cranes.png)\n`);
    const article = await importFile(note, { dataDir: await tempDir(), online: true, web: web.access });
    expect(article.images).toMatchObject({ saved: 1, missed: 0 });
    expect(web.requests).toEqual([CRANES]);
  });
});
