// Attaches annotations from a W3C Web Annotation file to the articles they name (by Margin id,
// else by source URL), through the anchoring engine, so an exported library's annotations come
// back into another library holding the same articles.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeSpan, resolveSelectors } from '../shared/anchoring';
import type { Annotation, ArticleMeta } from '../shared/model';
import { UserError } from './errors';
import { draftSelectorsFor, parseWebAnnotationFile, type AnnotationDraft } from './export/web-annotation-import';
import type { Library } from './library/library';

export interface AnnotationImportReport {
  attached: number;
  /** Already in the library (same id): left as they are. */
  alreadyThere: number;
  /** One sentence per annotation that could not be attached. */
  problems: string[];
}

function articleFor(library: Library, draft: AnnotationDraft): ArticleMeta | undefined {
  const articles = library.articles();
  return (
    (draft.articleId !== null ? articles.find((meta) => meta.id === draft.articleId) : undefined) ??
    (draft.sourceUrl !== null ? articles.find((meta) => meta.sourceUrl === draft.sourceUrl) : undefined)
  );
}

export async function importAnnotationFile(library: Library, path: string): Promise<AnnotationImportReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`Margin cannot open ${basename(path)}: the file does not exist or cannot be read.`);
  }
  const parsed = parseWebAnnotationFile(text);
  const report: AnnotationImportReport = { attached: 0, alreadyThere: 0, problems: parsed.skipped.map((s) => `Annotation ${s.index + 1}: ${s.reason}`) };
  for (const draft of parsed.drafts) {
    const quote = draft.quote.exact.length > 40 ? `${draft.quote.exact.slice(0, 40)}…` : draft.quote.exact;
    const meta = articleFor(library, draft);
    if (meta === undefined) {
      report.problems.push(`“${quote}”: its article (${draft.sourceUrl ?? draft.source}) is not in this library.`);
      continue;
    }
    const existing = await library.annotations(meta.id);
    if (draft.id !== null && existing.some((a) => a.id === draft.id)) {
      report.alreadyThere++;
      continue;
    }
    const { text: articleText } = await library.content(meta.id);
    const anchor = resolveSelectors(articleText, draftSelectorsFor(articleText)(draft));
    if (anchor.status === 'orphaned') {
      report.problems.push(`“${quote}” is not in “${meta.title}”.`);
      continue;
    }
    const stamp = new Date().toISOString();
    const annotation: Annotation = {
      id: draft.id ?? randomUUID(),
      articleId: meta.id,
      color: draft.color ?? 'yellow',
      note: draft.note,
      tags: draft.tags,
      target: describeSpan(articleText, anchor.start, anchor.end),
      review: null,
      createdAt: draft.createdAt ?? stamp,
      updatedAt: draft.updatedAt ?? draft.createdAt ?? stamp,
    };
    await library.restoreAnnotation(meta.id, annotation);
    report.attached++;
  }
  return report;
}
