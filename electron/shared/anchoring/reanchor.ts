// Re-anchors every highlight when an article is re-imported as a new revision. One diff of the
// two texts carries each highlight whose words the edit left alone to its new place. For a
// highlight the edit touched, the diff also knows which of its characters survived and where:
// that is the reader's answer ("these words, now reading differently") more often than the
// closest look-alike a search finds, which tends to swallow neighbouring words to make up for
// deleted ones. Search is left for what the diff cannot say: the same words found whole
// elsewhere (a moved paragraph), and highlights whose text the edit deleted outright.
import type { Selectors, TextQuoteSelector } from '../model';
import { NEEDS_REVIEW_BELOW, judgeCandidate, sameWords, type Anchor, type Candidate, type Span } from './anchor';
import { anchorAll } from './anchor-all';
import { findExactQuote } from './exact-quote';
import { findFuzzy } from './fuzzy';
import { positionMap, type Survivors } from './position-map';
import { resolve } from './resolve';
import { scoreSpan } from './score';
import { diffTexts } from './text-diff';

/**
 * The unchanged quote counts as the highlight, moved, when it lies in or this close to the text
 * the diff says the old words became (the diff may line up repeated text differently from how
 * it was edited), or anywhere if its context says so. A short quote far away amid strange text
 * is more likely another use of the same words than the highlight, whose text the diff saw go.
 */
const NEAR_EXPECTED = 256;

/** Above this share of common characters the diff's span is taken without searching. */
const MOSTLY_KEPT = 0.5;

/**
 * What the diff carried is where the words went, however few survived, so it is never orphaned
 * for a low score; the score still sends it to "Needs review".
 */
function asFuzzy(carried: Candidate): Anchor {
  return { status: 'fuzzy', start: carried.start, end: carried.end, confidence: carried.confidence };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function better(a: Candidate | null, b: Candidate | null): Candidate | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.confidence > a.confidence ? b : a;
}

/**
 * Where words the diff saw deleted could have gone: text that moved shows up as inserted text,
 * and a match keeping at least half the quote has at least that much inside new text.
 */
function newTextAround(inserted: readonly Span[], quoteLength: number): Span[] {
  const spans: Span[] = [];
  for (const span of inserted) {
    if (span.end - span.start < quoteLength / 2) continue;
    const from = Math.max(0, span.start - quoteLength);
    const last = spans[spans.length - 1];
    if (last !== undefined && from <= last.end) last.end = span.end + quoteLength;
    else spans.push({ start: from, end: span.end + quoteLength });
  }
  return spans;
}

function afterEdit(text: string, quote: TextQuoteSelector, survived: Survivors | null, became: Span, inserted: readonly Span[]): Anchor {
  const hint = survived?.start ?? became.start;
  const near = findExactQuote(text, quote, hint, { start: became.start - NEAR_EXPECTED, end: became.end + NEAR_EXPECTED });
  if (near !== null) return sameWords('moved', near.start, near.end);
  const whole = findExactQuote(text, quote, hint);
  const wholeCandidate = whole === null ? null : { ...whole, confidence: scoreSpan(text, quote, whole, 1, hint) };
  if (wholeCandidate !== null && wholeCandidate.confidence >= NEEDS_REVIEW_BELOW) return sameWords('moved', wholeCandidate.start, wholeCandidate.end);
  let carried: Candidate | null = null;
  if (survived !== null) {
    // Share of characters the old and new wording have in common (the Dice coefficient).
    const similarity = (2 * survived.kept) / (quote.exact.length + survived.end - survived.start);
    carried = { start: survived.start, end: survived.end, confidence: scoreSpan(text, quote, survived, similarity, hint) };
    // With most of its wording kept in place, nothing a search finds could be more the highlight.
    if (similarity >= MOSTLY_KEPT || carried.confidence >= NEEDS_REVIEW_BELOW) return asFuzzy(carried);
  }
  const searched = findFuzzy(text, quote, hint, newTextAround(inserted, quote.exact.length));
  if (carried !== null) {
    // The same place cut differently does not count: the diff's cut keeps exactly the surviving words.
    const elsewhere = searched !== null && !overlaps(searched, carried) && searched.confidence > carried.confidence;
    return elsewhere ? judgeCandidate(searched) : asFuzzy(carried);
  }
  // The diff saw every character deleted, so only a convincing match elsewhere brings it back.
  if (searched !== null && searched.confidence >= NEEDS_REVIEW_BELOW) return judgeCandidate(searched);
  return { status: 'orphaned', confidence: 0, candidate: better(wholeCandidate, searched) };
}

/** Results in the order of `selectorsList`, against `newText`. */
export function reanchorAll(oldText: string, newText: string, selectorsList: readonly Selectors[]): Anchor[] {
  const before = anchorAll(oldText, selectorsList);
  const carry = positionMap(diffTexts(oldText, newText));
  return selectorsList.map((selectors, i) => {
    const was = before[i] as Anchor;
    // Without the quote's own words in the old text there is nothing for the diff to carry.
    if (was.status === 'orphaned' || was.status === 'fuzzy') {
      const from = was.status === 'fuzzy' ? was.start : selectors.position.start;
      return resolve(selectors, newText, carry.map(from).at);
    }
    const { exact } = selectors.quote;
    const survived = carry.survivors(was.start, was.end);
    if (survived !== null && survived.kept === exact.length && survived.end - survived.start === exact.length) {
      const { start, end } = selectors.position;
      return sameWords(survived.start === start && end - start === exact.length ? 'exact' : 'moved', survived.start, survived.end);
    }
    return afterEdit(newText, selectors.quote, survived, carry.becomes(was.start, was.end), carry.inserted);
  });
}
