// Files at the edges of what a person might hand Margin, written the same way by the tests
// (tests/unit/import-limits.test.ts) and the benchmark (tests/bench/limits.bench.ts): one line
// of prose tens of megabytes long, and HTML nested hundreds of thousands deep. The prose is
// seeded, so both see the same words and a test can count them.
import { writeFile } from 'node:fs/promises';
import { seeded } from './seeded';

const WORDS = ['river', 'bridge', 'the', 'city', 'of', 'light', 'stone', 'morning', 'walked', 'across', 'and', 'over', 'under', 'quiet', 'water', 'évening'];

export interface Prose {
  /** The text: sentences of about fifteen words, separated by single spaces, no line break. */
  text: string;
  words: number;
  lastSentence: string;
}

/** About `bytes` of prose on one line (UTF-8 bytes, a little over). */
export function proseLine(bytes: number, seed = 20_261_207): Prose {
  const next = seeded(seed);
  const sentences: string[] = [];
  let length = 0;
  let words = 0;
  while (length < bytes) {
    const count = 8 + Math.floor(next() * 14);
    const sentence: string[] = [];
    for (let i = 0; i < count; i++) sentence.push(WORDS[Math.floor(next() * WORDS.length)] as string);
    const text = `${sentence.join(' ')}.`;
    sentences.push(text.charAt(0).toUpperCase() + text.slice(1));
    length += Buffer.byteLength(text) + 1;
    words += count;
  }
  return { text: sentences.join(' '), words, lastSentence: sentences.at(-1) as string };
}

/** A plain-text article: a headline, then the whole body on one line. */
export async function writeOneLineText(path: string, bytes: number): Promise<Prose> {
  const prose = proseLine(bytes);
  await writeFile(path, `A very long line\n\n${prose.text}\n`);
  return prose;
}

/** A Markdown note: a heading, then the whole body as one line. */
export async function writeOneLineMarkdown(path: string, bytes: number): Promise<Prose> {
  const prose = proseLine(bytes);
  await writeFile(path, `# A very long line\n\n${prose.text}\n`);
  return prose;
}

/** `depth` <div>s, each inside the one before, around one sentence. */
export function nestedDivs(depth: number): string {
  return `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}The text at the bottom.${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * A saved page whose article is one <article> holding `paragraphs` paragraphs of about 800
 * characters (13,000 of them make some 10 MB), each starting with its number so a test can find
 * every one in what was imported.
 */
export function longArticlePage(paragraphs: number, seed = 20_261_207): string {
  const next = seeded(seed);
  const body: string[] = [];
  for (let i = 1; i <= paragraphs; i++) {
    const words: string[] = [];
    for (let w = 0; w < 128; w++) words.push(WORDS[Math.floor(next() * WORDS.length)] as string);
    body.push(`<p>Paragraph ${i}: ${words.join(' ')}.</p>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><title>A long article</title></head><body><article><h1>A long article</h1>\n${body.join('\n')}\n</article></body></html>`;
}
