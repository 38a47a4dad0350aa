// Bringing articles in from the reader: a saved link (fetched by the handler from a loopback
// server, never the real web), files dropped on the window, a pasted address, files handed over
// by the system, and the question asked before a duplicate.
import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { NOT_CHOSEN_MESSAGE } from '../../electron/core/security/chosen-paths';
import type { MarginApi } from '../../electron/shared/api';
import { bytes, startLoopbackWeb } from '../support/loopback-web';
import { expect, test } from './support/fixtures';
import { startReader } from './support/harness';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A small solid-colour PNG, so the page has a real photo to keep. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x6a)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const PARAGRAPH = 'The night train from the coast pulled in after midnight, and the platform filled with people who had waited all evening for it to arrive. ';

function page(): string {
  return `<!doctype html><html lang="en"><head><title>Night trains return | The Rail Gazette</title>
    <meta property="og:site_name" content="The Rail Gazette"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Night trains return</h1><p class="byline">By Ana Ruiz</p>
    <p>${PARAGRAPH.repeat(3)}</p>
    <figure><img src="/photos/platform.png" alt="A platform at night" width="40" height="30"><figcaption>Passengers on the platform at night. <span class="credit">Photo: Ana Ruiz</span></figcaption></figure>
    <p>${PARAGRAPH.repeat(3)}</p></article>
    <aside class="subscribe">Subscribe to our newsletter!</aside><footer>© The Rail Gazette</footer></body></html>`;
}

let site: Server;
let siteOrigin: string;

test.beforeAll(async () => {
  site = createServer((request, response) => {
    if (request.url === '/night-trains') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(page());
    } else if (request.url === '/photos/platform.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(png(40, 30));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  const address = site.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  siteOrigin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(async () => {
  await new Promise((done) => site.close(done));
});

test('save a link: the page is kept with its photo and read offline', async ({ reader, page: ui }) => {
  await reader.open();
  await ui.getByLabel('Web address to save').fill(`${siteOrigin}/night-trains`);
  await ui.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ui.locator('.headline')).toHaveText('Night trains return');
  await expect(ui.locator('.byline')).toHaveText('Ana Ruiz');
  await expect(ui.locator('.article-info')).toContainText(`${siteOrigin}/night-trains`);
  const photo = ui.locator('#article-body figure img[src]');
  await expect(photo).toHaveAttribute('src', /^\/images\/[a-f0-9]{64}\.png$/u);
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
  await expect(ui.locator('#article-body figcaption .credit')).toHaveText('Photo: Ana Ruiz');
  await expect(ui.locator('#article-body')).not.toContainText('Subscribe');
  await expect(ui.locator('.status')).toHaveText('Imported 1 article.');
});

test('a link that fails says why in one sentence, and the library is unchanged', async ({ reader, page: ui }) => {
  await reader.open();
  await ui.getByLabel('Web address to save').fill(`${siteOrigin}/gone`);
  await ui.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ui.locator('.status')).toHaveText(`127.0.0.1:${new URL(siteOrigin).port} answered 404 Not Found for ${siteOrigin}/gone.`);
  expect(reader.library.articles()).toHaveLength(1);
});

test('paste a link anywhere to save it', async ({ reader, page: ui }) => {
  await reader.open();
  await ui.evaluate((url) => {
    const data = new DataTransfer();
    data.setData('text/plain', url);
    document.querySelector('#reader')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, `${siteOrigin}/night-trains`);
  await expect(ui.locator('.headline')).toHaveText('Night trains return');
});

test('drop files on the window; a bad one is named, the others are imported', async ({ reader, page: ui }) => {
  await reader.open();
  await writeFile(join(reader.homeDir, 'ferry.md'), '# Ferry timetable\n\nThe *summer* ferry leaves at nine.\n');
  await writeFile(join(reader.homeDir, 'empty.txt'), '');
  await ui.evaluate((dir) => {
    (window as unknown as { __marginDropDir: string }).__marginDropDir = dir;
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'ferry.md'));
    data.items.add(new File([''], 'empty.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, reader.homeDir);
  await expect(ui.locator('.status')).toHaveText('Imported 1 article. empty.txt is empty.');
  await expect(ui.locator('.headline')).toHaveText('Ferry timetable');
  await expect(ui.locator('#article-body em')).toHaveText('summer');
});

test('a file the page names without the person choosing it is refused in one sentence, and nothing is read', async ({ reader, page: ui }) => {
  await reader.open();
  const secret = join(reader.homeDir, 'diary.txt');
  await writeFile(secret, 'My diary\n\nNothing here is for the library.');
  for (const source of ['/etc/passwd', secret]) {
    const answer = await ui.evaluate((path) => (window as unknown as { margin: MarginApi }).margin.importArticle({ source: path }), source);
    expect(answer).toEqual({ ok: false, error: NOT_CHOSEN_MESSAGE });
  }
  expect(reader.library.articles()).toHaveLength(1);
  // Once the person names the same file (here: handed to the app, as from the command line), it is theirs to import.
  await ui.evaluate((sources) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail: sources })), [secret]);
  await expect(ui.locator('.headline')).toHaveText('My diary');
});

test('the same file twice: Margin asks, and adds a copy only when told to', async ({ reader, page: ui }) => {
  await reader.open();
  const path = join(reader.homeDir, 'harbour.txt');
  await writeFile(path, 'Harbour reopens\n\nBoats left at dawn.');
  await ui.evaluate((sources) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail: sources })), [path]);
  await expect(ui.locator('.headline')).toHaveText('Harbour reopens');

  await ui.evaluate((sources) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail: sources })), [path]);
  const dialog = ui.getByRole('dialog', { name: 'Already in your library' });
  await expect(dialog).toContainText('harbour.txt is already in your library as “Harbour reopens”');
  await dialog.getByRole('button', { name: 'Keep the one I have' }).click();
  await expect(dialog).toBeHidden();
  expect(reader.library.articles()).toHaveLength(2);

  await ui.evaluate((sources) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail: sources })), [path]);
  await dialog.getByRole('button', { name: 'Add a copy' }).click();
  await expect(ui.locator('.library-list .article-title')).toHaveText(['Harbour reopens', 'Harbour reopens', 'Russia says it has advanced nearly 2 miles in northeast Ukraine']);
});

const SAVED_PAGE = join(import.meta.dirname, '../fixtures/html-import/saved-page-web-images/source.html');
const CRANES = 'https://photos.harbour-post.example/2024/09/cranes.png';
const FERRY = 'https://photos.harbour-post.example/2024/09/ferry.png';

const importRequest = (ui: Page, sources: string[]) => ui.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:import-request', { detail })), sources);

test('open a saved page with no network: its own photo shows, each web photo is a placeholder marked “Image not saved” with its alt text and caption, and the message says why', async ({ reader, page: ui }) => {
  await reader.open();
  await importRequest(ui, [SAVED_PAGE]);
  await expect(ui.locator('.headline')).toHaveText('The old quay is rebuilt, stone by stone');
  await expect(ui.locator('.status')).toHaveText('Imported 1 article. 2 images could not be saved (offline import of a local file).');
  const photo = ui.locator('#article-body figure img[src]');
  await expect(photo).toHaveCount(1);
  await expect(photo).toHaveAttribute('src', /^\/images\/[a-f0-9]{64}\.png$/u);
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(36);
  const placeholders = ui.locator('#article-body figure .image-missing');
  // Each shows the picture's alt text in its place, as a browser does for an image it cannot load.
  expect(await placeholders.locator('img').evaluateAll((images) => images.map((img) => img.getAttribute('alt')))).toEqual([
    'Two yellow cranes lifting a steel beam over the water',
    'The evening ferry leaving the harbour past the rebuilt wall',
  ]);
  await expect(placeholders.first()).toBeVisible();
  expect(await placeholders.first().locator('img').evaluate((img) => img.getBoundingClientRect().height)).toBeGreaterThan(0);
  expect(await placeholders.first().evaluate((mark) => getComputedStyle(mark, '::before').content)).toBe('"Image not saved"');
  await expect(ui.locator('#article-body figure', { has: ui.locator('.image-missing') }).locator('figcaption')).toContainText([
    'Floating cranes set the new steel piles in March.',
    'The island ferry will berth at the quay again from October.',
  ]);
  // The mark is the reader's, not the article's: the text highlights count in is unchanged by it.
  expect(await ui.locator('#article-body').evaluate((body) => body.textContent?.includes('Image not saved'))).toBe(false);
});

test('with “Download a saved page’s images from the web” ticked, opening a file fetches its web photos, over https only, and the choice is remembered', async ({ page: ui }) => {
  const web = await startLoopbackWeb();
  web.serve(CRANES, bytes(png(30, 20), 'image/png'));
  web.serve(FERRY, bytes(png(20, 30), 'image/png'));
  const reader = await startReader(ui, undefined, { web: web.access });
  try {
    await reader.open();
    await ui.getByRole('button', { name: 'Reading settings' }).click();
    await ui.getByLabel('Download a saved page’s images from the web').check();
    await importRequest(ui, [SAVED_PAGE]);
    await expect(ui.locator('.headline')).toHaveText('The old quay is rebuilt, stone by stone');
    await expect(ui.locator('.status')).toHaveText('Imported 1 article. 1 image was fetched over https instead of plain http.');
    await expect(ui.locator('#article-body figure img[src]')).toHaveCount(3);
    await expect(ui.locator('#article-body .image-missing')).toHaveCount(0);
    expect([...web.requests].sort()).toEqual([CRANES, FERRY]);
    expect(reader.foreignRequests).toEqual([]);
    await ui.reload();
    await ui.getByRole('button', { name: 'Reading settings' }).click();
    await expect(ui.getByLabel('Download a saved page’s images from the web')).toBeChecked();
  } finally {
    await reader.close();
    await web.close();
  }
});
