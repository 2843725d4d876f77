/**
 * When each campus began procuring equipment and asked to connect (the start S of ./supply-chain.ts),
 * derived from what the register states. Pure.
 *
 * What the register can state (data/campuses/us_ai_campuses.csv, `notes` and `source_quotes`, and the
 * dates in its source addresses):
 * - an announcement date, "announced YYYY-MM-DD" (e.g. Microsoft Pecos/Kilby, Google Meitner);
 * - a construction start, "groundbreaking Mon YYYY" / "construction began|started Mon YYYY" (Stargate
 *   Port Washington);
 * - otherwise the date of its earliest dated source (a path like /2025/07/24/): the campus was public by
 *   then, so it was announced no later.
 *
 * The rule (first that applies; each phase of a campus shares its campus's S):
 * 1. status `announced`: S = the announcement date, stated or bounded by the earliest dated source
 *    (ASSUMPTION: ordering and the interconnection request start at the announcement); neither known: the
 *    status rule (START_BY_STATUS: 6 months before the analysis date);
 * 2. `under-construction` or `operating`: S = the earliest of the stated construction start, the
 *    announcement date (stated or bounded) and the status rule (24 / 36 months before the analysis date):
 *    a campus was ordering no later than it was public or breaking ground, and the status rule is a
 *    floor on how long building takes (ASSUMPTION);
 * 3. never after the analysis date.
 * The result carries its basis, printed with the supply chain.
 */
import { isoDateMs } from '../../engine/series.js';
import type { CampusRecord } from './register.js';
import { DEFAULT_AS_OF, START_BY_STATUS } from './supply-chain.js';

export interface StatedDate {
  readonly iso: string;
  readonly basis: string;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(20\\d\\d)';
const pad = (n: number) => String(n).padStart(2, '0');

/** `Dec 2025` / `September 2025` → the 1st of the month. */
function monthDate(word: string, year: string): string {
  return `${year}-${pad(MONTHS[word.slice(0, 3).toLowerCase()] as number)}-01`;
}

/** The announcement date the register states, or the earliest dated source as an upper bound; null when neither. */
export function announcementDate(r: CampusRecord): StatedDate | null {
  const text = `${r.notes} ${r.sourceQuotes}`;
  const stated = /\bannounced\s+(20\d\d-[01]\d-[0-3]\d)\b/i.exec(text);
  if (stated !== null) return { iso: stated[1] as string, basis: `register: announced ${stated[1]}` };
  let earliest: string | null = null;
  for (const url of r.sourceUrls) {
    const m = /\/(20[12]\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-])/.exec(url);
    if (m === null) continue;
    const iso = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
    if (earliest === null || iso < earliest) earliest = iso;
  }
  return earliest === null
    ? null
    : { iso: earliest, basis: `public by ${earliest} (the register's earliest dated source)` };
}

/** The construction start the register states ("groundbreaking Dec 2025", "construction began June 2024"); null when none. */
export function constructionStart(r: CampusRecord): StatedDate | null {
  const text = `${r.notes} ${r.sourceQuotes}`;
  const m = new RegExp(
    `(groundbreaking|broke ground|construction (?:began|started|start))\\s+(?:in\\s+)?${MONTH_WORD}`,
    'i',
  ).exec(text);
  if (m === null) return null;
  const iso = monthDate(m[2] as string, m[3] as string);
  return { iso, basis: `register: ${(m[1] as string).toLowerCase()} ${m[2]} ${m[3]}` };
}

const addMonths = (iso: string, months: number) => {
  const d = new Date(isoDateMs(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** S for a campus of the register, with its basis (the rule of the file comment). */
export function procurementStart(r: CampusRecord, asOf = DEFAULT_AS_OF): StatedDate {
  const rule = START_BY_STATUS[r.status] ?? START_BY_STATUS.announced;
  const byStatus: StatedDate = {
    iso: addMonths(asOf, -(rule?.monthsBeforeAsOf ?? 0)),
    basis: `ASSUMPTION by status ${r.status}: ${rule?.monthsBeforeAsOf ?? 0} months before ${asOf}`,
  };
  const announced = announcementDate(r);
  const built = constructionStart(r);
  let s: StatedDate;
  if (r.status === 'announced') s = announced ?? byStatus;
  else
    s = [built, announced, byStatus]
      .filter((x): x is StatedDate => x !== null)
      .reduce((a, b) => (b.iso < a.iso ? b : a));
  return s.iso > asOf ? { iso: asOf, basis: `${s.basis}; not after the analysis date ${asOf}` } : s;
}
