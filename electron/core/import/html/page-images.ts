// Copies every content image of an imported page into the library's asset store and points the
// page at the stored copy. Saved pages read their images from disk, never from outside the
// page's own folder; remote images are fetched only when allowed, and over https (an address on
// plain http is asked over https instead, or refused). An image that cannot be kept leaves a
// placeholder holding its alt text, inside its figure with its caption, and is counted by why.
// Remote images reach only public addresses and the private host the article came from
// (net/reach.ts), and share one time budget: a slow server costs the import seconds, not minutes.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetUrl } from '../../../shared/asset-url';
import { MISSING_IMAGE_CLASS, NO_IMAGES, type ImageMissReason, type ImageSummary } from '../../../shared/image-summary';
import { storeAsset } from '../../assets/asset-store';
import { namedByContent, type ArticleHost } from '../../net/reach';
import { LocalAddressRefused } from '../../net/vetted-addresses';
import type { WebAccess } from '../../net/web-access';
import { AddressRefused, fetchLimited, type FetchLimits } from '../fetch-limited';
import { MAX_IMAGE_BYTES, TRACKING_PIXEL, checkImage } from '../image-check';
import type { ImageFallbacks } from './lazy-images';

export interface ImageContext {
  /** Where images are stored; null stores nothing (every image counts as missed). */
  dataDir: string | null;
  /** The saved page's folder: local images must lie inside it. */
  localRoot: string | null;
  /** Fetch http(s) images; off when the import must not touch the network. */
  fetchRemote: boolean;
  web?: WebAccess;
  /** Overrides of IMAGE_FETCH (tests use short timeouts). */
  fetchLimits?: Partial<FetchLimits>;
  /** How long all of the page's images may take together (IMAGES_TIME_BUDGET_MS unless said). */
  timeBudgetMs?: number;
  /** The private host the article was fetched from, whose own images may come from it; null for a file or a public page. */
  articleHost?: ArticleHost | null;
  /**
   * The origin of a page the person chose to read over plain http: its own images come the way
   * the page did. Every other http image is asked over https.
   */
  plainHttpOrigin?: string | null;
}

export type ImageReport = ImageSummary;

export const IMAGE_FETCH: FetchLimits = { timeoutMs: 15_000, maxBytes: MAX_IMAGE_BYTES, maxRedirects: 5 };
/** All of an article's images together: what is not fetched by then is left as a placeholder. */
export const IMAGES_TIME_BUDGET_MS = 30_000;
const TOO_SLOW: Failure = { problem: 'took too long', reason: 'too-slow' };
/** Remote images are fetched a few at a time: a page of thirty photos should not take thirty round trips in a row. */
const PARALLEL_FETCHES = 4;

type Failure = { problem: string; reason: ImageMissReason | 'tracker' };
type Outcome = { url: string; upgraded: boolean } | Failure;
type Loaded = { bytes: Uint8Array; upgraded: boolean } | Failure;

/** The real path when it lies inside the root, else why not. */
async function insideRoot(path: string, root: string): Promise<string | Failure> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { problem: 'not found', reason: 'missing' };
  }
  const realRoot = await realpath(root).catch(() => root);
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  return real.startsWith(prefix) ? real : { problem: "outside the saved page's folder", reason: 'outside-folder' };
}

function decodeDataUrl(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+;base64,([a-z0-9+/=\s]+)$/iu.exec(src);
  return match?.[1] === undefined ? null : new Uint8Array(Buffer.from(match[1], 'base64'));
}

async function readLocal(url: URL, context: ImageContext): Promise<Loaded> {
  if (context.localRoot === null) return { problem: 'a file on this computer, which a web page may not use', reason: 'not-allowed' };
  const path = await insideRoot(fileURLToPath(url), context.localRoot);
  if (typeof path !== 'string') return path;
  const info = await stat(path);
  if (!info.isFile()) return { problem: 'not a file', reason: 'missing' };
  if (info.size > MAX_IMAGE_BYTES) return { problem: 'larger than 20 MB', reason: 'not-usable' };
  return { bytes: new Uint8Array(await readFile(path)), upgraded: false };
}

/** Whether an address may be asked over plain http: only on the host of a page the person read that way. */
const plainHttpAllowed = (url: URL, context: ImageContext) => url.protocol !== 'http:' || url.origin === (context.plainHttpOrigin ?? null);

const sentence = (error: unknown) => (error instanceof Error ? error.message.replace(/\.$/u, '') : 'could not be fetched');

async function fetchRemote(url: URL, context: ImageContext, budget: AbortSignal): Promise<Loaded> {
  // As browsers treat an image on a secure page: asked over https, never sent in the clear.
  const upgraded = !plainHttpAllowed(url, context);
  if (upgraded) url.protocol = 'https:';
  const refuseAddress = (next: URL) => (plainHttpAllowed(next, context) ? null : `${next.host} redirects to plain http`);
  const limits: FetchLimits = { ...IMAGE_FETCH, ...context.fetchLimits, refuseAddress, named: namedByContent(context.articleHost ?? null), signal: budget };
  try {
    const fetched = await fetchLimited(url.href, limits, context.web);
    return { bytes: fetched.bytes, upgraded };
  } catch (error) {
    if (error instanceof LocalAddressRefused) return { problem: sentence(error), reason: 'private-address' };
    if (budget.aborted) return TOO_SLOW;
    if (error instanceof AddressRefused) return { problem: sentence(error), reason: 'plain-http' };
    if (upgraded) return { problem: `offered only over plain http (over https: ${sentence(error)})`, reason: 'plain-http' };
    return { problem: sentence(error), reason: 'download-failed' };
  }
}

async function loadBytes(src: string, context: ImageContext, budget: AbortSignal): Promise<Loaded> {
  if (src.startsWith('data:')) {
    const bytes = decodeDataUrl(src);
    return bytes === null ? { problem: 'not an image Margin can show', reason: 'not-usable' } : { bytes, upgraded: false };
  }
  const url = new URL(src);
  if (url.protocol === 'file:') return readLocal(url, context);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not a web or file address', reason: 'not-allowed' };
  if (!context.fetchRemote) return { problem: 'on the web, and this import works offline', reason: 'not-fetched' };
  return fetchRemote(url, context, budget);
}

async function keepOne(src: string, dataDir: string, context: ImageContext, budget: AbortSignal): Promise<Outcome> {
  if (budget.aborted) return TOO_SLOW;
  const loaded = await loadBytes(src, context, budget).catch((): Failure => ({ problem: 'could not be read', reason: 'missing' }));
  if (!('bytes' in loaded)) return loaded;
  const checked = checkImage(loaded.bytes);
  if (!checked.ok) return { problem: checked.reason, reason: checked.reason === TRACKING_PIXEL ? 'tracker' : 'not-usable' };
  return { url: assetUrl(await storeAsset(dataDir, checked.bytes, checked.extension)), upgraded: loaded.upgraded };
}

/**
 * The chosen source, then the page's other sources for the same picture, until one is kept. A
 * saved page's own copy on disk comes first: it is what the person saved, and it needs no network.
 */
async function keepWithFallbacks(src: string, dataDir: string, context: ImageContext, fallbacks: ImageFallbacks, budget: AbortSignal): Promise<Outcome> {
  const all = [src, ...(fallbacks.get(src) ?? [])];
  const ordered = context.localRoot === null ? all : [...all.filter((url) => url.startsWith('file:')), ...all.filter((url) => !url.startsWith('file:'))];
  const failures = new Map<string, Outcome>();
  for (const candidate of ordered) {
    const outcome = await keepOne(candidate, dataDir, context, budget);
    if ('url' in outcome) return outcome;
    failures.set(candidate, outcome);
  }
  // The reason reported is the one for the source the page meant to show.
  return failures.get(src) ?? { problem: 'could not be kept', reason: 'not-usable' };
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

const comparable = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * Stands in for an image that could not be kept: the image without its bytes, keeping its alt
 * text (which the reader shows and screen readers read in its place) unless the figure's caption
 * already says it. The alt text stays the image's, not the article's: it adds nothing to the
 * text highlights are anchored in and search reads, so fetching the picture later changes no
 * highlight. The reader marks the place "Image not saved" with CSS.
 */
function leavePlaceholder(img: Element): void {
  const document = img.ownerDocument;
  const mark = document.createElement('span');
  mark.setAttribute('class', MISSING_IMAGE_CLASS);
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/gu, ' ').trim();
  const caption = comparable(img.closest('figure')?.getElementsByTagName('figcaption')[0]?.textContent);
  if (alt !== '' && !caption.includes(comparable(alt))) {
    const stand = document.createElement('img');
    stand.setAttribute('alt', alt);
    mark.append(stand);
  }
  img.replaceWith(mark);
}

export async function keepPageImages(root: Element, context: ImageContext, fallbacks: ImageFallbacks = new Map()): Promise<ImageReport> {
  const report: ImageReport = { ...NO_IMAGES, problems: [], reasons: {} };
  const images = Array.from(root.getElementsByTagName('img'));
  const sources = [...new Set(images.map((img) => img.getAttribute('src') ?? '').filter((src) => src !== ''))];
  const outcomes = new Map<string, Outcome>();
  const { dataDir } = context;
  if (dataDir !== null) {
    const budget = AbortSignal.timeout(context.timeBudgetMs ?? IMAGES_TIME_BUDGET_MS);
    let next = 0;
    const worker = async () => {
      while (next < sources.length) {
        const src = sources[next++] as string;
        outcomes.set(src, await keepWithFallbacks(src, dataDir, context, fallbacks, budget));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, sources.length) }, worker));
  }
  for (const img of images) {
    const src = img.getAttribute('src') ?? '';
    const outcome: Outcome =
      src === '' ? { problem: 'no source', reason: 'no-source' } : (outcomes.get(src) ?? { problem: 'not stored', reason: 'not-stored' });
    if ('url' in outcome) {
      img.setAttribute('src', outcome.url);
      report.saved++;
      if (outcome.upgraded) report.upgraded++;
      continue;
    }
    // Tracking pixels are not photos anyone misses.
    if (outcome.reason === 'tracker') {
      img.remove();
      continue;
    }
    leavePlaceholder(img);
    report.missed++;
    report.reasons[outcome.reason] = (report.reasons[outcome.reason] ?? 0) + 1;
    report.problems.push(`${label(src)}: ${outcome.problem}`);
  }
  return report;
}
