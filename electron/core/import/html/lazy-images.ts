// Pages load images late (data-src, data-srcset), offer several sizes (srcset, <picture>), and
// show placeholders until scrolled to. Before the article is extracted, each image gets the one
// real, best source a reader would see, as an absolute URL.

const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

interface Candidate {
  url: string;
  score: number;
}

/** Parses a srcset ("a.jpg 480w, b.jpg 2x") into candidates scored by width or density. */
export function srcsetCandidates(srcset: string): Candidate[] {
  return srcset
    .split(/,\s+(?=\S)/u)
    .map((part) => part.trim().split(/\s+/u))
    .filter((words) => words[0] !== undefined && words[0] !== '')
    .map(([url = '', descriptor = '1x']) => {
      const value = Number.parseFloat(descriptor);
      const score = descriptor.endsWith('w') ? value : descriptor.endsWith('x') ? value * 1000 : 1000;
      return { url, score: Number.isFinite(score) ? score : 0 };
    });
}

function isPlaceholder(src: string | null): boolean {
  return src === null || src === '' || src.startsWith('data:image/gif') || src.startsWith('data:image/svg') || /placeholder|blank|spacer|lazy/iu.test(src);
}

function best(candidates: Candidate[]): string | null {
  return candidates.reduce<Candidate | null>((top, c) => (top === null || c.score > top.score ? c : top), null)?.url ?? null;
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

export function promoteLazyImages(document: Document): void {
  const base = document.baseURI;
  for (const picture of document.querySelectorAll('picture')) {
    const img = picture.querySelector('img');
    if (img === null) continue;
    const sets = [...picture.querySelectorAll('source[srcset], source[data-srcset]')].map(
      (source) => source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '',
    );
    const chosen = best(sets.flatMap(srcsetCandidates));
    if (chosen !== null) img.setAttribute('data-margin-src', chosen);
    picture.replaceWith(img);
  }
  for (const img of document.querySelectorAll('img')) {
    const lazySrc = LAZY_SRC.map((name) => img.getAttribute(name)).find((value) => value !== null && value !== '') ?? null;
    const srcset = LAZY_SRCSET.map((name) => img.getAttribute(name)).find((value) => value) ?? img.getAttribute('srcset');
    const fromSet = srcset === null ? null : best(srcsetCandidates(srcset));
    const src = img.getAttribute('src');
    const chosen = img.getAttribute('data-margin-src') ?? fromSet ?? (isPlaceholder(src) ? lazySrc : src) ?? lazySrc;
    for (const name of [...LAZY_SRC, ...LAZY_SRCSET, 'srcset', 'sizes', 'data-margin-src', 'loading']) img.removeAttribute(name);
    const url = chosen === null ? null : absolute(chosen, base);
    if (url === null) img.removeAttribute('src');
    else img.setAttribute('src', url);
  }
}
