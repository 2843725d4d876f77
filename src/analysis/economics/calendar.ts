/**
 * Calendar arithmetic of the cash flows: UTC calendar years, the share of an interval inside a year,
 * and months before an instant. Pure, in milliseconds since the epoch.
 */

/** [start, end) of UTC calendar year y, ms. */
export const yearBoundsMs = (y: number) => [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)] as const;

/** Length of a mean (Julian) year, ms: the unit of lifetimes and O&M years. */
export const JULIAN_YEAR_MS = 365.25 * 86_400_000;

/** Share of the interval [a, b) that falls in calendar year y (all of it, for a = b, in a's year). */
export function shareInYear(a: number, b: number, y: number): number {
  const [y0, y1] = yearBoundsMs(y);
  if (b <= a) return a >= y0 && a < y1 ? 1 : 0;
  return Math.max(0, Math.min(b, y1) - Math.max(a, y0)) / (b - a);
}

/** Milliseconds of [a, b) inside year y. */
export function msInYear(a: number, b: number, y: number): number {
  const [y0, y1] = yearBoundsMs(y);
  return Math.max(0, Math.min(b, y1) - Math.max(a, y0));
}

/** The instant `months` calendar months before `ms` (a fractional part counts 30.44 days a month). */
export function monthsBefore(ms: number, months: number): number {
  const whole = Math.floor(months);
  const d = new Date(ms);
  const shifted = Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - whole,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
  return shifted - (months - whole) * (365.25 / 12) * 86_400_000;
}
