// Fetches from the web with the limits an importer needs: http(s) only, a timeout over the whole
// exchange, a size cap enforced while reading, and a bounded number of redirects (each checked
// again for its scheme). Failures become one sentence a person understands.
import { UserError } from '../errors';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

export type FetchFn = typeof fetch;

function hostOf(url: URL): string {
  return url.host;
}

export function parseWebUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

async function readCapped(response: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new UserError(`${url.href} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new UserError(`${url.href} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
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

export async function fetchLimited(address: string, limits: FetchLimits, fetchFn: FetchFn = fetch): Promise<Fetched> {
  let url = parseWebUrl(address);
  if (url === null) throw new UserError(`Margin saves only web addresses starting with http:// or https://.`);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(url, { redirect: 'manual', signal, headers: { Accept: 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= limits.maxRedirects) throw new UserError(`${url.href} redirects too many times.`);
        const next = parseWebUrl(new URL(response.headers.get('location') ?? '', url).href);
        if (next === null) throw new UserError(`${url.href} redirects to an address that is not a web page.`);
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new UserError(`${hostOf(url)} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.href}.`);
      }
      const bytes = await readCapped(response, limits.maxBytes, url);
      return { url: url.href, contentType: (response.headers.get('content-type') ?? '').toLowerCase(), bytes };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) throw new UserError(`${hostOf(url)} did not answer within ${Math.round(limits.timeoutMs / 1000)} seconds.`);
    throw new UserError(`Margin could not reach ${hostOf(url)}; check the address and your connection.`);
  }
}
