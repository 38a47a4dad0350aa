// Pages load images late (data-src, data-srcset), offer several sizes (srcset, <picture>), and
// show placeholders until scrolled to. Before the article is extracted, each image gets the one
// real, best source a reader would see, as an absolute URL, and the other sources it named are
// kept aside: a saved page often has its own copy in `src` while its srcset still points at the
// web, and the import should fall back to the copy it has rather than miss the photo.

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** Image types Margin can store; a <picture> source of any other type (JPEG XL, HEIC) is skipped. */
const USABLE_TYPES = /^image\/(?:png|jpeg|jpg|gif|webp|avif|svg\+xml)$/iu;

interface Candidate {
  url: string;
  score: number;
}

/** For each image's chosen source (absolute URL), the page's other sources for it, best first. */
export type ImageFallbacks = Map<string, string[]>;

function score(descriptor: string): number {
  const match = /^(\d*\.?\d+)([wxh])$/iu.exec(descriptor.trim());
  if (match === null) return 1000;
  const value = Number.parseFloat(match[1] ?? '');
  if (!Number.isFinite(value)) return 0;
  // Width descriptors compare as pixels; densities as "1x = 1000 pixels", which ranks a 2x
  // candidate above a 1x one and keeps mixed lists in a sensible order.
  return (match[2] ?? '').toLowerCase() === 'x' ? value * 1000 : value;
}

/**
 * Parses a srcset ("a.jpg 480w, b.jpg 2x") into candidates scored by width or density, the way
 * browsers read it: a URL runs to the next white space (so "w_480,h_300" inside a URL stays
 * whole) and a comma needs no space after it ("a.jpg 1x,b.jpg 2x").
 */
export function srcsetCandidates(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  const at = (index: number) => srcset.charAt(index);
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/u.test(at(i))) i++;
    const start = i;
    while (i < srcset.length && !/\s/u.test(at(i))) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/u, '');
    else {
      const from = i;
      let depth = 0;
      while (i < srcset.length && !(at(i) === ',' && depth <= 0)) {
        if (at(i) === '(') depth++;
        else if (at(i) === ')') depth--;
        i++;
      }
      descriptor = srcset.slice(from, i).trim();
      i++;
    }
    if (url !== '') candidates.push({ url, score: score(descriptor || '1x') });
  }
  return candidates;
}

function isPlaceholder(src: string | null): boolean {
  if (src === null || src.trim() === '') return true;
  if (/^data:image\/(?:gif|svg)/iu.test(src)) return true;
  const name = src.split(/[?#]/u)[0]?.split('/').pop() ?? '';
  return /placeholder|blank|spacer|lazy|loading|transparent|pixel/iu.test(name);
}

const byScore = (candidates: Candidate[]) => [...candidates].sort((a, b) => b.score - a.score).map((c) => c.url);

function absolute(url: string, base: string): string | null {
  const trimmed = url.trim();
  // "//host/x.png" names a host on the web. Against a file on disk it would become file://host/x.png,
  // a network share; it is read with the page's own scheme, and https for a file.
  const scheme = /^https?:$/u.test(URL.parse(base)?.protocol ?? '') ? '' : 'https:';
  try {
    return new URL(/^[\\/]{2}/u.test(trimmed) ? `${scheme}${trimmed}` : trimmed, base).href;
  } catch {
    return null;
  }
}

/** An image the page itself declares 1 or 2 pixels wide and high: a tracker, never a photo. */
function declaredTracker(img: Element): boolean {
  const size = (name: string) => {
    const value = img.getAttribute(name);
    return value !== null && /^\s*[0-2](?:px)?\s*$/iu.test(value);
  };
  return size('width') && size('height');
}

/**
 * Readability reads an image whose class says "lazy" as not loaded yet and copies into its src
 * any attribute that looks like an image URL, over the source chosen here; those tokens go. The
 * other classes stay: Readability keeps an aria-hidden image whose class says "fallback-image"
 * (a formula drawn as a picture), and drops it as hidden without that class.
 */
function dropLazyClasses(img: Element): void {
  const classes = img.getAttribute('class');
  if (classes === null || !/lazy/iu.test(classes)) return;
  const kept = classes.split(/\s+/u).filter((token) => token !== '' && !/lazy/iu.test(token));
  if (kept.length === 0) img.removeAttribute('class');
  else img.setAttribute('class', kept.join(' '));
}

export function promoteLazyImages(document: Document): ImageFallbacks {
  const base = document.baseURI;
  const fallbacks: ImageFallbacks = new Map();
  const pictureSources = new Map<Element, string[]>();
  // getElementsByTagName of one tag rather than selector queries: cheaper in jsdom on a long page.
  for (const picture of Array.from(document.getElementsByTagName('picture'))) {
    const img = picture.getElementsByTagName('img')[0] ?? null;
    if (img === null) {
      picture.remove();
      continue;
    }
    const sets = Array.from(picture.getElementsByTagName('source'))
      .filter((source) => !source.hasAttribute('type') || USABLE_TYPES.test(source.getAttribute('type')?.trim() ?? ''))
      .map((source) => source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
    pictureSources.set(img, byScore(sets.flatMap(srcsetCandidates)));
    picture.replaceWith(img);
  }
  for (const img of Array.from(document.getElementsByTagName('img'))) {
    if (declaredTracker(img)) {
      img.remove();
      continue;
    }
    const lazySrc = LAZY_SRC.map((name) => img.getAttribute(name)).find((value) => value !== null && value.trim() !== '') ?? null;
    const srcset = LAZY_SRCSET.map((name) => img.getAttribute(name)).find((value) => value) ?? img.getAttribute('srcset');
    const fromSet = srcset === null ? [] : byScore(srcsetCandidates(srcset));
    const src = img.getAttribute('src');
    // A placeholder is never a fallback (a failed photo must count as missed, not turn into a
    // dropped 1x1 GIF); it stays only when the page names nothing else.
    const real = isPlaceholder(src) ? null : src;
    const named = [...(pictureSources.get(img) ?? []), ...fromSet, real, lazySrc].filter((url): url is string => url !== null && url.trim() !== '');
    const ordered = (named.length > 0 ? named : [src ?? '']).map((url) => (url.trim() === '' ? null : absolute(url, base)));
    const unique = [...new Set(ordered.filter((url): url is string => url !== null))];
    for (const name of [...LAZY_SRC, ...LAZY_SRCSET, 'srcset', 'sizes', 'loading', 'decoding']) img.removeAttribute(name);
    dropLazyClasses(img);
    const [chosen, ...rest] = unique;
    if (chosen === undefined) {
      img.removeAttribute('src');
      continue;
    }
    img.setAttribute('src', chosen);
    if (rest.length > 0) fallbacks.set(chosen, [...new Set([...(fallbacks.get(chosen) ?? []), ...rest])]);
  }
  return fallbacks;
}
