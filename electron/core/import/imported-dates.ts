// Dates found in what a person imports (a page's published time, a note's front matter, an
// annotation file's created and modified) that Margin cannot store become unknown, and the import
// says how many, so a date is never dropped in silence nor stored where it cannot be read back.
import { storableInstant } from '../../shared/iso-date';

/** "3 dates Margin could not read were left unknown." (with `after` before the full stop). */
export function unknownDatesNote(count: number, after = ''): string {
  return count === 1 ? `1 date Margin could not read was left unknown${after}.` : `${count.toLocaleString('en-US')} dates Margin could not read were left unknown${after}.`;
}

// An ISO-looking date: a year of four digits or more, with or without a sign, then a month.
const ISO_LIKE = /^[+-]?\d{4,}-\d{2}/u;

/**
 * A page's published time as it gives it, or null (unknown) when it is a date outside the years 1
 * to 9999. Text that is not a date at all ("Spring 2024") is kept as written: it is only shown.
 */
export function publishedDate(text: string | null): { date: string | null; unknown: boolean } {
  if (text === null) return { date: null, unknown: false };
  const looksIso = ISO_LIKE.test(text.trim());
  const parsed = Date.parse(text);
  if ((looksIso || !Number.isNaN(parsed)) && storableInstant(text) === null) return { date: null, unknown: true };
  return { date: text, unknown: false };
}
