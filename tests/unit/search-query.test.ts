// Reading what a person types into a search box: phrases, left-out words, tag: and color:, and
// anything half-typed taken as plain text rather than an error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQuery, parseSearchQuery, usesSyntax, type SearchQuery } from '../../electron/shared/search-query';
import { checkProperty, propertyRuns } from './support/property';

const query = (parts: Partial<SearchQuery>): SearchQuery => ({ ...emptyQuery(), ...parts });

describe('parsing a search query', () => {
  it('plain words stay words, and ask for nothing more', () => {
    const parsed = parseSearchQuery('  sea   wall ');
    expect(parsed).toEqual(query({ words: ['sea', 'wall'] }));
    expect(usesSyntax(parsed)).toBe(false);
  });

  it('a quoted phrase, a left-out word and a left-out phrase', () => {
    expect(parseSearchQuery('"sea wall" -storm -"high tide" dunes')).toEqual(
      query({ words: ['dunes'], phrases: ['sea wall'], excludedWords: ['storm'], excludedPhrases: ['high tide'] }),
    );
  });

  it('tag: and color:, with quoted values, a # and colour spelt either way', () => {
    expect(parseSearchQuery('tag:climate TAG:"to do" tag:#later color:yellow colour:"key point" -tag:done -color:pink')).toEqual(
      query({ tags: ['climate', 'to do', 'later'], colors: ['yellow', 'key point'], excludedTags: ['done'], excludedColors: ['pink'] }),
    );
  });

  it('combinations: "sea wall" -storm tag:climate', () => {
    expect(parseSearchQuery('"sea wall" -storm tag:climate')).toEqual(query({ phrases: ['sea wall'], excludedWords: ['storm'], tags: ['climate'] }));
  });

  it('bad syntax is taken literally or ignored: an unclosed quote, a lone -, tag: with nothing', () => {
    expect(parseSearchQuery('"sea wall')).toEqual(query({ words: ['sea', 'wall'] }));
    expect(parseSearchQuery('sea - wall -')).toEqual(query({ words: ['sea', 'wall'] }));
    expect(parseSearchQuery('tag: color: sea')).toEqual(query({ words: ['sea'] }));
    expect(parseSearchQuery('tag:"to do')).toEqual(query({ tags: ['to'], words: ['do'] }));
    expect(parseSearchQuery('""  -""')).toEqual(emptyQuery());
    // A colon elsewhere is just part of a word.
    expect(parseSearchQuery('https://example.org re:')).toEqual(query({ words: ['https://example.org', 're:'] }));
  });

  it('a phrase keeps its inner spacing tidy and is listed once', () => {
    expect(parseSearchQuery('"sea \n  wall" "sea wall"').phrases).toEqual(['sea wall']);
  });

  it('never throws, and what it gives back holds no quote marks or empty values, for any input', () => {
    const pieces = fc.constantFrom('"', '-', 'tag:', 'color:', 'colour:', ' ', '\n', '#', ':', 'sea', 'wall', 'é', '东京', '\u0301', '\ud83d');
    const input = fc.oneof(fc.string({ maxLength: 80 }), fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')));
    checkProperty(
      fc.property(input, (text) => {
        const parsed = parseSearchQuery(text);
        for (const list of Object.values(parsed)) {
          for (const value of list) {
            expect(value).not.toBe('');
            expect(value.trim()).toBe(value);
          }
        }
        for (const value of [...parsed.phrases, ...parsed.excludedPhrases, ...parsed.tags, ...parsed.colors]) expect(value).not.toContain('"');
      }),
      propertyRuns(500),
    );
  });
});
