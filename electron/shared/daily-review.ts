// The daily highlight review as the app, the store and the CLI share it: the feedback a person
// gives a highlight, the card the view shows, and the calendar days the schedule counts in.
import { z } from 'zod';
import type { HighlightColor } from './model';

/**
 * What a person says about a highlight they have just seen again: keep it coming (its spacing
 * grows), soon (in a few days), later (in a month or more), or discard (out of the review; the
 * highlight itself stays in its article).
 */
export const REVIEW_FEEDBACK = ['keep', 'soon', 'later', 'discard'] as const;
export const ReviewFeedbackSchema = z.enum(REVIEW_FEEDBACK);
export type ReviewFeedback = z.infer<typeof ReviewFeedbackSchema>;

/** How many highlights a day shows unless the person chose otherwise, and the range they may choose from. */
export const DEFAULT_REVIEW_PER_DAY = 5;
export const MIN_REVIEW_PER_DAY = 1;
export const MAX_REVIEW_PER_DAY = 50;
export const ReviewPerDaySchema = z.number().int().min(MIN_REVIEW_PER_DAY).max(MAX_REVIEW_PER_DAY);

/** A calendar day, YYYY-MM-DD, that really exists (no 2026-02-30). */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { error: 'A day is written YYYY-MM-DD.' })
  .refine((day) => dayNumber(day) !== null, { error: 'That day is not in the calendar.' });

/** Days since 1970-01-01 for a YYYY-MM-DD day, or null when it is no real day. */
export function dayNumber(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, date);
  const back = new Date(time);
  // Date.UTC treats years 0 to 99 as 1900 to 1999; such days are no days Margin uses.
  if (year < 1000 || back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null;
  return Math.round(time / 86_400_000);
}

/** The day a number of days after another (before, when negative). */
export function addDays(day: string, days: number): string {
  const base = dayNumber(day);
  if (base === null) throw new Error(`not a day: ${day}`);
  return new Date((base + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The person's calendar day at an instant: their local date, since a day of review starts at their midnight. */
export function localDay(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear()).padStart(4, '0')}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** One highlight in the day's review: what the card shows and where "Open in article" goes. */
export interface ReviewCard {
  id: string;
  articleId: string;
  title: string;
  quote: string;
  note: string;
  color: HighlightColor;
  tags: string[];
  /** The passage in the article's text, for opening the article scrolled to it. */
  start: number;
  end: number;
  /** What the person said about it today, if anything. */
  feedback: ReviewFeedback | null;
  /** When it comes back (null: discarded). */
  due: string | null;
}

/** The day's review. */
export interface ReviewDay {
  day: string;
  perDay: number;
  cards: ReviewCard[];
  /** How many highlights take part in the review (in articles not in the trash, not discarded). */
  inReview: number;
  /** The first day a highlight not shown today comes back, when none is left for today. */
  nextDue: string | null;
}
