// Attaches annotations from a W3C Web Annotation file to the articles they belong to (found as
// annotation-articles.ts says: id, address, text fingerprint, quotes), through the anchoring
// engine, so an exported library's annotations come back into another library holding the same
// articles, even under other ids.
import { randomUUID } from 'node:crypto';
import { describeSpan, resolve } from '../shared/anchoring';
import type { Annotation, ArticleMeta } from '../shared/model';
import { matchDraftsToArticles, type DraftGroup } from './annotation-articles';
import { unknownDatesNote } from './import/imported-dates';
import { readInputFile, type InputRule } from './files/input-file';
import { draftSelectorsFor, parseWebAnnotationFile, type AnnotationDraft } from './import/web-annotation-import';
import type { Library } from './library/library';

export interface AnnotationImportReport {
  attached: number;
  /** Already in the library (same id): left as they are. */
  alreadyThere: number;
  /** Annotations more than one article could hold: none of them attached, the first problem says which. */
  ambiguous: number;
  /** One sentence per annotation that could not be attached (one for all the ambiguous ones, first). */
  problems: string[];
  /** Sentences about what was attached (dates left unknown). */
  notes: string[];
}

export interface AnnotationImportOptions {
  /** Attach every annotation of the file to this article, whatever it names (the person chose). */
  articleId?: string;
}

/** About 150,000 annotations as Margin exports them; JSON this size takes about a second to read. */
export const MAX_ANNOTATION_FILE_BYTES = 128 * 1024 * 1024;

export const ANNOTATIONS_INPUT: InputRule = {
  maxBytes: MAX_ANNOTATION_FILE_BYTES,
  tooLarge: (name) => `${name} is larger than 128 MB, more than an annotations file Margin imports at once; split it and import the parts.`,
};

const short = (text: string, limit = 40) => (text.length > limit ? `${text.slice(0, limit)}…` : text);
const quoted = (draft: AnnotationDraft) => `“${short(draft.quote.exact)}”`;

function listed(items: readonly string[], limit = 3): string {
  if (items.length > limit) return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** One sentence for every annotation that more than one article could hold. */
function ambiguitySentence(groups: readonly DraftGroup[]): string | null {
  const parts: string[] = [];
  let count = 0;
  for (const { drafts, match } of groups) {
    if (match.kind !== 'ambiguous') continue;
    count += drafts.length;
    const articles = match.candidates.map((meta) => `“${short(meta.title)}” (${meta.id})`);
    parts.push(`${listed(drafts.map(quoted))} ${drafts.length === 1 ? 'fits' : 'fit'} ${listed(articles, 5)}`);
  }
  if (count === 0) return null;
  return `${count} annotation${count === 1 ? '' : 's'} fit${count === 1 ? 's' : ''} more than one article: ${parts.join('; ')}; none of them was attached.`;
}

/** Attaches one draft; returns how many of its dates were left unknown. */
async function attach(library: Library, meta: ArticleMeta, draft: AnnotationDraft, report: AnnotationImportReport): Promise<number> {
  const existing = await library.annotations(meta.id);
  if (draft.id !== null && existing.some((a) => a.id === draft.id)) {
    report.alreadyThere++;
    return 0;
  }
  const { text: articleText } = await library.content(meta.id);
  const anchor = resolve(draftSelectorsFor(articleText)(draft), articleText);
  if (anchor.status === 'orphaned') {
    report.problems.push(`${quoted(draft)} is not in “${meta.title}”.`);
    return 0;
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
  return draft.unreadableDates;
}

export async function importAnnotationFile(library: Library, path: string, options: AnnotationImportOptions = {}): Promise<AnnotationImportReport> {
  const chosen = options.articleId === undefined ? null : library.meta(options.articleId);
  const text = new TextDecoder().decode(await readInputFile(path, ANNOTATIONS_INPUT));
  const parsed = parseWebAnnotationFile(text);
  const groups: DraftGroup[] = chosen === null ? await matchDraftsToArticles(library, parsed.drafts) : [{ drafts: parsed.drafts, match: { kind: 'found', meta: chosen } }];
  const ambiguity = ambiguitySentence(groups);
  const report: AnnotationImportReport = {
    attached: 0,
    alreadyThere: 0,
    ambiguous: groups.reduce((n, group) => n + (group.match.kind === 'ambiguous' ? group.drafts.length : 0), 0),
    problems: [...(ambiguity === null ? [] : [ambiguity]), ...parsed.skipped.map((s) => `Annotation ${s.index + 1}: ${s.reason}`)],
    notes: [],
  };
  let unknownDates = 0;
  for (const { drafts, match } of groups) {
    for (const draft of drafts) {
      if (match.kind === 'found') unknownDates += await attach(library, match.meta, draft, report);
      else if (match.kind === 'missing') report.problems.push(`${quoted(draft)}: its article (${draft.sourceUrl ?? draft.source}) is not in this library.`);
    }
  }
  if (unknownDates > 0) report.notes.push(unknownDatesNote(unknownDates, ' (the highlights carry the time of this import)'));
  return report;
}
