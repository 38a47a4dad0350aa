// A new revision of an article (a re-import): the old body is kept under revisions/, and every
// highlight is carried to the new text by one diff of the two texts. Highlights the diff cannot
// carry with confidence are kept and marked for review, never dropped.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { carryToRevision } from '../../shared/anchoring';
import type { RevisionSummary } from '../../shared/contract';
import type { Annotation } from '../../shared/model';
import { UserError } from '../errors';
import type { ImportedArticle } from '../import/import-file';
import { UnreadableBodyError } from './article-body';
import { articleDir, articleHtmlFile } from './files';
import { limitMessages } from './limits';
import { articleContent, articleHtml, findMeta, now, type LibraryParts } from './library-parts';
import type { ChangeLog } from './library-writes';
import type { AnnotationsFile } from './schemas';
import { readStoredContent } from './stored-content';
import type { StoredDocument } from './stored-document';

/** How a new revision left the article's highlights (the same shape the app receives). */
export type RevisionReport = RevisionSummary;

/** What a new revision changes in the article's entry, besides the time. */
const revisedMeta = (article: ImportedArticle, wordCount: number, revision: number) => ({
  title: article.meta.title,
  byline: article.meta.byline,
  siteName: article.meta.siteName,
  publishedAt: article.meta.publishedAt,
  excerpt: article.meta.excerpt,
  wordCount,
  revision,
});

export async function addRevision(parts: LibraryParts, id: string, article: ImportedArticle): Promise<RevisionReport> {
  const { dataDir, limits, writer } = parts;
  if (Buffer.byteLength(article.html) > limits.maxArticleBytes) throw new UserError(limitMessages.articleSize(limits));
  const previous = findMeta(parts, id);
  // A body gone or damaged is what a new import repairs: its highlights are carried from no text (kept, for review).
  const oldBody = () => articleHtml(parts, id).catch((error: unknown) => (error instanceof UnreadableBodyError ? null : Promise.reject(error)));
  const oldText = (await oldBody()) === null ? '' : (await articleContent(parts, id)).text;
  const content = readStoredContent(article.html);
  const revision = previous.revision + 1;
  let report: RevisionReport = { revision, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, needsReview: 0 };
  await parts.writes.run(async (log) => {
    const oldHtml = await oldBody();
    const revisions = join(articleDir(dataDir, id), 'revisions');
    const kept = join(revisions, `${previous.revision}.html`);
    if (oldHtml !== null) {
      await mkdir(revisions, { recursive: true });
      await writer(kept, oldHtml);
    }
    await parts.documents.use(id, async (doc) => {
      await doc.refresh();
      const before = doc.data.annotations;
      const { annotations: carried, summary } = carryToRevision(oldText, content.text, before, revision);
      report = summary;
      // The new body first, then the carried highlights, then the metadata that names the revision.
      try {
        await writer(articleHtmlFile(dataDir, id), article.html);
        log.record({ kind: 'revision', id, revision, updatedAt: now() });
        await doc.update((file) => ({ ...file, annotations: carried }));
        recordCarried(log, id, before, carried);
        const meta = await parts.list.change(id, (current) => ({ ...current, ...revisedMeta(article, content.wordCount, revision), updatedAt: now() }));
        log.record({ kind: 'article', id, updatedAt: meta.updatedAt, deleted: false });
      } catch (error) {
        await putBackRevision(parts, id, { html: oldHtml, kept, annotations: before }, doc);
        throw error;
      }
      parts.contents.keep(id, content);
    });
  });
  return report;
}

/** Announces the highlights the revision moved to other words or put under review. */
function recordCarried(log: ChangeLog, articleId: string, before: readonly Annotation[], carried: readonly Annotation[]): void {
  carried.forEach((annotation, i) => {
    const old = before[i];
    if (old !== undefined && JSON.stringify(old.target) === JSON.stringify(annotation.target) && JSON.stringify(old.review) === JSON.stringify(annotation.review)) return;
    log.record({ kind: 'annotation', id: annotation.id, articleId, updatedAt: annotation.updatedAt, deleted: false });
  });
}

/**
 * Puts an article whose new revision failed to save back as it was: its body, then its copy
 * under revisions/ (kept until the body is back), then its highlights. What fails here leaves
 * the article as the failed save left it, which the person was told about.
 */
async function putBackRevision(parts: LibraryParts, id: string, old: { html: string | null; kept: string; annotations: Annotation[] }, doc: StoredDocument<AnnotationsFile>): Promise<void> {
  try {
    if (old.html !== null) {
      await parts.writer(articleHtmlFile(parts.dataDir, id), old.html);
      await rm(old.kept, { force: true });
    }
    if (doc.data.annotations !== old.annotations) await doc.update((file) => ({ ...file, annotations: old.annotations }));
  } catch {
    // The error that stopped the revision is the one the person reads.
  }
}
