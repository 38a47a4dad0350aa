// A stand-in for the web, for tests of what an import fetches: one loopback server plays every
// host, and the fetch handed to the importer sends each request there instead of the real web
// (https://photos.example/a.png arrives as /https/photos.example/a.png). The server records every
// request it receives, so a test can prove that an import asked for nothing, or for exactly what
// it should, over which scheme.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface LoopbackWeb {
  /** A fetch with the signature of the global one, that reaches only this server. */
  fetch: typeof fetch;
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
  const loopbackFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return fetch(`${origin}/${url.protocol.replace(':', '')}/${url.host}${url.pathname}${url.search}`, init);
  };
  return {
    fetch: loopbackFetch,
    requests,
    serve: (address, route) => routes.set(address, route),
    refuse: (address) => refused.add(address),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
