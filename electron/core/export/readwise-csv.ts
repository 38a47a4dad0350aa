// Readwise's CSV import format (issue 5, item 3), written by csv-stringify so quoting follows
// RFC 4180 without hand-rolled rules. Tags travel the way Readwise reads them from a note: as
// `.tag` words at the start of the note ("inline tagging").
import { stringify } from 'csv-stringify/sync';
import type { Annotation } from '../../shared/model';
import type { ExportArticle } from './export-article';

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

export function readwiseCsv(articles: readonly ExportArticle[], options: ReadwiseCsvOptions = {}): string {
  return stringify(readwiseRows(articles), {
    header: true,
    columns: [...READWISE_COLUMNS],
    escape_formulas: options.exact !== true,
    // RFC 4180 ends records with CRLF. With the delimiter chosen, csv-stringify quotes a field
    // holding a lone \n or \r only when asked to, and both occur in notes and passages.
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  });
}
