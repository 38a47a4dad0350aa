// What a new revision of an article does to each of its highlights. A highlight whose words are
// still in the text character for character goes with them without a word (new position, same
// quote). Any other keeps the words the person chose, gets the new passage as its candidate and
// waits in "Needs review" until they accept it: a highlight never silently says something else,
// however small the edit or however sure the match.
import type { RevisionSummary } from '../contract';
import type { Annotation, Review } from '../model';
import type { Anchor } from './anchor';
import { describeSpan } from './describe';
import { reanchorAll } from './reanchor';

/**
 * Changed words are never reported as a sure match: a score of 1 would read as "unchanged" to
 * anyone who sees the confidence (the CLI, exports).
 */
const MOST_CONFIDENT_CHANGE = 0.99;

function reviewFor(anchor: Anchor, revision: number): Review {
  if (anchor.status === 'orphaned') return { status: 'orphaned', confidence: 0, candidate: anchor.candidate, revision };
  const confidence = Math.min(anchor.confidence, MOST_CONFIDENT_CHANGE);
  return { status: 'fuzzy', confidence, candidate: { start: anchor.start, end: anchor.end, confidence }, revision };
}

/** The anchor as the rule sees it: a fuzzy match on the very same characters is the same words. */
function asRuled(anchor: Anchor, newText: string, exact: string): Anchor {
  if (anchor.status !== 'fuzzy' || newText.slice(anchor.start, anchor.end) !== exact) return anchor;
  return { status: 'moved', start: anchor.start, end: anchor.end, confidence: 1 };
}

export interface CarriedRevision {
  /** Every highlight, in the order given, as it stands in the new revision. */
  annotations: Annotation[];
  summary: RevisionSummary;
}

export function carryToRevision(oldText: string, newText: string, annotations: readonly Annotation[], revision: number): CarriedRevision {
  const summary: RevisionSummary = { revision, exact: 0, moved: 0, fuzzy: 0, orphaned: 0, needsReview: 0 };
  const anchors = reanchorAll(oldText, newText, annotations.map((a) => a.target));
  const carried = annotations.map((annotation, i): Annotation => {
    const found = anchors[i];
    if (found === undefined) return annotation;
    const anchor = asRuled(found, newText, annotation.target.quote.exact);
    summary[anchor.status] += 1;
    if (anchor.status === 'exact' || anchor.status === 'moved') {
      return { ...annotation, target: describeSpan(newText, anchor.start, anchor.end), review: null };
    }
    summary.needsReview += 1;
    return { ...annotation, review: reviewFor(anchor, revision) };
  });
  return { annotations: carried, summary };
}
