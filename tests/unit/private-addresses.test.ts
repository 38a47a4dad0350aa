// What an article may make Margin contact. A recording server on 127.0.0.1 stands for the
// person's router: it counts every connection, so each test proves that nothing reached it. A
// second loopback server, on another port, stands for the web site the person saves a page from;
// being the page's own host is what lets its images come from a loopback address in these tests,
// exactly as a wiki on the person's network gets its own pictures.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUrl } from '../../electron/core/import/import-file';
import { systemWeb, type WebAccess } from '../../electron/core/net/web-access';
import { articleHtmlFile } from '../../electron/core/library/files';
import { answer, redirectTo, startRecordingServer, type RecordingServer } from '../support/recording-server';
import { fixturesDir, samplePath } from './support/paths';
import { tempDir } from './support/temp-dir';
import { margin } from './support/margin-cli';

const PNG = join(fixturesDir, 'html-import', 'news-figures-credits', 'images', 'aerial.png');
const PRIVATE = 'an address on this computer or its local network';

const TEXT = [
  'The harbour wall collapsed in the storm of 1987 and was rebuilt stone by stone over the following three summers by the same family of masons who had built it a century before.',
  'This year the council finished a second restoration, replacing the iron rings and the wooden fenders, and the ferry will berth at the quay again from October onwards.',
  'Fishermen who moved their boats to the next bay during the works say they will come back, though some have grown used to the quieter water and may stay where they are.',
];

let router: RecordingServer;
let web: RecordingServer;

beforeEach(async () => {
  router = await startRecordingServer();
  web = await startRecordingServer();
  web.serve('/img/harbour.png', answer(await readFile(PNG), 'image/png'));
});

afterEach(async () => {
  await router.close();
  await web.close();
});

/** A page whose pictures point at the router every way a page can. */
function pageNamingTheRouter(ownImage: string | null): string {
  const r = router.origin;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The harbour wall</title>
<base href="${r}/router/"></head><body><article><h1>The harbour wall</h1>
<p>${TEXT[0]} <a href="#notes">See the notes</a>.</p>
${ownImage === null ? '' : `<figure><img src="${ownImage}" alt="The wall"><figcaption>The wall today.</figcaption></figure>`}
<figure><img src="${r}/router/api?cmd=factory-reset" alt="Reset"><figcaption>One.</figcaption></figure>
<figure><img src="photo.png" alt="Relative"><figcaption>Two.</figcaption></figure>
<figure><img srcset="${r}/router/api?cmd=reboot 2x, http://localhost:${router.port}/router/api?cmd=wifi-off 1x" alt="Set"><figcaption>Three.</figcaption></figure>
<figure><img src="http://[::ffff:127.0.0.1]:${router.port}/router/api?cmd=open-port" alt="Mapped"><figcaption>Four.</figcaption></figure>
<figure><img src="http://0.0.0.0:${router.port}/router/api?cmd=dns" alt="Zero"><figcaption>Five.</figcaption></figure>
<p>${TEXT[1]}</p><p id="notes">${TEXT[2]}</p></article></body></html>`;
}

describe('a page cannot make Margin contact this computer or its network', () => {
  it('a saved page on disk naming the router (img, srcset, <base href>, localhost, ::ffff:127.0.0.1, 0.0.0.0), imported with its web images: the router is never contacted, and the summary says why', async () => {
    const dir = await tempDir();
    const page = join(dir, 'harbour.html');
    await writeFile(page, pageNamingTheRouter(null));
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', page, '--fetch-images', '--json');
    expect(imported.code).toBe(0);
    expect(router.connections()).toBe(0);
    const result = JSON.parse(imported.out) as { id: string; images: { saved: number; missed: number; reasons: Record<string, number> } };
    // The relative picture is looked for beside the file, not under the <base> the file names.
    expect(result.images).toMatchObject({ saved: 0, missed: 5, reasons: { 'private-address': 4, missing: 1 } });
    const stored = await readFile(articleHtmlFile(dataDir, result.id), 'utf8');
    expect(stored).not.toContain('127.0.0.1');
    // An in-page link stays in the page, whatever <base> the file names.
    expect(new JSDOM(stored).window.document.querySelector('a')?.getAttribute('href')).toBe('#user-content-notes');
  });

  it('a page saved from the web naming the router: its own picture is saved, the router is never contacted, and an in-page link stays in the page', async () => {
    web.serve('/harbour', answer(pageNamingTheRouter(`${web.origin}/img/harbour.png`), 'text/html; charset=utf-8'));
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', `${web.origin}/harbour`);
    expect(imported.code).toBe(0);
    expect(router.connections()).toBe(0);
    expect(imported.out).toMatch(/ {2}The harbour wall {2}\(1 images saved, 5 missed\)\n$/u);
    expect(imported.err).toBe(`  5 images could not be saved (${PRIVATE}).\n`);
    const [id = ''] = imported.out.split(/\s/u);
    const stored = new JSDOM(await readFile(articleHtmlFile(dataDir, id), 'utf8')).window.document;
    expect(stored.querySelector('a')?.getAttribute('href')).toBe('#user-content-notes');
  });

  it('a picture on the page’s own site that redirects to the router is left out, and the router is never contacted', async () => {
    web.serve('/img/moved.png', redirectTo(`${router.origin}/router/api?cmd=factory-reset`));
    web.serve('/moved', answer(`<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="/img/moved.png" alt="Moved"><figcaption>Moved.</figcaption></figure><figure><img src="/img/harbour.png" alt="Wall"><figcaption>Wall.</figcaption></figure><p>${TEXT[1]}</p></article>`, 'text/html'));
    const article = await importUrl(`${web.origin}/moved`, { dataDir: await tempDir() });
    expect(article.images).toMatchObject({ saved: 1, missed: 1, reasons: { 'private-address': 1 } });
    expect(web.requests).toContain('/img/moved.png');
    expect(router.connections()).toBe(0);
  });

  it('a page that redirects to the router is refused with one sentence, and the router is never contacted', async () => {
    web.serve('/go', redirectTo(`${router.origin}/router/api?cmd=factory-reset`));
    const dataDir = await tempDir();
    const imported = await margin(dataDir, 'import', `${web.origin}/go`);
    expect(imported.code).toBe(1);
    expect(imported.err).toBe(`${web.origin}/go redirects to ${PRIVATE}, which Margin does not follow.\n`);
    expect(router.connections()).toBe(0);
  });

  it('another name for this computer is another host: localhost on the page’s own port is refused too', async () => {
    web.serve('/named', answer(`<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="http://localhost:${web.port}/img/harbour.png" alt="Wall"><figcaption>Wall.</figcaption></figure><p>${TEXT[1]}</p></article>`, 'text/html'));
    const article = await importUrl(`${web.origin}/named`, { dataDir: await tempDir() });
    expect(article.images).toMatchObject({ saved: 0, missed: 1, reasons: { 'private-address': 1 } });
    expect(web.requests).toEqual(['/named']);
  });
});

/** The app's own way to the web, with a resolver that knows a few made-up names. */
function webWithNames(names: Record<string, string[]>): WebAccess & { lookedUp: string[] } {
  const lookedUp: string[] = [];
  return {
    ...systemWeb,
    lookedUp,
    lookup: async (hostname) => {
      lookedUp.push(hostname);
      const found = names[hostname];
      if (found === undefined) throw new Error(`${hostname} is not a known name`);
      return found;
    },
  };
}

describe('names are judged by the addresses they lead to', () => {
  it('a picture whose name leads to this computer (DNS rebinding) is refused before any connection, even on the page’s own port', async () => {
    const page = `<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="http://rebound.example:${web.port}/img/harbour.png" alt="Wall"><figcaption>Wall.</figcaption></figure>
<figure><img src="http://router.example:${router.port}/router/api?cmd=factory-reset" alt="Reset"><figcaption>Reset.</figcaption></figure><p>${TEXT[1]}</p></article>`;
    web.serve('/rebound', answer(page, 'text/html'));
    const access = webWithNames({ 'rebound.example': ['127.0.0.1'], 'router.example': ['::1', '10.0.0.1', '127.0.0.1'] });
    const article = await importUrl(`${web.origin}/rebound`, { dataDir: await tempDir(), web: access });
    expect(article.images).toMatchObject({ saved: 0, missed: 2, reasons: { 'private-address': 2 } });
    expect(access.lookedUp.sort()).toEqual(['rebound.example', 'router.example']);
    expect(web.requests).toEqual(['/rebound']);
    expect(router.connections()).toBe(0);
  });

  it('a page saved by a name that leads to the person’s own network gets its pictures from that name, and from nowhere else there', async () => {
    const page = `<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="/img/harbour.png" alt="Wall"><figcaption>Wall.</figcaption></figure>
<figure><img src="http://127.0.0.1:${web.port}/img/harbour.png" alt="Same machine, other name"><figcaption>Other name.</figcaption></figure>
<figure><img src="http://router.lan:${router.port}/router/api?cmd=factory-reset" alt="Reset"><figcaption>Reset.</figcaption></figure><p>${TEXT[1]}</p></article>`;
    web.serve('/wiki/harbour', answer(page, 'text/html'));
    const access = webWithNames({ 'wiki.lan': ['127.0.0.1'], 'router.lan': ['127.0.0.1'] });
    const article = await importUrl(`http://wiki.lan:${web.port}/wiki/harbour`, { dataDir: await tempDir(), web: access });
    expect(article.meta.sourceUrl).toBe(`http://wiki.lan:${web.port}/wiki/harbour`);
    expect(article.images).toMatchObject({ saved: 1, missed: 2, reasons: { 'private-address': 2 } });
    expect(web.requests).toEqual(['/wiki/harbour', '/img/harbour.png']);
    expect(router.connections()).toBe(0);
  });

  it('the app’s connection goes to the address vetted for the name, without asking the resolver again', async () => {
    const exchange = await systemWeb.send(new URL(`http://nowhere.example:${web.port}/img/harbour.png`), { signal: AbortSignal.timeout(5_000), headers: {} }, ['127.0.0.1']);
    expect(exchange.response.status).toBe(200);
    await exchange.response.body?.cancel();
    await exchange.finish();
    expect(web.requests).toEqual(['/img/harbour.png']);
  });
});

/** A route that answers only when released: a slow server. */
function held(body: Buffer, type: string): { route: (request: unknown, response: ServerResponse) => void; release: () => void } {
  const waiting: ServerResponse[] = [];
  let released = false;
  const send = (response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': type });
    response.end(body);
  };
  return {
    route: (_request, response) => (released ? send(response) : void waiting.push(response)),
    release: () => {
      released = true;
      for (const response of waiting.splice(0)) send(response);
    },
  };
}

describe('a slow picture server', () => {
  it('a picture that does not come within the import’s time for pictures is left out as “took too long”, and the article is saved', async () => {
    web.serve('/img/never.png', () => undefined);
    web.serve('/slow', answer(`<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="/img/harbour.png" alt="Wall"><figcaption>Wall.</figcaption></figure><figure><img src="/img/never.png" alt="Never"><figcaption>Never.</figcaption></figure><p>${TEXT[1]}</p></article>`, 'text/html'));
    const article = await importUrl(`${web.origin}/slow`, { dataDir: await tempDir(), limits: { image: { timeoutMs: 60_000 }, imagesTotalMs: 300 } });
    expect(article.images).toMatchObject({ saved: 1, missed: 1, reasons: { 'too-slow': 1 }, problems: ['never.png: took too long'] });
  });

  it('while an import waits for its pictures, another writer saves to the same library', async () => {
    const dataDir = await tempDir();
    const first = await margin(dataDir, 'import', samplePath, '--json');
    const { id } = JSON.parse(first.out) as { id: string };
    const picture = held(await readFile(PNG), 'image/png');
    web.serve('/img/held.png', picture.route);
    web.serve('/held', answer(`<!DOCTYPE html><title>The harbour wall</title><article><h1>The harbour wall</h1><p>${TEXT[0]}</p>
<figure><img src="/img/held.png" alt="Wall"><figcaption>Wall.</figcaption></figure><p>${TEXT[1]}</p></article>`, 'text/html'));

    const asked = web.requested('/img/held.png');
    const importing = margin(dataDir, 'import', `${web.origin}/held`);
    await asked;
    const tagged = await margin(dataDir, 'tag', id, 'harbours');
    expect(tagged.err).toBe('');
    expect(tagged.code).toBe(0);
    picture.release();
    expect((await importing).code).toBe(0);

    // The same for a new revision of an article (import --update).
    const again = held(await readFile(PNG), 'image/png');
    web.serve('/img/held.png', again.route);
    const askedAgain = web.requested('/img/held.png');
    const updating = margin(dataDir, 'import', `${web.origin}/held`, '--update', id);
    await askedAgain;
    const untagged = await margin(dataDir, 'untag', id, 'harbours');
    expect(untagged.err).toBe('');
    expect(untagged.code).toBe(0);
    again.release();
    expect((await updating).code).toBe(0);
  });
});
