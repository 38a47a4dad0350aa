// A stand-in for the web, for tests of what an import fetches: one loopback server plays every
// host, and the web access handed to the importer sends each request there instead of the real
// web (https://photos.example/a.png arrives as /https/photos.example/a.png). Its resolver answers
// every made-up name with a public address, which is never dialled, so the importer's address
// rules treat these names as the web they stand for; an address written as an IP (127.0.0.1) is
// judged as itself and never reaches this server. The server records every request it receives,
// so a test can prove that an import asked for nothing, or for exactly what it should, over which
// scheme.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange, SendInit, WebAccess } from '../../electron/core/net/web-access';

/** A public address (example.com's): what the stand-in resolver answers for every name. Never connected to. */
export const STAND_IN_PUBLIC_ADDRESS = '93.184.215.14';
const standInLookup = async () => [STAND_IN_PUBLIC_ADDRESS];

/** Web access over any fetch-like function: the stand-in resolver, and `fetch` carrying each request. */
export function webOver(send: (url: URL, init: SendInit) => Promise<Response>): WebAccess {
  return {
    lookup: standInLookup,
    send: async (url, init): Promise<Exchange> => ({ response: await send(url, init), finish: async () => undefined }),
  };
}

/** A web that answers 404 to everything and records each address asked for. */
export function recordingWeb(log: string[]): WebAccess {
  return webOver(async (url) => {
    log.push(url.href);
    return new Response('no', { status: 404 });
  });
}

/** A web any request to which fails the test. */
export const noNetwork: WebAccess = {
  lookup: async (hostname) => {
    throw new Error(`the import tried to look up ${hostname}`);
  },
  send: async (url) => {
    throw new Error(`the import tried to fetch ${url.href}`);
  },
};

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface LoopbackWeb {
  /** Web access that reaches only this server. */
  access: WebAccess;
  /** Every request the server received, as "https://host/path". */
  requests: string[];
  /** Answers requests for this address ("https://host/path"). */
  serve(address: string, route: Route): void;
  /** Makes this address fail the way a host fails that does not speak the scheme (no answer at all). */
  refuse(address: string): void;
  close(): Promise<void>;
}

/** Serves bytes with a content type. */
export const bytes = (body: Buffer | string, type: string): Route => (_request, response) => {
  response.writeHead(200, { 'Content-Type': type });
  response.end(body);
};

export async function startLoopbackWeb(): Promise<LoopbackWeb> {
  const routes = new Map<string, Route>();
  const refused = new Set<string>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const [, scheme = '', host = '', ...rest] = (request.url ?? '/').split('/');
    const address = `${scheme}://${host}/${rest.join('/')}`;
    requests.push(address);
    if (refused.has(address)) {
      request.socket.destroy();
      return;
    }
    const route = routes.get(address);
    if (route !== undefined) return route(request, response);
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const access = webOver((url, init) => fetch(`${origin}/${url.protocol.replace(':', '')}/${url.host}${url.pathname}${url.search}`, { ...init, redirect: 'manual' }));
  return {
    access,
    requests,
    serve: (address, route) => routes.set(address, route),
    refuse: (address) => refused.add(address),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
