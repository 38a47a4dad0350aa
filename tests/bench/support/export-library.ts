// A library for the export benchmark and its profile: articles of PER_ARTICLE highlights each,
// generated from a fixed seed, with the characters that cost most to export mixed in.
import type { ExportArticle } from '../../../electron/core/export/export-article';
import { exportArticle } from '../../../electron/core/export/export-article';
import { describeSpan } from '../../../electron/shared/anchoring';
import { newArticleState, HIGHLIGHT_COLORS, type Annotation } from '../../../electron/shared/model';
import { seeded as random } from '../../support/seeded';

export const EXPORTED_AT = '2026-12-01T09:30:00.000Z';
export const PER_ARTICLE = 100;

// Mostly plain English, as articles are, with the characters that cost most to export mixed in:
// quotes and commas (CSV), Markdown syntax (escaping), accents, emoji, a character outside the
// BMP and right-to-left words (percent-encoding, code points).
const WORDS = [
  ...'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their been has when who will more if no out so said what up its about than into them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' '),
  'city,', '"quietly"', 'back;', 'émigré', 'café', '🚆', '𝒳-line', 'القطار', 'הרכבת', '*stars*', '#tag', '[link]', 'dawn.',
];

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function generateLibrary(seed: number, articleCount: number): ExportArticle[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const articles: ExportArticle[] = [];
  for (let a = 0; a < articleCount; a++) {
    const paragraphs = Array.from({ length: 60 }, () => Array.from({ length: 30 + Math.floor(next() * 40) }, () => pick(WORDS)).join(' '));
    const text = paragraphs.join('\n');
    const html = paragraphs.map((p) => `<p>${p.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`).join('\n');
    const id = uuid(next);
    const annotations: Annotation[] = [];
    for (let h = 0; h < PER_ARTICLE; h++) {
      const start = Math.floor(next() * (text.length - 400));
      let end = start + 20 + Math.floor(next() * 300);
      // Never split a surrogate pair, as a real selection cannot.
      const code = text.charCodeAt(end);
      if (code >= 0xdc00 && code <= 0xdfff) end++;
      const startCode = text.charCodeAt(start);
      const from = startCode >= 0xdc00 && startCode <= 0xdfff ? start + 1 : start;
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 3e10)).toISOString();
      annotations.push({
        id: uuid(next),
        articleId: id,
        color: pick(HIGHLIGHT_COLORS),
        note: next() < 0.5 ? '' : Array.from({ length: 5 + Math.floor(next() * 60) }, () => pick(WORDS)).join(' '),
        tags: next() < 0.7 ? [] : [pick(['rail', 'travel', 'to-read', 'quotes/best'])],
        target: describeSpan(text, from, end),
        review: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    articles.push(
      exportArticle({
        meta: {
          id,
          title: `Article ${a}: ${pick(WORDS)} ${pick(WORDS)}`,
          byline: next() < 0.8 ? `Writer ${a}` : null,
          siteName: 'Example',
          sourceUrl: next() < 0.8 ? `https://example.org/articles/${a}` : null,
          sourceFile: null,
          sourcePath: null,
          publishedAt: null,
          excerpt: null,
          language: null,
          direction: null,
          format: 'html',
          ...newArticleState(),
          wordCount: 2000,
          importedAt: EXPORTED_AT,
          createdAt: EXPORTED_AT,
          updatedAt: EXPORTED_AT,
        },
        articleNote: a % 3 === 0 ? 'An article note.' : '',
        annotations,
        html,
        text,
      }),
    );
  }
  return articles;
}

