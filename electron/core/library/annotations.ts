// What a person does with highlights and notes: read an article's, add one, change its colour,
// note, tags or words, delete it and put it back, and write the note on the whole article. Each
// change starts from the article's annotations file as it is on disk and rewrites only that file.
import { randomUUID } from 'node:crypto';
import { quoteIsAt } from '../../shared/anchoring';
import type { Annotation, HighlightColor, Review, Selectors } from '../../shared/model';
import { UserError } from '../errors';
import { limitMessages } from './limits';
import { articleContent, findMeta, now, type LibraryParts } from './library-parts';

export interface NewAnnotation {
  /** Chosen by the renderer, which shows the highlight before the store answers; else a new one. */
  id?: string | undefined;
  color: HighlightColor;
  note: string;
  tags?: string[];
  target: Selectors;
}

export interface AnnotationPatch {
  color?: HighlightColor | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  /** Re-attaches the highlight to other text (a person choosing new words after a revision). */
  target?: Selectors | undefined;
  /** null marks a highlight's review as done; a review puts it back under review (undoing an accept). */
  review?: Review | null | undefined;
}

const GONE_MESSAGE = 'That highlight no longer exists.';

function checkTarget(text: string, target: Selectors): void {
  if (!quoteIsAt(target, text)) {
    throw new UserError('The highlighted text is not in this article.');
  }
}

const byReadingOrder = (a: Annotation, b: Annotation) =>
  a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;

export async function listAnnotations(parts: LibraryParts, articleId: string): Promise<Annotation[]> {
  await parts.libraryDoc.refresh();
  findMeta(parts, articleId);
  return parts.documents.use(articleId, async (doc) => {
    await doc.refresh();
    return [...doc.data.annotations].sort(byReadingOrder);
  });
}

export async function addAnnotation(parts: LibraryParts, articleId: string, input: NewAnnotation): Promise<Annotation> {
  const { text } = await articleContent(parts, articleId);
  if (!quoteIsAt(input.target, text)) {
    throw new UserError('The highlighted text is not in this article.');
  }
  const stamp = now();
  const annotation: Annotation = {
    id: input.id ?? randomUUID(),
    articleId,
    color: input.color,
    note: input.note,
    tags: input.tags ?? [],
    target: input.target,
    review: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  await changeAnnotations(parts, articleId, (list) => {
    if (list.length >= parts.limits.maxHighlightsPerArticle) throw new UserError(limitMessages.highlights(parts.limits));
    if (list.some((a) => a.id === annotation.id)) throw new UserError('This highlight is already saved.');
    return { annotations: [...list, annotation], changed: saved(annotation) };
  });
  return annotation;
}

export async function updateAnnotation(parts: LibraryParts, articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
  const text = patch.target === undefined ? '' : (await articleContent(parts, articleId)).text;
  let updated: Annotation | undefined;
  await changeAnnotations(parts, articleId, (list) => {
    const found = list.find((annotation) => annotation.id === id);
    if (found === undefined) throw new UserError(GONE_MESSAGE);
    // A highlight going back under review keeps the words of the revision it was made on.
    if (patch.target !== undefined && (patch.review ?? null) === null) checkTarget(text, patch.target);
    const changed: Annotation = {
      ...found,
      color: patch.color ?? found.color,
      note: patch.note ?? found.note,
      tags: patch.tags ?? found.tags,
      target: patch.target ?? found.target,
      // Choosing new words settles the review too.
      review: patch.review !== undefined ? patch.review : patch.target !== undefined ? null : found.review,
      updatedAt: now(),
    };
    updated = changed;
    return { annotations: list.map((annotation) => (annotation.id === id ? changed : annotation)), changed: saved(changed) };
  });
  if (updated === undefined) throw new UserError(GONE_MESSAGE);
  return updated;
}

export async function deleteAnnotation(parts: LibraryParts, articleId: string, id: string): Promise<void> {
  await changeAnnotations(parts, articleId, (list) => {
    if (!list.some((annotation) => annotation.id === id)) throw new UserError(GONE_MESSAGE);
    return { annotations: list.filter((annotation) => annotation.id !== id), changed: { id, updatedAt: now(), deleted: true } };
  });
}

/** Puts back a highlight exactly as it was (undo of a delete, or an import of exported annotations). */
export async function restoreAnnotation(parts: LibraryParts, articleId: string, annotation: Annotation): Promise<Annotation> {
  if (annotation.review === null) checkTarget((await articleContent(parts, articleId)).text, annotation.target);
  const restored: Annotation = { ...annotation, articleId };
  await changeAnnotations(parts, articleId, (list) => {
    if (list.some((a) => a.id === annotation.id)) throw new UserError('That highlight is already in this article.');
    if (list.length >= parts.limits.maxHighlightsPerArticle) throw new UserError(limitMessages.highlights(parts.limits));
    return { annotations: [...list, restored], changed: saved(restored) };
  });
  return restored;
}

export async function articleNote(parts: LibraryParts, articleId: string): Promise<string> {
  await parts.libraryDoc.refresh();
  findMeta(parts, articleId);
  return parts.documents.use(articleId, async (doc) => {
    await doc.refresh();
    return doc.data.articleNote;
  });
}

export async function setArticleNote(parts: LibraryParts, articleId: string, note: string): Promise<void> {
  await parts.writes.run(async (log) => {
    await parts.libraryDoc.refresh();
    findMeta(parts, articleId);
    await parts.documents.use(articleId, (doc) => doc.update((file) => ({ ...file, articleNote: note })));
    log.record({ kind: 'article-note', id: articleId, updatedAt: now() });
  });
}

/** An article's highlights after a change, and the one highlight it changed. */
interface AnnotationEdit {
  annotations: Annotation[];
  changed: { id: string; updatedAt: string; deleted: boolean };
}

const saved = (annotation: Annotation): AnnotationEdit['changed'] => ({ id: annotation.id, updatedAt: annotation.updatedAt, deleted: false });

/** Applies a change to one article's newest annotations and saves them; nothing changes if the change throws or the save fails. */
async function changeAnnotations(parts: LibraryParts, articleId: string, edit: (list: Annotation[]) => AnnotationEdit): Promise<void> {
  await parts.writes.run(async (log) => {
    await parts.libraryDoc.refresh();
    findMeta(parts, articleId);
    let changed: AnnotationEdit['changed'] | undefined;
    await parts.documents.use(articleId, (doc) =>
      doc.update((file) => {
        const next = edit(file.annotations);
        changed = next.changed;
        return { ...file, annotations: next.annotations };
      }),
    );
    if (changed !== undefined) log.record({ kind: 'annotation', articleId, ...changed });
  });
}
