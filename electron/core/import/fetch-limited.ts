// Fetches from the web with the limits an importer needs: http(s) only, a timeout over the whole
// exchange, a size cap enforced while reading, and a bounded number of redirects (each checked
// again for its scheme and, before connecting, for the addresses it may reach: net/reach.ts).
// Failures become one sentence a person understands.
import { UserError } from '../errors';
import { parseWebUrl } from '../../shared/web-address';
import { articleHostOf, namedByContent, type ArticleHost, type NamedBy } from '../net/reach';
import { LOCAL_NETWORK, LocalAddressRefused, vettedAddresses } from '../net/vetted-addresses';
import { systemWeb, type Exchange, type WebAccess } from '../net/web-access';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /**
   * Looks at the final answer's content type before its body is read: a sentence refuses it
   * (a 40 MB PDF is refused without being downloaded), null accepts it.
   */
  refuseType?: (contentType: string, url: string) => string | null;
  /** Looks at every address before it is asked, redirects included: a sentence refuses it, null lets it through. */
  refuseAddress?: (url: URL) => string | null;
  /**
   * Who named the address: the person (it may be anywhere; its redirects are then content that may
   * reach the person's host only) or content (public addresses and its article's own host). Content
   * unless said.
   */
  named?: NamedBy;
  /** Ends the exchange early (an import's time for pictures running out). */
  signal?: AbortSignal;
}

/** An address the caller's refuseAddress turned down, told apart from a failure of the network. */
export class AddressRefused extends UserError {}

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** The private host the answer came from (its pictures may come from it too), or null for a public one. */
  articleHost: ArticleHost | null;
}

function hostOf(url: URL): string {
  return url.host;
}


/** "30 seconds", "1 second", "250 milliseconds": never "0 seconds" for a short limit. */
function durationInWords(ms: number): string {
  if (ms < 1000) return `${ms} milliseconds`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** "50 MB", "64 KB": the cap in words, never "0 MB" for a small one. */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

async function readCapped(response: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`${url.href} is larger than ${sizeInWords(maxBytes)}.`);
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new UserError(`${url.href} is larger than ${sizeInWords(maxBytes)}.`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return '';
  }
}

const ACCEPT = 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5';

/** One answer, read or refused; a redirect hands back where it goes. */
async function readAnswer(exchange: Exchange, url: URL, limits: FetchLimits): Promise<{ next: URL } | { contentType: string; bytes: Uint8Array }> {
  const { response } = exchange;
  if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
    await response.body?.cancel().catch(() => undefined);
    const next = parseWebUrl(resolveLocation(response.headers.get('location') ?? '', url));
    if (next === null) throw new UserError(`${url.href} redirects to an address that is not a web page.`);
    return { next };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`${hostOf(url)} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.href}.`);
  }
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  const refusal = limits.refuseType?.(contentType, url.href) ?? null;
  if (refusal !== null) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(refusal);
  }
  return { contentType, bytes: await readCapped(response, limits.maxBytes, url) };
}

export async function fetchLimited(address: string, limits: FetchLimits, web: WebAccess = systemWeb): Promise<Fetched> {
  let url = parseWebUrl(address);
  if (url === null) throw new UserError(`Margin saves only web addresses starting with http:// or https://.`);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal === undefined ? timeout : AbortSignal.any([timeout, limits.signal]);
  let named = limits.named ?? namedByContent();
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await vettedAddresses(url, named, web.lookup).catch((error: unknown) => {
        // Named by the address the person gave: the hops in between mean nothing to them.
        if (hop > 0 && error instanceof LocalAddressRefused) throw new LocalAddressRefused(`${address.trim()} redirects to ${LOCAL_NETWORK}, which Margin does not follow.`);
        throw error;
      });
      const refused = limits.refuseAddress?.(url) ?? null;
      if (refused !== null) throw new AddressRefused(refused);
      const exchange = await web.send(url, { signal, headers: { Accept: ACCEPT } }, addresses);
      let answer: Awaited<ReturnType<typeof readAnswer>>;
      try {
        answer = await readAnswer(exchange, url, limits);
      } finally {
        await exchange.finish();
      }
      if ('bytes' in answer) return { url: url.href, contentType: answer.contentType, bytes: answer.bytes, articleHost: articleHostOf(url, addresses) };
      if (hop >= limits.maxRedirects) throw new UserError(`${address.trim()} redirects too many times.`);
      // Where the person's address sends them is the page's doing: it may stay on their host, no further.
      if (named.by === 'person') named = namedByContent(articleHostOf(url, addresses));
      url = answer.next;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) throw new UserError(`${hostOf(url)} did not answer within ${durationInWords(limits.timeoutMs)}.`);
    throw new UserError(`Margin could not reach ${hostOf(url)}; check the address and your connection.`);
  }
}
