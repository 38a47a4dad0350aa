// Fetches from the web with the limits an importer needs: http(s) only, a timeout over the whole
// exchange, a size cap enforced while reading, and a bounded number of redirects (each checked
// again for its scheme). Failures become one sentence a person understands.
import { UserError } from '../errors';
import { parseWebUrl } from '../../shared/web-address';

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
}

/** An address the caller's refuseAddress turned down, told apart from a failure of the network. */
export class AddressRefused extends UserError {}

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

export type FetchFn = typeof fetch;

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

export async function fetchLimited(address: string, limits: FetchLimits, fetchFn: FetchFn = fetch): Promise<Fetched> {
  let url = parseWebUrl(address);
  if (url === null) throw new UserError(`Margin saves only web addresses starting with http:// or https://.`);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const refused = limits.refuseAddress?.(url) ?? null;
      if (refused !== null) throw new AddressRefused(refused);
      const response = await fetchFn(url, { redirect: 'manual', signal, headers: { Accept: 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        // Named by the address the person gave: the hops in between mean nothing to them.
        if (hop >= limits.maxRedirects) throw new UserError(`${address.trim()} redirects too many times.`);
        const next = parseWebUrl(resolveLocation(response.headers.get('location') ?? '', url));
        if (next === null) throw new UserError(`${url.href} redirects to an address that is not a web page.`);
        url = next;
        continue;
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
      const bytes = await readCapped(response, limits.maxBytes, url);
      return { url: url.href, contentType, bytes };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) throw new UserError(`${hostOf(url)} did not answer within ${durationInWords(limits.timeoutMs)}.`);
    throw new UserError(`Margin could not reach ${hostOf(url)}; check the address and your connection.`);
  }
}
