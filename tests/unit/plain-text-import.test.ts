// Plain-text files as people save them: a headline, paragraphs, photo captions and credits, a
// "By" line, lists, text in any script. Golden cases in tests/fixtures/import (see
// support/import-golden.ts), then what a person sees in the reader, checked directly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../electron/core/import/import-file';
import { readArticleContent } from '../../electron/core/sanitize/article-text';
import { casesDir, checkGoldenCase, goldenCases } from './support/import-golden';

const cases = goldenCases('txt');

function body(html: string): HTMLElement {
  return new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document.body;
}

describe('plain-text import (golden)', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) it(name, () => checkGoldenCase(name, 'txt'));
});

describe('the sample article', () => {
  it('yields its headline and five photo figures, each with its credit', () => {
    const article = importPlainText(readFileSync(join(casesDir, 'sample', 'source.txt'), 'utf8'), 'ukraine-advance.txt');
    const { figures } = readArticleContent(article.html);
    expect(article.meta.title).toBe('Russia says it has advanced nearly 2 miles in northeast Ukraine');
    expect(figures.map((f) => f.credit)).toEqual([
      'REUTERS',
      'via REUTERS',
      'via REUTERS',
      'Ukrainian Presidential Press Off/UPI/Shutterstock',
      'AP',
    ]);
  });

  it('reads as English, left to right, with its first sentence as the excerpt', () => {
    const article = importPlainText(readFileSync(join(casesDir, 'sample', 'source.txt'), 'utf8'), 'ukraine-advance.txt');
    expect(article.meta).toMatchObject({ language: 'en', direction: 'ltr', byline: null });
    expect(article.meta.excerpt).toBe(
      'Russian officials claimed their troops have advanced nearly two miles into northeast Ukraine in an attempt to re-conquer liberated territories following a massive drone and missile attack over the weekend.',
    );
  });
});

describe('plain text as a person reads it', () => {
  it('lines starting with "- ", "* ", "• ", "1." or "1)" show as lists, a wrapped item stays one item', () => {
    const source = [
      'Packing',
      '',
      'Bring:',
      '- a warm coat',
      '* water for two days',
      '',
      '1. Follow the shore path',
      '2) Climb the stairs,',
      '   past the chapel.',
      '',
      '• Tide tables are at the quay.',
    ].join('\n');
    const shown = body(importPlainText(source, 'packing.txt').html);
    expect(shown.querySelector('p')?.textContent).toBe('Bring:');
    expect([...shown.querySelectorAll('ul')].map((ul) => [...ul.querySelectorAll('li')].map((li) => li.textContent))).toEqual([
      ['a warm coat', 'water for two days'],
      ['Tide tables are at the quay.'],
    ]);
    expect([...shown.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['Follow the shore path', 'Climb the stairs, past the chapel.']);
  });

  it('a wrapped line that happens to start with a year or a dash stays in its paragraph', () => {
    const source = 'Ferries\n\nThe crossing was rough in\n1990. That year the ferry\n- only sailed twice in December.\n';
    const shown = body(importPlainText(source, 'ferries.txt').html);
    expect(shown.querySelectorAll('ul, ol')).toHaveLength(0);
    expect(shown.querySelector('p')?.textContent).toBe('The crossing was rough in 1990. That year the ferry - only sailed twice in December.');
  });

  it('"By NAME" under the headline becomes the byline and leaves the text; "By the time..." stays', () => {
    for (const line of ['By Ruth Okoro', '*By Ruth Okoro*', 'by Ruth Okoro']) {
      const article = importPlainText(`The ferry\n${line}\n\nBy the time it docked, the town was asleep.`, 'ferry.txt');
      expect(article.meta.byline, line).toBe('Ruth Okoro');
      expect(readArticleContent(article.html).text.trim()).toBe('By the time it docked, the town was asleep.');
    }
    const sentence = importPlainText('The ferry\n\nBy the time it docked, the town was asleep.', 'ferry.txt');
    expect(sentence.meta.byline).toBeNull();
    expect(readArticleContent(sentence.html).text.trim()).toBe('By the time it docked, the town was asleep.');
  });

  it('an Arabic article reads right to left, in Arabic', () => {
    const article = importPlainText(readFileSync(join(casesDir, 'txt-arabic', 'source.txt'), 'utf8'), 'heron.txt');
    expect(article.meta).toMatchObject({ language: 'ar', direction: 'rtl' });
  });

  it('a text too short to tell its language still gets a direction from its script', () => {
    expect(importPlainText('שלום\n\nעולם', 'short.txt').meta).toMatchObject({ direction: 'rtl' });
    expect(importPlainText('Hi\n\nthere', 'short.txt').meta).toMatchObject({ direction: 'ltr' });
  });

  it('the excerpt stops at a sentence, or at a word with an ellipsis when the first sentence is long', () => {
    const long = `${'The ferry sailed on and on past the lights of the sleeping town '.repeat(8).trim()}.`;
    const excerpt = importPlainText(`Long\n\n${long}`, 'long.txt').meta.excerpt ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(excerpt.length).toBeGreaterThanOrEqual(200);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(long.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(long.charAt(excerpt.length - 1)).toBe(' ');
  });
});
