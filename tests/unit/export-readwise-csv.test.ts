import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readwiseCsv, readwiseDate, readwiseRows } from '../../electron/core/export/readwise-csv';
import { fixedLibrary } from '../fixtures/export/fixed-library';

const library = fixedLibrary();
const csv = readwiseCsv(library);

describe('Readwise CSV', () => {
  it('starts with exactly the header Readwise expects and ends records with CRLF', () => {
    expect(csv.startsWith('Highlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back, by an independent CSV parser, into exactly the rows written', () => {
    const exact: Record<string, string>[] = parse(readwiseCsv(library, { exact: true }), { columns: true, relax_quotes: false, record_delimiter: '\r\n' });
    expect(exact).toEqual(readwiseRows(library));
    // The default form differs only where a cell starts like a formula.
    const records: Record<string, string>[] = parse(csv, { columns: true, relax_quotes: false, record_delimiter: '\r\n' });
    const defused = (row: Record<string, string>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value]));
    expect(records).toEqual(readwiseRows(library).map(defused));
    expect(records.some((record) => record.Note?.startsWith("'=SUM(A1:A9)"))).toBe(true);
    expect(records).toHaveLength(library.reduce((n, article) => n + article.annotations.length, 0));
  });

  it('keeps commas, doubled quotes, newlines, emoji, non-BMP and right-to-left text intact', () => {
    const records: Record<string, string>[] = parse(csv, { columns: true });
    const highlights = records.map((record) => record.Highlight);
    for (const article of library) for (const annotation of article.annotations) expect(highlights).toContain(annotation.target.quote.exact);
    expect(csv).toContain('"He said, ""take the 10:15, not the 10:45."""');
  });

  it('numbers highlights by their order in each article and dates them in UTC', () => {
    const records: Record<string, string>[] = parse(csv, { columns: true });
    const night = records.filter((record) => record.Title === library[0]?.meta.title);
    expect(night.map((record) => record.Location)).toEqual(night.map((_, index) => String(index + 1)));
    for (const record of records) expect(record.Date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u);
    expect(readwiseDate('2026-03-29T01:30:05+02:00')).toBe('2026-03-28 23:30:05');
  });

  it('carries tags as Readwise inline tags at the start of the note', () => {
    const [first] = readwiseRows(library);
    expect(first?.Note).toBe('.timetable .quotes\nCommas, "quotes", and a colon: all in one.');
  });

  it('quotes a field holding a lone carriage return or line feed', () => {
    const [article] = library;
    const [first] = article?.annotations ?? [];
    if (article === undefined || first === undefined) throw new Error('fixture');
    const odd = { ...article, annotations: [{ ...first, tags: [], note: 'old\rMac\nUnix\r\nWindows' }] };
    const text = readwiseCsv([odd]);
    expect(text).toContain('"old\rMac\nUnix\r\nWindows"');
    expect(parse(text, { columns: true })).toEqual(readwiseRows([odd]));
  });

  it('a passage or note that starts like a spreadsheet formula opens as text, with a leading apostrophe', () => {
    const [article] = library;
    const [first] = article?.annotations ?? [];
    if (article === undefined || first === undefined) throw new Error('fixture');
    const risky = ['=HYPERLINK("https://evil.example","click")', '+1 555 0100', '-2 degrees', '@SUM(A1:A2)', '\tTabbed', '\rReturn', '＝full-width'];
    const odd = {
      ...article,
      meta: { ...article.meta, title: '=cmd|\' /C calc\'!A0', byline: '@someone' },
      annotations: risky.map((quote, index) => ({ ...first, id: `${first.id.slice(0, -1)}${index}`, tags: [], note: index === 0 ? '-minus note' : 'plain', target: { ...first.target, quote: { ...first.target.quote, exact: quote } } })),
    };
    const records: Record<string, string>[] = parse(readwiseCsv([odd]), { columns: true });
    expect(records.map((record) => record.Highlight)).toEqual(risky.map((quote) => `'${quote}`));
    expect(records[0]).toMatchObject({ Title: `'=cmd|' /C calc'!A0`, Author: "'@someone", Note: "'-minus note" });
    // Harmless cells are left as they are.
    expect(records[1]?.Note).toBe('plain');
    expect(records[1]?.Date).toMatch(/^\d{4}-/u);

    // The exact Readwise form, when the person asks for it, writes the cells untouched.
    const exact: Record<string, string>[] = parse(readwiseCsv([odd], { exact: true }), { columns: true });
    expect(exact.map((record) => record.Highlight)).toEqual(risky);
    expect(exact).toEqual(readwiseRows([odd]));
  });

  it('writes only the header for a library without highlights', () => {
    expect(readwiseCsv([])).toBe('Highlight,Title,Author,URL,Note,Location,Date\r\n');
  });
});
