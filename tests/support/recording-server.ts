// A real server on 127.0.0.1 that counts every TCP connection made to it, not only the requests
// it understands: an https attempt on a plain-http port never becomes a request, but it did reach
// the machine. Tests stand it up as the person's router (which must never be contacted) or as a
// web server (which answers the routes a test gives it, and can hold an answer until released).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface RecordingServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** How many connections anyone opened to this server. */
  connections(): number;
  /** The paths (with their query) of the requests it received, in order. */
  requests: string[];
  serve(path: string, route: Route): void;
  /** Resolves when a request for this path arrives. */
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}

export const answer = (body: Buffer | string, type: string): Route => (_request, response) => {
  response.writeHead(200, { 'Content-Type': type });
  response.end(body);
};

export const redirectTo = (location: string): Route => (_request, response) => {
  response.writeHead(302, { Location: location });
  response.end();
};

export async function startRecordingServer(): Promise<RecordingServer> {
  const routes = new Map<string, Route>();
  const waiting = new Map<string, () => void>();
  const requests: string[] = [];
  let connections = 0;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    waiting.get(path.split('?')[0] ?? path)?.();
    const route = routes.get(path.split('?')[0] ?? path);
    if (route !== undefined) return route(request, response);
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests,
    serve: (path, route) => routes.set(path, route),
    requested: (path) => new Promise<void>((done) => waiting.set(path, done)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
