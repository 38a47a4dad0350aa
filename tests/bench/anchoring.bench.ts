// Measures the anchoring engine against re-anchoring the way Hypothesis does it: time and
// accuracy for 1,000 highlights on a 1 MB article after a 5% edit, and the time to anchor 10,000
// highlights on an unchanged article. Inputs come from a seeded generator, so every run measures
// the same article, edit and highlights.
// Run: npx vitest bench --run tests/bench/anchoring.bench.ts (MARGIN_BENCH_QUICK=1 for a small run)
import search from 'approx-string-match';
import { bench, describe } from 'vitest';
import { type Anchor, anchorAll, describeSpan, reanchorAll } from '../../electron/shared/anchoring';
import type { Selectors } from '../../electron/shared/model';
import { ONCE, pairedBench, TINY } from './support/paired';
import { seeded } from '../support/seeded';

const QUICK = process.env.MARGIN_BENCH_QUICK === '1';
const ARTICLE_CHARS = TINY ? 20_000 : QUICK ? 100_000 : 1_000_000;
const REANCHORED = TINY ? 20 : QUICK ? 100 : 1_000;
const ANCHORED = TINY ? 100 : QUICK ? 1_000 : 10_000;
/** Alternating rounds for the suite's table; the first calls above already warmed both up. */
const ROUNDS = TINY ? 2 : QUICK ? 4 : 6;
const EDITED_SHARE = 0.05;
const SEED = 20_240_601;

// ---- Seeded inputs -------------------------------------------------------------------------


interface Writer {
  sentence(): string;
  paragraph(): string;
  word(): string;
}

/** Made-up words drawn with a Zipf-like skew, so short phrases repeat the way they do in prose. */
function writer(random: () => number): Writer {
  const consonants = 'tnshrdlcmwfgypbvk';
  const vowels = 'eaiou';
  const pick = (from: string): string => from[Math.floor(random() * from.length)] as string;
  const vocabulary: string[] = [];
  for (let i = 0; i < 8000; i++) {
    let word = '';
    const syllables = 1 + Math.floor(random() * random() * 4);
    for (let j = 0; j < syllables; j++) word += (random() < 0.8 ? pick(consonants) : '') + pick(vowels) + (random() < 0.4 ? pick(consonants) : '');
    vocabulary.push(word);
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= vocabulary.length; rank++) cumulative.push((total += 1 / rank));
  const word = (): string => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
  const sentence = (): string => {
    const words = Array.from({ length: 6 + Math.floor(random() * 22) }, word);
    const first = words[0] as string;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}${random() < 0.1 ? '?' : '.'}`;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(random() * 7) }, sentence).join(' ');
  return { sentence, paragraph, word };
}

function article(write: Writer, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const paragraph = write.paragraph();
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

/** One change to the old text: `removed` characters at `at` give way to `added`. */
interface Change {
  at: number;
  removed: number;
  added: string;
  /** For the two halves of a moved paragraph: the other half. */
  partner?: Change;
  /** Where `added` starts in the new text, filled in when the edit is applied. */
  landsAt?: number;
}

interface Revision {
  newText: string;
  /** Where a character of the old text is in the new one, or null if the edit removed it. */
  follow(offset: number): number | null;
  changes: Change[];
}

function sentenceStart(text: string, near: number): number {
  const at = text.indexOf('. ', near);
  return at === -1 ? -1 : at + 2;
}

/** Edits about `share` of the text: reworded phrases, added and removed sentences, moved paragraphs. */
function edit(text: string, write: Writer, random: () => number, share: number): Revision {
  const changes: Change[] = [];
  const taken: Array<[number, number]> = [];
  // Changes never touch or abut each other, so each character's fate is unambiguous.
  const free = (from: number, to: number): boolean => taken.every(([a, b]) => to + 1 < a || from > b + 1);
  const claim = (change: Change): void => {
    changes.push(change);
    taken.push([change.at, change.at + change.removed]);
  };
  let budget = share * text.length;
  let moves = Math.max(1, Math.round(text.length / 300_000));
  while (budget > 0) {
    const near = Math.floor(random() * text.length);
    const kind = random();
    if (kind < 0.02 && moves > 0) {
      const from = text.indexOf('\n\n', near);
      const to = from === -1 ? -1 : text.indexOf('\n\n', from + 2);
      const target = text.indexOf('\n\n', Math.floor(random() * text.length));
      if (to === -1 || target === -1 || !free(from, to) || !free(target, target) || (target >= from && target <= to)) continue;
      const source: Change = { at: from, removed: to - from, added: '' };
      const destination: Change = { at: target, removed: 0, added: text.slice(from, to), partner: source };
      source.partner = destination;
      claim(source);
      claim(destination);
      moves--;
      budget -= 2 * (to - from);
    } else if (kind < 0.45) {
      const at = text.indexOf(' ', near) + 1;
      let end = at;
      const count = 1 + Math.floor(random() * 3);
      for (let i = 0; i < count && end > 0; i++) end = text.indexOf(' ', end + 1);
      if (at === 0 || end <= at || !free(at, end)) continue;
      const added = Array.from({ length: 1 + Math.floor(random() * 3) }, write.word).join(' ');
      claim({ at, removed: end - at, added });
      budget -= end - at + added.length;
    } else if (kind < 0.75) {
      const at = sentenceStart(text, near);
      if (at === -1 || !free(at, at)) continue;
      const added = `${write.sentence()} `;
      claim({ at, removed: 0, added });
      budget -= added.length;
    } else {
      const at = sentenceStart(text, near);
      const end = at === -1 ? -1 : sentenceStart(text, at);
      if (end === -1 || text.slice(at, end).includes('\n') || !free(at, end)) continue;
      claim({ at, removed: end - at, added: '' });
      budget -= end - at;
    }
  }
  changes.sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const change of changes) {
    pieces.push(text.slice(oldAt, change.at));
    newAt += change.at - oldAt;
    change.landsAt = newAt;
    pieces.push(change.added);
    newAt += change.added.length;
    oldAt = change.at + change.removed;
  }
  pieces.push(text.slice(oldAt));
  const follow = (offset: number): number | null => {
    let shift = 0;
    for (const change of changes) {
      if (offset >= change.at && offset < change.at + change.removed) {
        const partner = change.partner;
        return partner?.landsAt === undefined ? null : partner.landsAt + offset - change.at;
      }
      if (change.at > offset) break;
      shift += change.added.length - change.removed;
    }
    return offset + shift;
  };
  return { newText: pieces.join(''), follow, changes };
}

/**
 * Highlights of 2 to 30 words within a paragraph, from word start to word end. (One-word
 * highlights of common words make the baseline score thousands of exact repeats each, which
 * alone takes it past a minute.)
 */
function highlights(text: string, random: () => number, count: number): Selectors[] {
  const out: Selectors[] = [];
  while (out.length < count) {
    const start = text.indexOf(' ', Math.floor(random() * text.length)) + 1;
    if (start === 0) continue;
    let end = start;
    const words = 2 + Math.floor(random() * random() * 29);
    for (let i = 0; i < words; i++) {
      const next = text.indexOf(' ', end + 1);
      if (next === -1) break;
      end = next;
    }
    // Within one paragraph, so that a moved paragraph never splits a highlight in two.
    if (end <= start || text.slice(start, end).includes('\n')) continue;
    out.push(describeSpan(text, start, end));
  }
  return out;
}

// ---- Ground truth and accuracy -------------------------------------------------------------

type Truth = { kind: 'untouched' | 'touched'; start: number; end: number } | { kind: 'gone' };

function truthOf(revision: Revision, selectors: Selectors): Truth {
  const { start, end } = selectors.position;
  const touched = revision.changes.some((change) => {
    if (change.removed === 0) return change.at > start && change.at < end;
    const overlaps = change.at < end && change.at + change.removed > start;
    // A highlight wholly inside a moved paragraph keeps its words; it only moves.
    const carriedWhole = change.partner !== undefined && change.at <= start && end <= change.at + change.removed;
    return overlaps && !carriedWhole;
  });
  let first = start;
  while (first < end && revision.follow(first) === null) first++;
  let last = end - 1;
  while (last >= first && revision.follow(last) === null) last--;
  if (first > last) return { kind: 'gone' };
  const from = revision.follow(first) as number;
  const to = (revision.follow(last) as number) + 1;
  if (to <= from) return { kind: 'gone' };
  return { kind: touched ? 'touched' : 'untouched', start: from, end: to };
}

/** Whether a reader would find the highlight on the right words (or told it is gone when it is). */
function isRight(anchor: Anchor, truth: Truth): boolean {
  if (truth.kind === 'gone') return anchor.status === 'orphaned';
  if (anchor.status === 'orphaned') return false;
  if (truth.kind === 'untouched') return anchor.start === truth.start && anchor.end === truth.end;
  const overlap = Math.min(anchor.end, truth.end) - Math.max(anchor.start, truth.start);
  const union = Math.max(anchor.end, truth.end) - Math.min(anchor.start, truth.start);
  return overlap / union >= 0.5;
}

function report(name: string, anchors: Anchor[], truths: Truth[], ms: number): Record<string, string | number> {
  const right = anchors.filter((anchor, i) => isRight(anchor, truths[i] as Truth)).length;
  const byKind = (kind: Truth['kind']): string => {
    const indexes = truths.flatMap((truth, i) => (truth.kind === kind ? [i] : []));
    const ok = indexes.filter((i) => isRight(anchors[i] as Anchor, truths[i] as Truth)).length;
    return `${ok}/${indexes.length}`;
  };
  const count = (status: Anchor['status']): number => anchors.filter((anchor) => anchor.status === status).length;
  return {
    engine: name,
    'ms (first call)': Math.round(ms),
    accuracy: `${((100 * right) / anchors.length).toFixed(1)}%`,
    untouched: byKind('untouched'),
    'words edited': byKind('touched'),
    'words deleted': byKind('gone'),
    statuses: `exact ${count('exact')}, moved ${count('moved')}, fuzzy ${count('fuzzy')}, orphaned ${count('orphaned')}`,
  };
}

// ---- Baseline: one quote at a time, the way Hypothesis anchors ---------------------------------

/** Hypothesis's context score: how closely `pattern` occurs somewhere in `within`. */
function closeness(within: string, pattern: string): number {
  if (within.length === 0 || pattern.length === 0) return 0;
  const best = search(within, pattern, pattern.length)[0];
  return best === undefined ? 0 : 1 - best.errors / pattern.length;
}

function hypothesisQuote(text: string, selectors: Selectors): Anchor {
  const { exact, prefix, suffix } = selectors.quote;
  const hint = selectors.position.start;
  let matches: Array<{ start: number; end: number; errors: number }> = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) matches.push({ start: at, end: at + exact.length, errors: 0 });
  if (matches.length === 0) matches = search(text, exact, Math.min(256, exact.length / 2));
  let best: { start: number; end: number; errors: number; score: number } | null = null;
  for (const match of matches) {
    const score =
      50 * (1 - match.errors / exact.length) +
      20 * closeness(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) +
      20 * closeness(text.slice(match.end, match.end + suffix.length), suffix) +
      2 * (1 - Math.abs(match.start - hint) / text.length);
    if (best === null || score > best.score) best = { ...match, score };
  }
  if (best === null) return { status: 'orphaned', confidence: 0, candidate: null };
  if (best.errors > 0) return { status: 'fuzzy', start: best.start, end: best.end, confidence: best.score / 92 };
  return { status: 'moved', start: best.start, end: best.end, confidence: 1 };
}

/** Position selector when it still holds the quote, else the scored quote search. */
function hypothesisAll(text: string, selectorsList: readonly Selectors[]): Anchor[] {
  return selectorsList.map((selectors) => {
    const { start, end } = selectors.position;
    if (text.slice(start, end) === selectors.quote.exact) return { status: 'exact', start, end, confidence: 1 };
    return hypothesisQuote(text, selectors);
  });
}

// ---- The runs ------------------------------------------------------------------------------

function timed<T>(run: () => T): [T, number] {
  const began = performance.now();
  const result = run();
  return [result, performance.now() - began];
}

const random = seeded(SEED);
const write = writer(random);
const oldText = article(write, ARTICLE_CHARS);
const revision = edit(oldText, write, random, EDITED_SHARE);
const newText = revision.newText;
const toReanchor = highlights(oldText, random, REANCHORED);
const truths = toReanchor.map((selectors) => truthOf(revision, selectors));

const [ours, oursMs] = timed(() => reanchorAll(oldText, newText, toReanchor));
const [theirs, theirsMs] = timed(() => hypothesisAll(newText, toReanchor));
// What Hypothesis pays when a quote has to take the fuzzy path: approx-string-match over the whole text.
const sample = toReanchor.slice(0, QUICK ? 5 : 20);
const [, fuzzyMs] = timed(() => sample.forEach((selectors) => search(newText, selectors.quote.exact, Math.min(256, selectors.quote.exact.length / 2))));
console.log(
  `\nRe-anchoring ${REANCHORED} highlights on a ${(oldText.length / 1e6).toFixed(2)} MB article after a ${EDITED_SHARE * 100}% edit ` +
    `(${revision.changes.length} changes; ${truths.filter((t) => t.kind !== 'untouched').length} highlights touched by them):`,
);
console.table([report('Margin reanchorAll', ours, truths, oursMs), report('Hypothesis way, per quote', theirs, truths, theirsMs)]);
console.log(
  `Hypothesis's fuzzy path alone: ${(fuzzyMs / sample.length).toFixed(1)} ms per quote, ` +
    `${((fuzzyMs / sample.length) * REANCHORED / 1000).toFixed(1)} s if all ${REANCHORED} took it.`,
);

const toAnchor = highlights(oldText, random, ANCHORED);
const shiftedText = `${write.paragraph()}\n\n${oldText}`;
const [steady, steadyMs] = timed(() => anchorAll(oldText, toAnchor));
const [shifted, shiftedMs] = timed(() => anchorAll(shiftedText, toAnchor));
console.log(
  `\nAnchoring ${ANCHORED} highlights: unchanged article ${steadyMs.toFixed(1)} ms ` +
    `(${steady.filter((a) => a.status === 'exact').length} exact); after a paragraph added at the top ${shiftedMs.toFixed(1)} ms ` +
    `(${shifted.filter((a) => a.status === 'moved').length} moved).\n`,
);

const FEW = { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 };

describe(`re-anchor ${REANCHORED} highlights after a ${EDITED_SHARE * 100}% edit`, () => {
  bench('Margin: one diff, search only what it cannot carry', () => {
    reanchorAll(oldText, newText, toReanchor);
  }, FEW);
  bench('Hypothesis way: position, then quote search per highlight', () => {
    hypothesisAll(newText, toReanchor);
  }, ONCE);
  pairedBench(`re-anchor ${REANCHORED} highlights after a ${EDITED_SHARE * 100}% edit`, 'anchoring', {
    name: 'Margin reanchorAll',
    run: () => reanchorAll(oldText, newText, toReanchor),
  }, { name: 'Hypothesis way, per quote', run: () => hypothesisAll(newText, toReanchor) }, { warmup: 1, rounds: ROUNDS, target: 'ratio < 1' });
});

describe(`anchor ${ANCHORED} highlights`, () => {
  bench('unchanged article (exact)', () => {
    anchorAll(oldText, toAnchor);
  }, { ...FEW, iterations: 20 });
  bench('paragraph added at the top (moved)', () => {
    anchorAll(shiftedText, toAnchor);
  }, { ...FEW, iterations: 20 });
  // Subject: every highlight moved by a paragraph added above it; baseline: nothing moved. The
  // ratio is what an edit at the top of an article costs the reader on opening it.
  pairedBench(`anchor ${ANCHORED} highlights, paragraph added at the top`, 'anchoring', {
    name: 'moved',
    run: () => anchorAll(shiftedText, toAnchor),
  }, { name: 'unchanged (exact)', run: () => anchorAll(oldText, toAnchor) }, { warmup: 2, rounds: ROUNDS * 5 });
});

// A quote that is nowhere in the article: Margin's search looks in a few windows around where the
// quote was, then gives up with its best guess. The baseline is what an unbounded search costs,
// approx-string-match over the whole text, so the ratio shows the bound holding as the text grows.
const NOWHERE = 'Words found nowhere in the generated text at all.';
const lost = describeSpan(`${oldText}${NOWHERE}`, oldText.length, oldText.length + NOWHERE.length);
describe('a quote found nowhere in the article', () => {
  pairedBench(`give up on a quote found nowhere in a ${(oldText.length / 1e6).toFixed(2)} MB article`, 'anchoring', {
    name: 'Margin reanchorAll',
    run: () => reanchorAll(oldText, oldText, [lost]),
  }, { name: 'approx-string-match over the whole text', run: () => search(oldText, NOWHERE, Math.floor(NOWHERE.length / 2)) }, { warmup: 1, rounds: ROUNDS, target: 'ratio < 1' });
});
