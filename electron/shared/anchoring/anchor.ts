// What anchoring tells the rest of Margin about one highlight, and the two confidence lines that
// decide how it is shown. Kept apart from the search code so the store, the CLI and the UI can
// depend on the vocabulary without pulling in the matchers.

export interface Span {
  start: number;
  end: number;
}

/** A place the words might be, with a 0-1 confidence. */
export interface Candidate extends Span {
  confidence: number;
}

/**
 * `exact`: the stored position still holds the quote. `moved`: the same words, somewhere else.
 * `fuzzy`: the words changed; `confidence` says how sure the match is. `orphaned`: no span.
 */
export type Anchor =
  | { status: 'exact' | 'moved'; start: number; end: number; confidence: 1 }
  | { status: 'fuzzy'; start: number; end: number; confidence: number }
  /** `candidate` is the best place found, for a person to accept or reject; null when none. */
  | { status: 'orphaned'; confidence: 0; candidate: Candidate | null };

/**
 * A fuzzy match at or above this confidence is a convincing find: at 0.8 the surrounding context
 * still matches and at most about a third of the quote's characters changed. Below it a match is
 * too uncertain to trust without a person's look. (A new revision sends every highlight whose
 * words changed to "Needs review" however convincing the match: see carry-revision.ts.)
 */
export const NEEDS_REVIEW_BELOW = 0.8;

/**
 * Under this the best candidate is more likely chance than the edited quote (text that shares
 * nothing with the highlight still scores about 0.5 against its context), so the highlight is
 * orphaned and the candidate only offered.
 */
export const ORPHAN_BELOW = 0.6;

export function needsReview(anchor: Anchor): boolean {
  return anchor.status === 'orphaned' || (anchor.status === 'fuzzy' && anchor.confidence < NEEDS_REVIEW_BELOW);
}

export function sameWords(status: 'exact' | 'moved', start: number, end: number): Anchor {
  return { status, start, end, confidence: 1 };
}

/** Turns the best fuzzy candidate (if any) into a fuzzy or orphaned anchor. */
export function judgeCandidate(candidate: Candidate | null): Anchor {
  if (candidate === null || candidate.confidence < ORPHAN_BELOW) {
    return { status: 'orphaned', confidence: 0, candidate };
  }
  return { status: 'fuzzy', start: candidate.start, end: candidate.end, confidence: candidate.confidence };
}
