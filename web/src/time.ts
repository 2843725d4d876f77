/**
 * Time labels for the charts, independent of the browser's time zone: a chart shows UTC or the
 * site's local STANDARD time (the fixed offset of its weather station, src/catalog/weather-stations.ts,
 * which is the clock the weather data are on; no daylight saving), always as ISO dates.
 */

import { intlLocale, locale } from './i18n';

/** The zone a chart labels its times in: UTC, or a fixed offset east of UTC in hours. */
export interface TimeZoneView {
  readonly offsetHours: number;
  /** "UTC" or "site standard time (UTC−6)". */
  readonly label: string;
}

export const UTC: TimeZoneView = { offsetHours: 0, label: 'UTC' };

/** "UTC−6", "UTC+5:30", "UTC" (with the U+2212 minus sign). */
export function offsetName(offsetHours: number): string {
  if (offsetHours === 0) return 'UTC';
  const a = Math.abs(offsetHours);
  const h = Math.floor(a);
  const m = Math.round((a - h) * 60);
  return `UTC${offsetHours < 0 ? '\u2212' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export function siteStandardTime(offsetHours: number): TimeZoneView {
  return { offsetHours, label: `site standard time (${offsetName(offsetHours)})` };
}

/**
 * IANA name of a whole-hour fixed offset for uPlot.tzDate ("Etc/GMT+6" is UTC−6: POSIX signs are
 * inverted), or undefined for fractional offsets.
 */
export function etcZone(offsetHours: number): string | undefined {
  if (offsetHours === 0) return 'UTC';
  if (!Number.isInteger(offsetHours) || Math.abs(offsetHours) > 14) return undefined;
  return `Etc/GMT${offsetHours < 0 ? '+' : '-'}${Math.abs(offsetHours)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar fields of a UTC instant (ms) seen in the zone. */
function fields(ms: number, zone: TimeZoneView) {
  const d = new Date(ms + zone.offsetHours * 3_600_000);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
  };
}

/** "2026-01-01 00:00" in the zone (no zone suffix). */
export function isoMinute(ms: number, zone: TimeZoneView): string {
  const f = fields(ms, zone);
  return `${f.y}-${f.mo}-${f.d} ${f.h}:${f.mi}`;
}

/**
 * Axis tick labels for ticks `incrementS` seconds apart: years, months ("2026-03"), days
 * ("2026-03-14") or hours ("03-14 06:00"), always ISO order.
 */
export function tickLabel(ms: number, incrementS: number, zone: TimeZoneView): string {
  const f = fields(ms, zone);
  if (incrementS >= 365 * 86_400) return String(f.y);
  if (incrementS >= 28 * 86_400) return `${f.y}-${f.mo}`;
  if (incrementS >= 86_400) return `${f.y}-${f.mo}-${f.d}`;
  return `${f.mo}-${f.d} ${f.h}:${f.mi}`;
}

/**
 * A calendar date ("2026-02-02", or an ISO instant: its UTC date) in the dashboard's language:
 * ISO in English (the dashboard's convention), "2 févr. 2026" in French. Time axes and ranges stay
 * ISO in every language (`isoMinute`, `tickLabel`). Text that is not a date is returned unchanged.
 */
export function fmtDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (locale() === 'en') return m[0];
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toLocaleDateString(intlLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The twelve calendar months, abbreviated in the dashboard's language: Jan … Dec, janv. … déc. */
export function monthNames(): string[] {
  if (locale() === 'en')
    return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const f = new Intl.DateTimeFormat(intlLocale(), { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, k) => f.format(Date.UTC(2026, k, 15)));
}
