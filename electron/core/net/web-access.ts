// How Margin reaches the web: one request at a time, each connected only to addresses vetted
// beforehand (vetted-addresses.ts). The connection is made by undici with a lookup that answers
// the vetted addresses and nothing else, so the name is never resolved a second time, and the
// socket's remote address is checked once connected. Each request has its own connection pool,
// closed when the answer has been read: nothing is reused across hosts or permissions.
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { canonicalAddress } from './address-kind';
import { systemLookup, type Lookup } from './vetted-addresses';

export interface SendInit {
  signal: AbortSignal;
  headers: Record<string, string>;
}

/** An answer, and what to call once its body has been read or given up. */
export interface Exchange {
  response: Response;
  finish(): Promise<void>;
}

export interface WebAccess {
  lookup: Lookup;
  /** One request, redirects not followed, connected to one of `addresses` and no other. */
  send(url: URL, init: SendInit, addresses: readonly string[]): Promise<Exchange>;
}

function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    const [first] = entries;
    if (first === undefined) callback(new Error('no vetted address'), '', 0);
    else if (options.all === true) (callback as unknown as (error: null, all: typeof entries) => void)(null, entries);
    else callback(null, first.address, first.family);
  };
}

function pinnedAgent(addresses: readonly string[]): Agent {
  const connectTo = buildConnector({ lookup: pinnedLookup(addresses) });
  const allowed = new Set(addresses.map(canonicalAddress));
  return new Agent({
    connect: (options, callback) =>
      connectTo(options, (error, socket) => {
        if (error !== null) return callback(error, null);
        const remote = socket.remoteAddress === undefined ? null : canonicalAddress(socket.remoteAddress);
        if (remote !== null && allowed.has(remote)) return callback(null, socket);
        socket.destroy();
        callback(new Error(`connected to ${socket.remoteAddress ?? 'an unknown address'}, which was not vetted`), null);
      }),
  });
}

async function sendPinned(url: URL, init: SendInit, addresses: readonly string[]): Promise<Exchange> {
  const agent = pinnedAgent(addresses);
  try {
    const response = await undiciFetch(url, { redirect: 'manual', signal: init.signal, headers: init.headers, dispatcher: agent });
    return { response: response as unknown as Response, finish: () => agent.destroy() };
  } catch (error) {
    await agent.destroy();
    throw error;
  }
}

export const systemWeb: WebAccess = { lookup: systemLookup, send: sendPinned };
