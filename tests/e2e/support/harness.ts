// Runs the built renderer in Chromium the way the app does: served with the app's responder
// (and its CSP header) from a loopback server, `window.margin` wired by exposeBinding to the
// real handler table over a real library in a temp dir.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { build } from 'vite';
import { createHandlers, type HandlerOptions, type Platform } from '../../../electron/core/handlers';
import { Library } from '../../../electron/core/library/library';
import { addSampleToNewLibrary } from '../../../electron/core/library/sample';
import { APP_ORIGIN, serveAppRequest } from '../../../electron/core/protocol/app-files';
import { ChosenPaths } from '../../../electron/core/security/chosen-paths';
import { isTrustedSender } from '../../../electron/core/security/trusted-sender';
import type { Channel } from '../../../electron/shared/channels';
import { fail } from '../../../electron/shared/result';

const root = resolve(import.meta.dirname, '../../..');
export const rendererDir = join(root, 'out', 'renderer');
export const samplePath = join(root, 'assets', 'sample', 'ukraine-advance.txt');

let bridge: Promise<string> | null = null;

function pageBridge(): Promise<string> {
  bridge ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'page-bridge.ts'), formats: ['iife'], name: 'marginPageBridge' },
    },
  }).then((output) => {
    const first = Array.isArray(output) ? output[0] : output;
    if (first === undefined || !('output' in first)) throw new Error('page bridge did not build');
    return first.output[0].code;
  });
  return bridge;
}

function serve(dataDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    void serveAppRequest({ rendererDir, dataDir }, `margin://app${request.url ?? '/'}`).then((answer) => {
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      done({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

export interface Reader {
  page: Page;
  library: Library;
  dataDir: string;
  /** A folder of the person's own files, outside the library (where they save exports and keep articles). */
  homeDir: string;
  origin: string;
  /** Requests the page made anywhere but the app's own origin. */
  foreignRequests: string[];
  /** The channel of each request the page made to the handler table, in order. */
  requests: Channel[];
  /** What the next save dialog answers (a path, or null for Cancel). */
  savePath: string | null;
  /** What the next open dialog answers. */
  importPaths: string[];
  /** What the next folder dialog answers. */
  folderPath: string | null;
  /** What the next single-file open dialog answers. */
  openPath: string | null;
  open(): Promise<void>;
  /** Holds every request on a channel until the returned function is called (a slow disk). */
  hold(channel: Channel): () => void;
  /**
   * Lets the next request on a channel run at once but holds its answer (a reply slow to arrive):
   * `ran` settles once the handler has answered, `release` sends the answer and settles once it is sent.
   */
  holdNextAnswer(channel: Channel): { ran: Promise<void>; release(): Promise<void> };
  menu(command: string): Promise<void>;
  close(): Promise<void>;
}

/** @param options what the handler table is given, as main gives it (a test's loopback-only fetch; the operating system, Linux unless a test says otherwise). */
export async function startReader(page: Page, prepare?: (library: Library) => Promise<void>, options: HandlerOptions = {}): Promise<Reader> {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-e2e-'));
  const homeDir = await mkdtemp(join(tmpdir(), 'margin-e2e-home-'));
  const library = await Library.open(dataDir);
  await addSampleToNewLibrary(library, samplePath);
  await prepare?.(library);
  const { server, origin } = await serve(dataDir);
  const reader: Reader = {
    page,
    library,
    dataDir,
    homeDir,
    origin,
    foreignRequests: [],
    requests: [],
    savePath: null,
    importPaths: [],
    folderPath: null,
    openPath: null,
    async open() {
      await page.goto(`${origin}/index.html`);
      await page.locator('.headline').first().waitFor();
    },
    hold(channel) {
      let release: () => void = () => undefined;
      holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(channel);
        release();
      };
    },
    holdNextAnswer(channel) {
      let ran: () => void = () => undefined;
      let send: () => void = () => undefined;
      let sent: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (ran = resolve));
      const released = new Promise<void>((resolve) => (send = resolve));
      const delivered = new Promise<void>((resolve) => (sent = resolve));
      answerHolds.set(channel, { ran, released, sent });
      return {
        ran: answered,
        release: async () => {
          send();
          await delivered;
        },
      };
    },
    async menu(command) {
      await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('margin:menu-command', { detail })), command);
    },
    async close() {
      // Let the page go, and every request it made finish, before its library is removed.
      await page.close();
      await Promise.allSettled([...pending]);
      await new Promise((done) => server.close(done));
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
      await rm(homeDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  const platform: Platform = {
    chooseSavePath: async () => reader.savePath,
    chooseImportFiles: async () => reader.importPaths,
    chooseFolder: async () => reader.folderPath,
    chooseOpenFile: async () => reader.openPath,
  };
  // What main grants outside the handlers: files named on the command line and dropped (see page-bridge.ts).
  const chosenPaths = options.chosenPaths ?? new ChosenPaths();
  const handlers = createHandlers(library, platform, { os: 'linux', ...options, chosenPaths });
  const pending = new Set<Promise<unknown>>();
  const holds = new Map<Channel, Promise<void>>();
  const answerHolds = new Map<Channel, { ran: () => void; released: Promise<void>; sent: () => void }>();
  // The same sender check main makes: only the app's own page, in its main frame.
  // The page is served from loopback here, so its URL is mapped onto margin://app/ for the check.
  const fromApp = (source: { frame: Frame }) =>
    isTrustedSender({ url: source.frame.url().replace(`${origin}/`, `${APP_ORIGIN}/`), isMainFrame: source.frame === page.mainFrame() });
  await page.exposeBinding('__marginGrant', (source, paths: unknown) => {
    if (fromApp(source)) chosenPaths.grantDropped(paths);
  });
  await page.exposeBinding('__marginInvoke', async (source, channel: string, input: unknown) => {
    if (!fromApp(source)) {
      return JSON.stringify(fail('Margin refused a request from outside the app.'));
    }
    const handler = handlers[channel as Channel];
    if (handler === undefined) return JSON.stringify(fail('Unknown request.'));
    reader.requests.push(channel as Channel);
    const call = (holds.get(channel as Channel) ?? Promise.resolve()).then(() => handler(input));
    pending.add(call);
    void call.finally(() => pending.delete(call));
    const answerHold = answerHolds.get(channel as Channel);
    answerHolds.delete(channel as Channel);
    // As JSON text: Playwright's own serialiser walks an answer value by value and takes seconds
    // on an article with thousands of highlights, a cost Electron's IPC (structured clone) does
    // not have. JSON text crosses in one piece, closer to what the app pays.
    const answer = JSON.stringify((await call) ?? null);
    if (answerHold !== undefined) {
      answerHold.ran();
      await answerHold.released;
      setImmediate(answerHold.sent);
    }
    return answer;
  });
  await page.addInitScript({ content: await pageBridge() });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) reader.foreignRequests.push(url);
  });
  return reader;
}
