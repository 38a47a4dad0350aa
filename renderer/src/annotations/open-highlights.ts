// The open article's highlights in reading order, each with where it is in the text, or without a
// place (waiting for review, or its passage gone), kept in order as highlights come and go.
import { anchorAll, resolve } from '../../../electron/shared/anchoring';
import type { Annotation } from '../../../electron/shared/model';
import type { Span } from '../reader/text-offsets';
import { compareInDocument, placeInOrder } from './document-order';
import type { MarkedHighlight } from './screen-reader-marks';

export interface ArticleHighlights {
  articleId: string;
  /** The article's text, which the selectors count in. */
  text: string;
  annotations: Annotation[];
  articleNote: string;
}

export class OpenHighlights {
  readonly articleId: string;
  readonly text: string;
  articleNote: string;
  private list: Annotation[];
  private readonly spans = new Map<string, Span>();

  constructor(article: ArticleHighlights) {
    this.articleId = article.articleId;
    this.text = article.text;
    this.articleNote = article.articleNote;
    // A highlight flagged after a revision waits in "Needs review" until the person decides.
    const settled = article.annotations.filter((a) => a.review === null);
    anchorAll(article.text, settled.map((a) => a.target)).forEach((anchor, i) => {
      const annotation = settled[i];
      if (annotation !== undefined && anchor.status !== 'orphaned') this.spans.set(annotation.id, { start: anchor.start, end: anchor.end });
    });
    this.list = [...article.annotations].sort(compareInDocument(this.spans));
  }

  get all(): readonly Annotation[] {
    return this.list;
  }

  find(id: string): Annotation | undefined {
    return this.list.find((a) => a.id === id);
  }

  spanOf(id: string): Span | undefined {
    return this.spans.get(id);
  }

  /** The highlights with a place in the text, in reading order. */
  placed(): Annotation[] {
    return this.list.filter((a) => this.spans.has(a.id));
  }

  /** The highlights to paint, each with where it is and whether it has a note. */
  painted(): MarkedHighlight[] {
    return this.list.flatMap((a) => {
      const span = this.spans.get(a.id);
      return span === undefined ? [] : [{ id: a.id, color: a.color, start: span.start, end: span.end, hasNote: a.note.trim() !== '' }];
    });
  }

  /** Highlights with no place in the text, and for those a revision found new words for, the words. */
  waiting(): { review: Set<string>; candidates: Map<string, string> } {
    const review = new Set(this.list.filter((a) => !this.spans.has(a.id)).map((a) => a.id));
    const candidates = new Map<string, string>();
    for (const annotation of this.list) {
      const candidate = annotation.review?.candidate;
      if (candidate != null && candidate.end <= this.text.length) candidates.set(annotation.id, this.text.slice(candidate.start, candidate.end));
    }
    return { review, candidates };
  }

  /** Puts an annotation (new, changed or restored) in its place; false when it belongs to another article. */
  place(annotation: Annotation): boolean {
    if (annotation.articleId !== this.articleId) return false;
    const anchor = annotation.review === null ? resolve(annotation.target, this.text) : null;
    if (anchor !== null && anchor.status !== 'orphaned') this.spans.set(annotation.id, { start: anchor.start, end: anchor.end });
    else this.spans.delete(annotation.id);
    this.list = placeInOrder(this.list, annotation, this.spans);
    return true;
  }

  drop(id: string): void {
    this.list = this.list.filter((a) => a.id !== id);
    this.spans.delete(id);
  }
}
