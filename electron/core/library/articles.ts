// What a person does with whole articles: add one to the library, move it between reading,
// archive and trash (with its tags and reading progress), delete it for good.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { newArticleState, type ArticleMeta, type ArticleState } from '../../shared/model';
import { UserError } from '../errors';
import type { ImportedArticle } from '../import/import-file';
import { articleDir, articleHtmlFile } from './files';
import { limitMessages } from './limits';
import { now, type LibraryParts } from './library-parts';
import { saveFailure } from './store-errors';
import { readStoredContent } from './stored-content';

export interface ArticlePatch {
  state?: ArticleState | undefined;
  tags?: string[] | undefined;
  progress?: number | undefined;
  lastReadAt?: string | undefined;
}

export async function addArticle(parts: LibraryParts, article: ImportedArticle): Promise<ArticleMeta> {
  const { dataDir, limits, libraryDoc } = parts;
  if (Buffer.byteLength(article.html) > limits.maxArticleBytes) throw new UserError(limitMessages.articleSize(limits));
  const id = randomUUID();
  const stamp = now();
  const content = readStoredContent(article.html);
  const meta: ArticleMeta = {
    ...newArticleState(),
    ...article.meta,
    id,
    wordCount: content.wordCount,
    importedAt: stamp,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const dir = articleDir(dataDir, id);
  await parts.writes.run(async (log) => {
    await libraryDoc.refresh();
    if (libraryDoc.data.articles.length >= limits.maxArticles) throw new UserError(limitMessages.articles(limits));
    // The article's own files first; library.json last, so a crash in between leaves at most an
    // unlisted folder, never a listed article without its body.
    try {
      await mkdir(dir, { recursive: true });
      await parts.writer(articleHtmlFile(dataDir, id), article.html);
      await parts.documents.use(id, (doc) => doc.update((file) => file), meta.title);
      await parts.list.add(meta);
    } catch (error) {
      parts.documents.forget(id);
      parts.counts.forget(id);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw saveFailure(error, dataDir);
    }
    log.record({ kind: 'article', id, updatedAt: meta.updatedAt, deleted: false });
  });
  parts.contents.keep(id, content);
  return meta;
}

/** Changes an article's place in the library (reading, archived, trash), its tags or reading progress. */
export function updateArticle(parts: LibraryParts, id: string, patch: ArticlePatch): Promise<ArticleMeta> {
  return parts.writes.run(async (log) => {
    const changed = await parts.list.change(id, (meta) => {
      const state = patch.state ?? meta.state;
      return {
        ...meta,
        state,
        tags: patch.tags ?? meta.tags,
        progress: patch.progress ?? meta.progress,
        lastReadAt: patch.lastReadAt ?? meta.lastReadAt,
        trashedAt: state === 'trash' ? (meta.state === 'trash' ? meta.trashedAt : now()) : null,
        trashedFrom: state === 'trash' ? (meta.state === 'trash' ? meta.trashedFrom : meta.state) : null,
        // Reading progress is not an edit of the article.
        updatedAt: patch.state !== undefined || patch.tags !== undefined ? now() : meta.updatedAt,
      };
    });
    log.record({ kind: 'article', id, updatedAt: changed.updatedAt, deleted: false });
    return changed;
  });
}

/** Deletes an article for good (emptying the trash): it leaves library.json first, then its folder. */
export async function deleteArticle(parts: LibraryParts, id: string): Promise<void> {
  await parts.writes.run(async (log) => {
    await parts.list.remove(id);
    parts.documents.forget(id);
    parts.contents.forget(id);
    parts.counts.forget(id);
    await rm(articleDir(parts.dataDir, id), { recursive: true, force: true });
    log.record({ kind: 'article', id, updatedAt: now(), deleted: true });
  });
}
