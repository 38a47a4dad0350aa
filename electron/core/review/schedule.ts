// The review's schedule, as pure functions of the highlights, what the person said about each
// and the day: which highlights a day shows, and when each comes back. The same inputs always
// give the same day, so the CLI and the app agree, and a test can replay any day.
//
// Like Readwise's daily review (and Anki's order of cards), highlights whose time has come go
// first, then ones never shown; highlights not yet due wait, so a small library shows fewer
// on some days rather than the same passages again. Each showing pushes a highlight further
// out (7 days, then twice as long each time, up to a year); the person's feedback says
// otherwise: soon (3 days), later (at least a month), discard (never again).
import { addDays, dayNumber, type ReviewFeedback } from '../../shared/daily-review';

export const FIRST_STEP_DAYS = 7;
export const SOON_DAYS = 3;
export const LATER_MIN_DAYS = 30;
export const MAX_STEP_DAYS = 365;

/** What the review remembers of one highlight. */
export interface ReviewEntry {
  articleId: string;
  /** The last day it was shown. */
  shown: string;
  /** The spacing it was given when last shown, in days (what "keep" means). */
  step: number;
  /** The day it comes back; null once discarded. */
  due: string | null;
  /** What the person said about it when last shown. */
  feedback: ReviewFeedback | null;
}

export type ReviewEntries = Readonly<Record<string, ReviewEntry>>;

/** A stable number for a highlight on a day, so the order among equals changes from day to day but not within one. */
export function dayRank(day: string, id: string): number {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  const text = `${day}|${id}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const isDue = (entry: ReviewEntry, day: string) => entry.due !== null && entry.due <= day;

/**
 * The highlights a day shows, at most `count`, from `pool` (the ids of highlights that may be
 * reviewed: in articles not in the trash, placed in their text). Due ones first, the longest
 * overdue first; then ones never shown; each group in the day's own order.
 */
export function pickForDay(pool: readonly string[], entries: ReviewEntries, day: string, count: number): string[] {
  const ids = [...new Set(pool)];
  const due = ids.filter((id) => {
    const entry = entries[id];
    return entry !== undefined && isDue(entry, day);
  });
  const fresh = ids.filter((id) => entries[id] === undefined);
  const byRank = (a: string, b: string) => dayRank(day, a) - dayRank(day, b) || (a < b ? -1 : 1);
  due.sort((a, b) => (entries[a]?.due ?? '').localeCompare(entries[b]?.due ?? '') || byRank(a, b));
  fresh.sort(byRank);
  return [...due, ...fresh].slice(0, Math.max(0, count));
}

/** The first day after `day` on which one of the pool's highlights is due, or null when none ever is. */
export function nextDueDay(pool: readonly string[], entries: ReviewEntries, day: string): string | null {
  let next: string | null = null;
  for (const id of pool) {
    const due = entries[id]?.due ?? null;
    if (due !== null && due > day && (next === null || due < next)) next = due;
  }
  return next;
}

const daysBetween = (from: string, to: string) => (dayNumber(to) ?? 0) - (dayNumber(from) ?? 0);

/** A highlight shown on `day`: it comes back after its next step unless the person says otherwise. */
export function shownOn(previous: ReviewEntry | undefined, articleId: string, day: string): ReviewEntry {
  // The step grows from the spacing it really had last time (soon or later count as given).
  const last = previous === undefined || previous.due === null ? 0 : daysBetween(previous.shown, previous.due);
  const step = previous === undefined ? FIRST_STEP_DAYS : Math.min(MAX_STEP_DAYS, Math.max(FIRST_STEP_DAYS, last * 2));
  return { articleId, shown: day, step, due: addDays(day, step), feedback: null };
}

/** The person's feedback on a highlight shown on `entry.shown`; giving another one the same day replaces it. */
export function withFeedback(entry: ReviewEntry, feedback: ReviewFeedback): ReviewEntry {
  const after = (days: number) => addDays(entry.shown, days);
  const due = {
    keep: after(entry.step),
    soon: after(Math.min(SOON_DAYS, entry.step)),
    later: after(Math.min(MAX_STEP_DAYS * 2, Math.max(LATER_MIN_DAYS, entry.step * 3))),
    discard: null,
  }[feedback];
  return { ...entry, due, feedback };
}

