// Finds where an edited quote most likely is, with approx-string-match (the matcher Hypothesis
// uses) scored by `scoreSpan`. The matcher costs tens of milliseconds per quote on a megabyte,
// so the search is bounded: a window around the expected place; then either the places a caller
// names (a diff knows where new text went in) or a wider window and the spots that surviving
// pieces of the quote point to. Short articles are searched whole.
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model';
import { NEEDS_REVIEW_BELOW, type Candidate, type Span } from './anchor';
import { searchPlaces, type ApproxMatch } from './approx-places';
import { contextKept } from './context';
import { scoreSpan, similarityFromErrors } from './score';
import { seedStarts } from './seeds';

/** Up to this length the whole text costs about a millisecond, so windows are not worth it. */
const SEARCH_WHOLE_UP_TO = 65_536;
const FIRST_RADIUS = 2048;
const SECOND_RADIUS = 16_384;
/** How much text scattered places may add up to, nearest first, so one quote stays cheap. */
const PLACES_BUDGET = 65_536;
/** Hypothesis's limit: a match may differ from the quote in at most half its characters. */
const MAX_ERRORS_CAP = 256;
/** Matches scored in full per search (see `best` below). */
const MAX_SCORED = 32;

/**
 * `elsewhere`: the only places besides the expected one worth searching, when the caller knows
 * them. Returns the best-scoring match, however weak; the caller decides what it is worth.
 */
export function findFuzzy(text: string, quote: TextQuoteSelector, hint: number, elsewhere?: readonly Span[]): Candidate | null {
  const { exact } = quote;
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(exact.length / 2));
  let best: Candidate | null = null;
  const take = (found: readonly ApproxMatch[]): void => {
    const candidate = bestOf(text, quote, hint, found);
    if (candidate !== null && (best === null || candidate.confidence > best.confidence)) best = candidate;
  };
  const look = (from: number, to: number): void => {
    const lo = Math.max(0, from);
    take(search(text.slice(lo, Math.max(lo, to)), exact, maxErrors).map((m) => ({ ...m, start: lo + m.start, end: lo + m.end })));
  };
  const lookAt = (places: readonly Span[]): void => {
    const byNearness = [...places].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
    take(searchPlaces(text, exact, maxErrors, byNearness, PLACES_BUDGET));
  };
  const goodEnough = (): boolean => best !== null && best.confidence >= NEEDS_REVIEW_BELOW;

  if (text.length <= SEARCH_WHOLE_UP_TO) {
    look(0, text.length);
    return best;
  }
  const slack = exact.length + maxErrors;
  look(hint - FIRST_RADIUS - slack, hint + FIRST_RADIUS + slack);
  if (goodEnough()) return best;
  if (elsewhere !== undefined) {
    lookAt(elsewhere);
    return best;
  }
  const wideFrom = hint - SECOND_RADIUS - slack;
  const wideTo = hint + SECOND_RADIUS + slack;
  look(wideFrom, wideTo);
  if (goodEnough()) return best;
  const places: Span[] = [];
  for (const start of seedStarts(text, quote)) {
    const from = Math.max(0, start - maxErrors - 1);
    const to = start + exact.length + maxErrors + 1;
    if (from >= wideFrom && to <= wideTo) continue;
    const last = places[places.length - 1];
    if (last !== undefined && from <= last.end) last.end = Math.max(last.end, to);
    else places.push({ start: from, end: to });
  }
  lookAt(places);
  return best;
}

/**
 * The best of one search's matches. A short quote can match with few errors in thousands of
 * places, and scoring each costs two more searches; so when there are many, only those whose
 * context already lines up best (then the nearest) are scored.
 */
function bestOf(text: string, quote: TextQuoteSelector, hint: number, found: readonly ApproxMatch[]): Candidate | null {
  const rank = (m: ApproxMatch): number => contextKept(text, quote, m.start, m.end) - Math.abs(m.start - hint) / (text.length + 1);
  const ranked = found.length <= MAX_SCORED ? found : [...found].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_SCORED);
  let best: Candidate | null = null;
  for (const { start, end, errors } of ranked) {
    if (end <= start) continue;
    const confidence = scoreSpan(text, quote, { start, end }, similarityFromErrors(errors, quote.exact.length), hint);
    const nearer = best !== null && confidence === best.confidence && Math.abs(start - hint) < Math.abs(best.start - hint);
    if (best === null || confidence > best.confidence || nearer) best = { start, end, confidence };
  }
  return best;
}
