// Copies every content image of an imported page into the library's asset store and points the
// page at the stored copy. Saved pages read their images from disk, never from outside the
// page's own folder; remote images are fetched only when allowed. An image that cannot be kept
// is removed and counted, its figure and caption stay.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetUrl } from '../../../shared/asset-url';
import { storeAsset } from '../../assets/asset-store';
import { fetchLimited, type FetchFn, type FetchLimits } from '../fetch-limited';
import { MAX_IMAGE_BYTES, TRACKING_PIXEL, checkImage } from '../image-check';
import type { ImageFallbacks } from './lazy-images';

export interface ImageContext {
  /** Where images are stored; null stores nothing (every image counts as missed). */
  dataDir: string | null;
  /** The saved page's folder: local images must lie inside it. */
  localRoot: string | null;
  /** Fetch http(s) images; off when the import must not touch the network. */
  fetchRemote: boolean;
  fetch?: FetchFn;
  /** Overrides of IMAGE_FETCH (tests use short timeouts). */
  fetchLimits?: Partial<FetchLimits>;
}

export interface ImageReport {
  saved: number;
  missed: number;
  /** One short reason per missed image, e.g. "photo.jpg: not found". */
  problems: string[];
}

export const IMAGE_FETCH: FetchLimits = { timeoutMs: 15_000, maxBytes: MAX_IMAGE_BYTES, maxRedirects: 5 };
/** Remote images are fetched a few at a time: a page of thirty photos should not take thirty round trips in a row. */
const PARALLEL_FETCHES = 4;

type Outcome = { url: string } | { problem: string };

/** The real path when it lies inside the root, else why not. */
async function insideRoot(path: string, root: string): Promise<string | { problem: string }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { problem: 'not found' };
  }
  const realRoot = await realpath(root).catch(() => root);
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  return real.startsWith(prefix) ? real : { problem: "outside the saved page's folder" };
}

function decodeDataUrl(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+;base64,([a-z0-9+/=\s]+)$/iu.exec(src);
  return match?.[1] === undefined ? null : new Uint8Array(Buffer.from(match[1], 'base64'));
}

async function loadBytes(src: string, context: ImageContext): Promise<Uint8Array | { problem: string }> {
  if (src.startsWith('data:')) return decodeDataUrl(src) ?? { problem: 'not an image Margin can show' };
  const url = new URL(src);
  if (url.protocol === 'file:') {
    if (context.localRoot === null) return { problem: 'a file on this computer, which a web page may not use' };
    const path = await insideRoot(fileURLToPath(url), context.localRoot);
    if (typeof path !== 'string') return path;
    const info = await stat(path);
    if (!info.isFile()) return { problem: 'not a file' };
    if (info.size > MAX_IMAGE_BYTES) return { problem: 'larger than 20 MB' };
    return new Uint8Array(await readFile(path));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not a web or file address' };
  if (!context.fetchRemote) return { problem: 'on the web, and this import works offline' };
  try {
    const fetched = await fetchLimited(url.href, { ...IMAGE_FETCH, ...context.fetchLimits }, context.fetch);
    return fetched.bytes;
  } catch (error) {
    return { problem: error instanceof Error ? error.message.replace(/\.$/u, '') : 'could not be fetched' };
  }
}

async function keepOne(src: string, dataDir: string, context: ImageContext): Promise<Outcome> {
  const loaded = await loadBytes(src, context).catch(() => ({ problem: 'could not be read' }));
  if (!(loaded instanceof Uint8Array)) return loaded;
  const checked = checkImage(loaded);
  if (!checked.ok) return { problem: checked.reason };
  return { url: assetUrl(await storeAsset(dataDir, checked.bytes, checked.extension)) };
}

/**
 * The chosen source, then the page's other sources for the same picture, until one is kept. A
 * saved page's own copy on disk comes first: it is what the person saved, and it needs no network.
 */
async function keepWithFallbacks(src: string, dataDir: string, context: ImageContext, fallbacks: ImageFallbacks): Promise<Outcome> {
  const all = [src, ...(fallbacks.get(src) ?? [])];
  const ordered = context.localRoot === null ? all : [...all.filter((url) => url.startsWith('file:')), ...all.filter((url) => !url.startsWith('file:'))];
  const failures = new Map<string, Outcome>();
  for (const candidate of ordered) {
    const outcome = await keepOne(candidate, dataDir, context);
    if ('url' in outcome) return outcome;
    failures.set(candidate, outcome);
  }
  // The reason reported is the one for the source the page meant to show.
  return failures.get(src) ?? { problem: 'could not be kept' };
}

function label(src: string): string {
  if (src === '') return 'an image';
  if (src.startsWith('data:')) return 'an inline image';
  try {
    return decodeURIComponent(basename(new URL(src).pathname)) || src;
  } catch {
    return src;
  }
}

export async function keepPageImages(root: Element, context: ImageContext, fallbacks: ImageFallbacks = new Map()): Promise<ImageReport> {
  const report: ImageReport = { saved: 0, missed: 0, problems: [] };
  const images = Array.from(root.getElementsByTagName('img'));
  const sources = [...new Set(images.map((img) => img.getAttribute('src') ?? '').filter((src) => src !== ''))];
  const outcomes = new Map<string, Outcome>();
  const { dataDir } = context;
  if (dataDir !== null) {
    let next = 0;
    const worker = async () => {
      while (next < sources.length) {
        const src = sources[next++] as string;
        outcomes.set(src, await keepWithFallbacks(src, dataDir, context, fallbacks));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, sources.length) }, worker));
  }
  for (const img of images) {
    const src = img.getAttribute('src') ?? '';
    const outcome: Outcome = src === '' ? { problem: 'no source' } : (outcomes.get(src) ?? { problem: 'not stored' });
    if ('url' in outcome) {
      img.setAttribute('src', outcome.url);
      report.saved++;
      continue;
    }
    img.remove();
    // Tracking pixels are not photos anyone misses.
    if (outcome.problem !== TRACKING_PIXEL) {
      report.missed++;
      report.problems.push(`${label(src)}: ${outcome.problem}`);
    }
  }
  return report;
}
