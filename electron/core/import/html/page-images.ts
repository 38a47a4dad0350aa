// Copies every content image of an imported page into the library's asset store and points the
// page at the stored copy. Saved pages read their images from disk, never from outside the
// page's own folder; remote images are fetched only when allowed. An image that cannot be kept
// is removed and counted, its figure and caption stay.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetUrl } from '../../../shared/asset-url';
import { storeAsset } from '../../assets/asset-store';
import { fetchLimited, type FetchFn } from '../fetch-limited';
import { MAX_IMAGE_BYTES, checkImage } from '../image-check';

export interface ImageContext {
  /** Where images are stored; null stores nothing (every image counts as missed). */
  dataDir: string | null;
  /** The saved page's folder: local images must lie inside it. */
  localRoot: string | null;
  /** Fetch http(s) images; off when the import must not touch the network. */
  fetchRemote: boolean;
  fetch?: FetchFn;
}

export interface ImageReport {
  saved: number;
  missed: number;
  /** One short reason per missed image, e.g. "photo.jpg: not found". */
  problems: string[];
}

const IMAGE_FETCH = { timeoutMs: 15_000, maxBytes: MAX_IMAGE_BYTES, maxRedirects: 5 };

async function insideRoot(path: string, root: string): Promise<string | null> {
  try {
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    return real.startsWith(realRoot + sep) ? real : null;
  } catch {
    return null;
  }
}

function decodeDataUrl(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+;base64,([a-z0-9+/=\s]+)$/iu.exec(src);
  return match?.[1] === undefined ? null : new Uint8Array(Buffer.from(match[1], 'base64'));
}

async function loadBytes(src: string, context: ImageContext): Promise<Uint8Array | string> {
  if (src.startsWith('data:')) return decodeDataUrl(src) ?? 'not an image';
  const url = new URL(src);
  if (url.protocol === 'file:') {
    if (context.localRoot === null) return 'a file on disk';
    const path = await insideRoot(fileURLToPath(url), context.localRoot);
    if (path === null) return "outside the page's folder or missing";
    if ((await stat(path)).size > MAX_IMAGE_BYTES) return 'larger than 20 MB';
    return new Uint8Array(await readFile(path));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not a web or file address';
  if (!context.fetchRemote) return 'on the web, and this import works offline';
  try {
    const fetched = await fetchLimited(url.href, IMAGE_FETCH, context.fetch);
    return fetched.bytes;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/\.$/u, '') : 'could not be fetched';
  }
}

function label(src: string): string {
  if (src.startsWith('data:')) return 'an inline image';
  try {
    return decodeURIComponent(basename(new URL(src).pathname)) || src;
  } catch {
    return src;
  }
}

export async function keepPageImages(root: Element, context: ImageContext): Promise<ImageReport> {
  const report: ImageReport = { saved: 0, missed: 0, problems: [] };
  const stored = new Map<string, string | null>();
  for (const img of [...root.querySelectorAll('img')]) {
    const src = img.getAttribute('src');
    let url: string | null = null;
    let problem: string | null = null;
    if (src === null || src === '') problem = 'no source';
    else if (stored.has(src)) url = stored.get(src) ?? null;
    else if (context.dataDir === null) problem = 'not stored';
    else {
      const loaded = await loadBytes(src, context).catch(() => 'could not be read');
      const checked = typeof loaded === 'string' ? { ok: false as const, reason: loaded } : checkImage(loaded);
      if (checked.ok) url = assetUrl(await storeAsset(context.dataDir, checked.bytes, checked.extension));
      else problem = checked.reason;
      stored.set(src, url);
    }
    if (url !== null) {
      img.setAttribute('src', url);
      report.saved++;
    } else {
      img.remove();
      // Tracking pixels are not photos anyone misses.
      if (problem !== 'a tracking pixel') {
        report.missed++;
        report.problems.push(`${label(src ?? '')}: ${problem ?? 'could not be kept'}`);
      }
    }
  }
  return report;
}
