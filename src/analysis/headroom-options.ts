/**
 * The options of `gigawatt headroom` and GET /api/headroom given as text (years, curtailment limits,
 * a region, the season clock), parsed and checked: pure, the same for the CLI and the API. A bad one
 * is a UsageError whose message starts with the CLI's flag (`--years: …`).
 */

import {
  DEMAND_HISTORIES,
  type DemandHistory,
  findDemandHistory,
  getRegion,
  REGIONS,
  type Region,
} from '../catalog/regions.js';
import { UsageError } from '../model/usage-error.js';
import { DEFAULT_CURTAILMENT_LIMITS_PCT } from './headroom.js';

/** The window of years used by default where the data have them: that of Norris et al. (2025). */
export const DEFAULT_YEARS = { first: 2016, last: 2024 } as const;

/** A region by catalog id or EIA code, or a UsageError listing both. */
export function regionOrUsage(id: string, path = '--region'): Region {
  try {
    return getRegion(id);
  } catch {
    const allowed = REGIONS.map((r) => (r.eiaBaCode === r.id ? r.id : `${r.id} (${r.eiaBaCode})`));
    throw new UsageError(`${path}: unknown region '${id}'; allowed: ${allowed.join(', ')}`);
  }
}

/** A balancing authority with bundled demand history, by catalog id or EIA code, or a UsageError listing them. */
export function historyOrUsage(id: string, path = '--region'): DemandHistory {
  const h = findDemandHistory(id);
  if (h !== undefined) return h;
  const allowed = DEMAND_HISTORIES.map((x) =>
    x.regionId === null || x.regionId === x.eiaBaCode ? x.eiaBaCode : `${x.regionId} (${x.eiaBaCode})`,
  );
  throw new UsageError(`${path}: unknown balancing authority '${id}'; allowed: all, ${allowed.join(', ')}`);
}

/** Years as text: `2016–2024` when three or more run on, else a list (`2019, 2021`). */
export const spanText = (years: readonly number[]) => {
  const contiguous = years.every((y, i) => i === 0 || y === (years[i - 1] as number) + 1);
  return years.length > 2 && contiguous ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
};

/** Parses `2019-2024`, `2019,2021` or `2019-2020,2023` into sorted distinct years; checks they have data. */
export function parseYears(
  text: string | undefined,
  available: readonly number[],
  regionId: string,
): number[] {
  if (text === undefined) {
    const inWindow = available.filter((y) => y >= DEFAULT_YEARS.first && y <= DEFAULT_YEARS.last);
    return inWindow.length > 0 ? inWindow : [...available];
  }
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(part);
    if (m === null) {
      throw new UsageError(
        `--years: '${part}' is not a year or a range (got "${text}"); write e.g. 2019-2024 or 2019,2021`,
      );
    }
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) throw new UsageError(`--years: range '${part}' runs backwards; write ${b}-${a}`);
    for (let y = a; y <= b; y++) out.add(y);
  }
  const years = [...out].sort((x, y) => x - y);
  const missing = years.filter((y) => !available.includes(y));
  if (missing.length > 0) {
    throw new UsageError(
      `--years: ${regionId} has no complete demand data for ${missing.join(', ')}; years with data: ${spanText(available)}`,
    );
  }
  return years;
}

/** Parses `0.25,0.5,1,5` (percent) into limits, each in (0, 100). */
export function parseLimitsPct(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_CURTAILMENT_LIMITS_PCT];
  const parts = text.split(',').map((s) => s.trim().replace(/%$/, ''));
  return parts.map((p) => {
    const x = p === '' ? Number.NaN : Number(p);
    if (!Number.isFinite(x) || x <= 0 || x >= 100) {
      throw new UsageError(
        `--curtailment: '${p}' is not a percentage in (0, 100) (got "${text}"); write e.g. 0.25,0.5,1,5`,
      );
    }
    return x;
  });
}

/** `--clock`: the season clock's offset from UTC, hours (local: the BA's standard time). */
export function utcOffsetFor(history: DemandHistory, clock: string | undefined): number {
  const c = clock ?? 'local';
  if (c === 'utc') return 0;
  if (c !== 'local') throw new UsageError(`--clock: must be one of: local, utc (got "${c}")`);
  return history.seasonUtcOffsetHours;
}

/** An offset from UTC as text: `UTC`, `UTC−6`, `UTC+1`. */
export const clockText = (offset: number) =>
  offset === 0 ? 'UTC' : `UTC${offset < 0 ? '−' : '+'}${Math.abs(offset)}`;
