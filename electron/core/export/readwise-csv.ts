// Readwise's CSV import format. Tags travel the way Readwise reads them from a note: as `.tag`
// words at the start of the note ("inline tagging").
//
// The fields are quoted here rather than by csv-stringify: its per-field checks (multi-character
// delimiters, casts, per-field options) make it most of the export's time at 100,000 highlights,
// and Margin needs one fixed case of RFC 4180 (comma, CRLF records, `"` doubled). The rules below
// are csv-stringify's for the options Margin used (`record_delimiter: 'windows'`,
// `quote_record_delimiter`, `escape_formulas`), and tests/unit/export-readwise-csv.test.ts reads
// the output back with csv-parse, so the two cannot drift apart unnoticed.
import type { Annotation } from '../../shared/model';
import type { ExportArticle } from './export-article';
import { textOf, type ExportText } from './export-text';

export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;
export type ReadwiseRow = Record<(typeof READWISE_COLUMNS)[number], string>;

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/u;

/** `YYYY-MM-DD HH:MM:SS` in UTC, the form Readwise's importer reads without guessing a zone. */
export function readwiseDate(iso: string): string {
  // Margin stores UTC instants ending in Z: those need no date arithmetic.
  if (UTC_INSTANT.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function noteWithTags(annotation: Annotation): string {
  const tags = annotation.tags.map((tag) => `.${tag}`).join(' ');
  const note = annotation.note.trim();
  return [tags, note].filter((part) => part !== '').join('\n');
}

export function readwiseRows(articles: readonly ExportArticle[]): ReadwiseRow[] {
  return articles.flatMap((article) =>
    article.annotations.map((annotation, index) => ({
      Highlight: annotation.target.quote.exact,
      Title: article.meta.title,
      Author: article.meta.byline ?? '',
      URL: article.meta.sourceUrl ?? '',
      Note: noteWithTags(annotation),
      Location: String(index + 1),
      Date: readwiseDate(annotation.createdAt),
    })),
  );
}

export interface ReadwiseCsvOptions {
  /**
   * Cells exactly as Readwise reads them. Otherwise a cell that starts like a spreadsheet formula
   * (=, +, -, @, tab, carriage return, or their full-width forms) gets a leading apostrophe, so
   * opening the file in Excel, LibreOffice or Sheets never runs a formula a web page put in a
   * passage (OWASP's CSV injection advice); Readwise then keeps that apostrophe in the text.
   */
  exact?: boolean;
}

// A field holding the delimiter, a quote or either half of a line end is quoted; a lone \n or \r
// in a note or passage would otherwise end the record for some readers.
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

function field(value: string, defuse: boolean): string {
  if (value === '') return '';
  const quoted = NEEDS_QUOTES.test(value);
  const cell = defuse && FORMULA_START.has(value.charAt(0)) ? `'${value}` : value;
  return quoted ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

const HEADER = `${READWISE_COLUMNS.join(',')}\r\n`;

/** The file: the header, then each article's rows. */
export const readwiseCsvText = (articles: readonly ExportArticle[], options: ReadwiseCsvOptions = {}): ExportText =>
  function* rows(sink) {
    const defuse = options.exact !== true;
    let done = 0;
    sink.write(HEADER);
    for (const article of articles) {
      // The article's own cells are the same on each of its rows.
      const shared = `,${field(article.meta.title, defuse)},${field(article.meta.byline ?? '', defuse)},${field(article.meta.sourceUrl ?? '', defuse)},`;
      let location = 0;
      for (const annotation of article.annotations) {
        sink.write(field(annotation.target.quote.exact, defuse));
        sink.write(shared);
        sink.write(field(noteWithTags(annotation), defuse));
        sink.write(`,${++location},`);
        sink.write(field(readwiseDate(annotation.createdAt), defuse));
        sink.write('\r\n');
      }
      yield ++done;
    }
  };

export function readwiseCsv(articles: readonly ExportArticle[], options: ReadwiseCsvOptions = {}): string {
  return textOf(readwiseCsvText(articles, options));
}
