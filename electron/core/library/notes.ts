// Gathers the notes of one article, or of every article, for the exporters.
import type { ArticleNotes } from '../export/markdown';
import type { Library } from './library';

export async function collectNotes(library: Library, articleId: string | null): Promise<ArticleNotes[]> {
  const metas = articleId === null ? library.articles() : [library.meta(articleId)];
  return Promise.all(metas.map(async (meta) => ({ meta, annotations: await library.annotations(meta.id) })));
}
