// Saving a web address, against a loopback server this test starts (never a real address):
// the page and its images are fetched and stored, redirects are followed up to the limit and no
// further, and every way it can fail (timeout, size cap, not a page, dead address, 404) ends in
// one sentence. Limits are made short through ImportContext so the test runs in a second.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../electron/core/errors';
import { importSource, importUrl, type ImportContext } from '../../electron/core/import/import-file';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { tempDir } from './support/temp-dir';

// A small valid PNG of the given size, so image checks pass on real bytes.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(width: number, height: number, shade: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, shade)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

const PARAGRAPHS = [
  'The market hall opened in 1894 and has sold fish, bread and flowers under the same iron roof ever since. This spring the city finished a two-year restoration that replaced every pane of glass and repainted the ironwork in its original green.',
  'Traders moved to tents in the square during the work, and most of them came back. A cheesemonger who has had a stall for thirty years said the light inside is the best it has ever been, and that customers linger longer than they used to.',
  'The restoration cost less than expected because volunteers cleaned and catalogued the old cast-iron brackets, most of which could be reused. The few that were too badly rusted were recast from moulds taken from the survivors.',
];

function articlePage(images: string[], title = 'The market hall gets its light back'): string {
  const figures = images.map((src, i) => `<figure><img src="${src}" alt=""><figcaption>Photo number ${i + 1} of the hall. Photo: Mia Brandt</figcaption></figure>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>
<p>${PARAGRAPHS[0]}</p>${figures.join('')}<p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const routes = new Map<string, Handler>();
const requests: string[] = [];
/** For the routes that never finish: resolves when Margin hangs up on that request. */
const hungUp = new Map<string, Promise<void>>();
const awaitHangUp: Handler = (request, response) => {
  hungUp.set(request.url ?? '', new Promise((resolve) => response.on('close', () => resolve())));
};
function hangUpOn(path: string): Promise<void> {
  const closed = hungUp.get(path);
  if (closed === undefined) throw new Error(`${path} was never asked for`);
  return closed;
}
let server: Server;
let base: string;
let deadBase: string;

const html = (body: string | Buffer, type = 'text/html; charset=utf-8'): Handler => (_request, response) => {
  response.writeHead(200, { 'Content-Type': type });
  response.end(body);
};
const redirect = (location: string, status = 302): Handler => (_request, response) => {
  response.writeHead(status, { Location: location });
  response.end();
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const handler = routes.get(path);
    if (handler === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<h1>Not found</h1>');
    } else handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was open a moment ago and is closed now: nothing answers there.
  const dead = createServer();
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
  deadBase = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => dead.close(() => resolve()));

  routes.set('/img/hall.png', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(png(32, 20, 90));
  });
  routes.set('/img/roof.png', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(png(32, 20, 160));
  });
  routes.set('/img/never.png', () => {
    // Never answers: the image's own timeout must give up on it, not hang the import.
  });
  routes.set('/market-hall', html(articlePage(['/img/hall.png', 'img/roof.png', '/img/gone.png'])));
  routes.set('/stories/2024/market-hall.html', html(articlePage(['../../img/hall.png'])));
  for (let hop = 1; hop <= 4; hop++) routes.set(`/hop/${hop}`, redirect(hop === 1 ? '/stories/2024/market-hall.html' : `/hop/${hop - 1}`));
  routes.set('/to-ftp', redirect('ftp://127.0.0.1/file.html'));
  // Never answers.
  routes.set('/slow', awaitHangUp);
  routes.set('/big', html(`<!DOCTYPE html><title>Big</title><p>${'All work and no play. '.repeat(6000)}</p>`));
  routes.set('/big-chunked', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    for (let i = 0; i < 200; i++) response.write(`<p>${'chunk of a very long page '.repeat(40)}</p>`);
    response.end();
  });
  routes.set('/report.pdf', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/pdf' });
    response.end('%PDF-1.7\n');
  });
  routes.set('/endless.zip', (request, response) => {
    // Headers, then a body that never ends: refused by its type, not waited for.
    awaitHangUp(request, response);
    response.writeHead(200, { 'Content-Type': 'application/zip' });
    response.write('PK\x03\x04');
  });
  // windows-1252 bytes (é is 0xE9, the en dash 0x96) and no <meta charset>: only the header tells.
  routes.set('/latin1', html(Buffer.from(articlePage([], 'Caf\u00e9 culture \u0096 a history').replace('<meta charset="utf-8">', ''), 'latin1'), 'text/html; charset=windows-1252'));
  routes.set('/notes.txt', html('A plain note saved from the web\n\nIt has two paragraphs of text, and that is all.', 'text/plain; charset=utf-8'));
  routes.set('/slow-image-page', html(articlePage(['/img/hall.png', '/img/never.png'])));
  routes.set('/img/elsewhere.png', (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/png' });
    response.end(png(32, 20, 200));
  });
  // The same server under another name is another host: a name for this computer, never asked.
  routes.set('/mixed-hosts', html(articlePage(['/img/hall.png', `http://localhost:${new URL(base).port}/img/elsewhere.png`])));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function context(extra: ImportContext = {}): Promise<ImportContext> {
  return { dataDir: await tempDir(), limits: { page: { timeoutMs: 2_000 }, image: { timeoutMs: 2_000 } }, ...extra };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('the import did not fail');
}

describe('saving a web address', () => {
  it('stores the page with its images, and counts the one it could not fetch', async () => {
    const article = await importUrl(`${base}/market-hall`, await context());
    expect(article.meta.title).toBe('The market hall gets its light back');
    expect(article.meta.sourceUrl).toBe(`${base}/market-hall`);
    expect(article.meta.format).toBe('html');
    const content = readArticleContent(article.html);
    expect(content.figures.map((f) => [f.caption, f.credit, f.image?.startsWith('margin://asset/') ?? false])).toEqual([
      ['Photo number 1 of the hall.', 'Photo: Mia Brandt', true],
      ['Photo number 2 of the hall.', 'Photo: Mia Brandt', true],
      ['Photo number 3 of the hall.', 'Photo: Mia Brandt', false],
    ]);
    expect(article.images).toEqual({
      saved: 2,
      missed: 1,
      problems: [`gone.png: 127.0.0.1:${new URL(base).port} answered 404 Not Found for ${base}/img/gone.png`],
      reasons: { 'download-failed': 1 },
      upgraded: 0,
    });
    for (const paragraph of PARAGRAPHS) expect(content.text).toContain(paragraph);
  });

  it('follows redirects within the limit and reads relative images against the final address', async () => {
    const article = await importUrl(`${base}/hop/3`, await context({ limits: { page: { maxRedirects: 3 } } }));
    expect(article.meta.sourceUrl).toBe(`${base}/stories/2024/market-hall.html`);
    expect(article.images).toMatchObject({ saved: 1, missed: 0 });
  });

  it('refuses a chain of redirects longer than the limit', async () => {
    expect(await refusal(importUrl(`${base}/hop/4`, await context({ limits: { page: { maxRedirects: 3 } } })))).toBe(`${base}/hop/4 redirects too many times.`);
  });

  it('refuses a redirect to an address that is not on the web', async () => {
    expect(await refusal(importUrl(`${base}/to-ftp`, await context()))).toBe(`${base}/to-ftp redirects to an address that is not a web page.`);
  });

  it('gives up on a server that never answers, and hangs up on it', async () => {
    const message = await refusal(importUrl(`${base}/slow`, await context({ limits: { page: { timeoutMs: 300 } } })));
    expect(message).toBe(`127.0.0.1:${new URL(base).port} did not answer within 300 milliseconds.`);
    await hangUpOn('/slow');
  });

  it('gives up on an image that never comes, and keeps the article', async () => {
    const article = await importUrl(`${base}/slow-image-page`, await context({ limits: { image: { timeoutMs: 300 } } }));
    expect(article.images).toEqual({
      saved: 1,
      missed: 1,
      problems: [`never.png: 127.0.0.1:${new URL(base).port} did not answer within 300 milliseconds`],
      reasons: { 'download-failed': 1 },
      upgraded: 0,
    });
    expect(readArticleContent(article.html).figures.map((f) => f.caption)).toEqual(['Photo number 1 of the hall.', 'Photo number 2 of the hall.']);
  });

  it('a picture on another name for this computer (localhost) is not asked at all, in the clear or over https: only the page’s own host is', async () => {
    const article = await importUrl(`${base}/mixed-hosts`, await context());
    expect(article.images).toMatchObject({ saved: 1, missed: 1, reasons: { 'private-address': 1 }, upgraded: 0 });
    expect(article.images?.problems[0]).toBe(`elsewhere.png: localhost:${new URL(base).port} is an address on this computer or its local network, which an article may not reach`);
    // The page's own image came the way the page did; the other name was never asked.
    expect(requests).toContain('/img/hall.png');
    expect(requests).not.toContain('/img/elsewhere.png');
    expect(readArticleContent(article.html).figures.map((f) => f.image?.startsWith('margin://asset/') ?? false)).toEqual([true, false]);
  });

  it('refuses a page over the size cap, whether or not the server says its length', async () => {
    const limits = { page: { maxBytes: 64 * 1024 } };
    expect(await refusal(importUrl(`${base}/big`, await context({ limits })))).toBe(`${base}/big is larger than 64 KB.`);
    expect(await refusal(importUrl(`${base}/big-chunked`, await context({ limits })))).toBe(`${base}/big-chunked is larger than 64 KB.`);
  });

  it('refuses what is not a web page, by its type, without waiting for its body', async () => {
    expect(await refusal(importUrl(`${base}/report.pdf`, await context()))).toBe(`${base}/report.pdf is not a web page (it is application/pdf).`);
    // Given far longer than the test may run: only a refusal that does not wait for the body answers.
    expect(await refusal(importUrl(`${base}/endless.zip`, await context({ limits: { page: { timeoutMs: 600_000 } } })))).toBe(
      `${base}/endless.zip is not a web page (it is application/zip).`,
    );
    // And the download is given up, not left running behind the refusal.
    await hangUpOn('/endless.zip');
  });

  it('says so when nothing answers at the address', async () => {
    expect(await refusal(importUrl(`${deadBase}/article`, await context()))).toBe(
      `Margin could not reach 127.0.0.1:${new URL(deadBase).port}; check the address and your connection.`,
    );
  });

  it('reports a missing page with the status the server gave', async () => {
    expect(await refusal(importUrl(`${base}/no-such-story`, await context()))).toBe(`127.0.0.1:${new URL(base).port} answered 404 Not Found for ${base}/no-such-story.`);
  });

  it('saves only http and https addresses', async () => {
    expect(await refusal(importUrl('ftp://127.0.0.1/story.html', await context()))).toBe('Margin saves only web addresses starting with http:// or https://.');
    expect(await refusal(importUrl('javascript:alert(1)', await context()))).toBe('Margin saves only web addresses starting with http:// or https://.');
  });

  it('decodes a page by the charset its server sends', async () => {
    const article = await importUrl(`${base}/latin1`, await context());
    expect(article.meta.title).toBe('Café culture – a history');
  });

  it('saves a plain-text address as a text article', async () => {
    const article = await importSource(`  ${base}/notes.txt `, await context());
    expect(article.meta.title).toBe('A plain note saved from the web');
    expect(article.meta.sourceUrl).toBe(`${base}/notes.txt`);
    expect(readArticleContent(article.html).text).toContain('It has two paragraphs of text, and that is all.');
  });
});
