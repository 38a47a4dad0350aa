// The dates Margin stores: ISO 8601 instants in the years 1 to 9999. JavaScript writes an instant
// beyond 9999 (or before 1) with a sign and six digits ("+275760-09-13T00:00:00.000Z"), which zod's
// datetime check, most tools and Margin's own reader refuse; so a date outside that range is never
// stored, and an imported one becomes unknown.
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const inRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** Whether an ISO datetime (already checked for its form) names an instant in the years 1 to 9999. */
export function isStorableDateTime(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  if (!inRange(year)) return false;
  // Only the first and last years can leave the range through their zone offset.
  if (year !== MIN_YEAR && year !== MAX_YEAR) return true;
  const time = Date.parse(iso);
  return !Number.isNaN(time) && inRange(new Date(time).getUTCFullYear());
}

/** An imported date as Margin stores it (an ISO instant in UTC), or null when it is no date or outside the years 1 to 9999. */
export function storableInstant(value: string): string | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const instant = new Date(time);
  return inRange(instant.getUTCFullYear()) ? instant.toISOString() : null;
}
