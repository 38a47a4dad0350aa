// A seeded library of articles and highlights written straight into a data dir, the way
// store.bench.ts builds its own (going through the store would take minutes at 100,000
// highlights): one article.html and annotations.json per article, one library.json. Unlike the
// store bench's, everything here (ids, words, offsets, dates) comes from the seed, so every run
// writes the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { describeSpan } from '../../../electron/shared/anchoring';
import { newArticleState, type Annotation, type ArticleMeta } from '../../../electron/shared/model';
import { annotationsFile, articleDir, articleHtmlFile, libraryFile } from '../../../electron/core/library/files';
import { seeded } from '../../support/seeded';


const WORDS = (
  'river bridge morning council station harbour winter light street people market report officials garden ' +
  'train field museum volunteers engineers spring evening history future quietly under between across after ' +
  'before during which would could their there about other these those because through almost nothing village'
).split(' ');

/** A version-4 UUID drawn from the seeded generator (the store's schemas want real UUIDs). */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)] as string;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export interface LibrarySize {
  articles: number;
  highlights: number;
}

/**
 * Writes `articles` articles of about 500 words each, carrying `highlights` highlights in all
 * (spread evenly), into dataDir, replacing any library.json there. Returns the article ids.
 */
export async function writeLibrary(dataDir: string, size: LibrarySize, seed: number): Promise<string[]> {
  const random = seeded(seed);
  const stamp = '2026-11-01T09:00:00.000Z';
  const metas: ArticleMeta[] = [];
  const perArticle = Math.floor(size.highlights / size.articles);
  for (let a = 0; a < size.articles; a++) {
    const id = uuid(random);
    const words = Array.from({ length: 500 }, () => WORDS[Math.floor(random() * WORDS.length)] as string);
    const text = words.join(' ');
    metas.push({
      id,
      title: `Article ${a}: ${words.slice(0, 5).join(' ')}`,
      byline: null,
      siteName: `site${a % 20}.example`,
      sourceUrl: null,
      sourceFile: `article-${a}.txt`,
      sourcePath: null,
      publishedAt: null,
      language: null,
      direction: null,
      format: 'text',
      ...newArticleState(),
      wordCount: words.length,
      importedAt: stamp,
      createdAt: stamp,
      updatedAt: stamp,
    } as ArticleMeta);
    const extra = a < size.highlights - perArticle * size.articles ? 1 : 0;
    const annotations: Annotation[] = Array.from({ length: perArticle + extra }, (_, n) => {
      const start = Math.floor(random() * (text.length - 40));
      return {
        id: uuid(random),
        articleId: id,
        color: 'yellow',
        note: `A note of ordinary length on highlight ${n}, long enough to look like what a reader writes.`,
        tags: n % 10 === 0 ? ['bench'] : [],
        target: describeSpan(text, start, start + 12 + Math.floor(random() * 28)),
        review: null,
        createdAt: stamp,
        updatedAt: stamp,
      };
    });
    await mkdir(articleDir(dataDir, id), { recursive: true });
    await writeFile(articleHtmlFile(dataDir, id), `<p>${text}</p>`);
    await writeFile(annotationsFile(dataDir, id), JSON.stringify({ schemaVersion: 1, articleId: id, articleNote: '', annotations }, null, 2));
  }
  await writeFile(libraryFile(dataDir), JSON.stringify({ schemaVersion: 1, articles: metas, settings: { sampleAdded: true } }, null, 2));
  return metas.map((meta) => meta.id);
}
