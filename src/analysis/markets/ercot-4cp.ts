/**
 * ERCOT 4CP transmission allocation with and without the campuses (16 TAC §25.192(b)(1), TR4): a TSP's
 * rate is its transmission cost of service (TCOS) divided by the average of ERCOT's coincident peak demand
 * in June, July, August and September (4CP); each customer pays the rate × its own average demand in those
 * four intervals. Pure.
 *
 * Here: hourly data (ERCOT settles on 15-minute intervals; the hour is a stand-in), the TCOS held at the
 * rate × the 4CP of the historical year without the campuses (no new transmission counted: the
 * $30.8–33 bn ERCOT plan, TR2, is not allocated here), and the rate an ASSUMPTION inside the published
 * $50–150+/kW-yr range (TR5), as the supply schema's default.
 *
 * - firm: the campuses run through the peaks; the 4CP hours are re-found with their load added, the rate
 *   falls (same TCOS over more kW) and they pay their share.
 * - avoid: they curtail in the 4CP intervals (the ERCOT practice of load avoiding the peaks): they pay
 *   nothing and the other customers pay the whole TCOS; the difference is the bill they shift to others.
 */
import { DEFAULT_TRANSMISSION_USD_PER_KW_YEAR } from '../../model/resolve-grid-side.js';

export interface FourCPInput {
  /** UTC start of each hour of one historical year, ms. */
  readonly timeMs: Float64Array;
  readonly demandMW: Float64Array;
  /** Campus load of the same hours (laid hour of year), MW. */
  readonly campusMW: Float64Array;
  /** Clock for the months (ERCOT: Central Standard Time, −6). */
  readonly utcOffsetHours: number;
  readonly rateUSDPerKWYear?: number;
}

export interface FourCPResult {
  readonly rateUSDPerKWYear: number;
  readonly tcosUSD: number;
  /** Average of the four monthly peaks without the campuses, MW. */
  readonly base4CPMW: number;
  /** With the campuses running through the peaks. */
  readonly firm4CPMW: number;
  readonly campus4CPMW: number;
  readonly firmRateUSDPerKWYear: number;
  /** What the campuses pay when firm, $/yr (= what they shift to the others when they avoid the peaks). */
  readonly campusPaysFirmUSD: number;
  /** What the other customers pay: campuses firm / campuses avoiding the peaks, $/yr. */
  readonly othersPayFirmUSD: number;
  readonly othersPayAvoidUSD: number;
}

const monthOf = (ms: number, off: number) => new Date(ms + off * 3_600_000).getUTCMonth() + 1;

/** Indices of the highest hour of each of June–September. */
export function fourCPHours(timeMs: Float64Array, loadMW: Float64Array, utcOffsetHours: number): number[] {
  const best = new Map<number, number>();
  for (let t = 0; t < loadMW.length; t++) {
    const m = monthOf(timeMs[t] as number, utcOffsetHours);
    if (m < 6 || m > 9) continue;
    const b = best.get(m);
    if (b === undefined || (loadMW[t] as number) > (loadMW[b] as number)) best.set(m, t);
  }
  return [...best.values()];
}

const mean = (idx: number[], a: Float64Array) => idx.reduce((s, t) => s + (a[t] as number), 0) / idx.length;

export function fourCP(input: FourCPInput): FourCPResult {
  const rate = input.rateUSDPerKWYear ?? DEFAULT_TRANSMISSION_USD_PER_KW_YEAR;
  const base = fourCPHours(input.timeMs, input.demandMW, input.utcOffsetHours);
  if (base.length !== 4)
    throw new Error(`4CP needs hours in each of June–September (found ${base.length} months)`);
  const base4CP = mean(base, input.demandMW);
  const tcos = rate * 1000 * base4CP;
  const total = input.demandMW.map((d, t) => d + (input.campusMW[t] as number));
  const firmIdx = fourCPHours(input.timeMs, total, input.utcOffsetHours);
  const firm4CP = mean(firmIdx, total);
  const campus4CP = mean(firmIdx, input.campusMW);
  const firmRate = tcos / (1000 * firm4CP);
  const campusPays = firmRate * 1000 * campus4CP;
  return {
    rateUSDPerKWYear: rate,
    tcosUSD: tcos,
    base4CPMW: base4CP,
    firm4CPMW: firm4CP,
    campus4CPMW: campus4CP,
    firmRateUSDPerKWYear: firmRate,
    campusPaysFirmUSD: campusPays,
    othersPayFirmUSD: tcos - campusPays,
    othersPayAvoidUSD: tcos,
  };
}
