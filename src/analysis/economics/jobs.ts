/**
 * Jobs over time. The announced construction jobs are a headcount; each phase's share (split by capex,
 * src/analysis/economics.ts) works over that phase's construction window, the months before its online
 * date in which its facility capex is spent. Overlapping windows add up.
 *
 *   headcount(t)  = Σ_p jobs_p · [t in window_p]
 *   peak          = max_t headcount(t)            (reached at the start of some window)
 *   job-years     = Σ_p jobs_p · window_p / 1 year
 * Permanent jobs of a phase start at its online date and stay.
 */
import type { EngineInputs } from '../../engine/inputs.js';
import type { PhaseEconomics } from '../economics.js';
import { monthsBefore } from './cash-flows.js';

export interface JobsOverTime {
  /** Months of construction before each online date. */
  readonly constructionMonths: number;
  readonly constructionPeak: number;
  /** ISO date the construction headcount first reaches its peak. */
  readonly constructionPeakDate: string | null;
  readonly constructionJobYears: number;
  readonly permanentJobs: number;
  /** Permanent jobs in place by date (one entry per online date). */
  readonly permanentRamp: { readonly date: string; readonly jobs: number }[];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function jobsOverTime(
  inputs: EngineInputs,
  phases: readonly PhaseEconomics[],
  constructionMonths: number,
): JobsOverTime {
  const windows = phases.map((p) => {
    const ph = inputs.sites.find((s) => s.id === p.siteId)?.phases.find((x) => x.id === p.phaseId);
    const online = ph?.onlineMs ?? inputs.startMs;
    return { from: monthsBefore(online, constructionMonths), to: online, p };
  });
  let peak = 0;
  let peakAt: number | null = null;
  for (const w of [...windows].sort((a, b) => a.from - b.from)) {
    if (w.to <= w.from) continue;
    const t = w.from;
    const headcount = windows.reduce(
      (sum, v) => sum + (t >= v.from && t < v.to ? v.p.jobsConstruction : 0),
      0,
    );
    if (headcount > peak) {
      peak = headcount;
      peakAt = t;
    }
  }
  const ramp: { date: string; jobs: number }[] = [];
  let permanent = 0;
  for (const w of [...windows].sort((a, b) => a.to - b.to)) {
    permanent += w.p.jobsPermanent;
    const date = iso(w.to);
    const last = ramp[ramp.length - 1];
    if (last && last.date === date) last.jobs = permanent;
    else ramp.push({ date, jobs: permanent });
  }
  return {
    constructionMonths,
    constructionPeak: peak,
    constructionPeakDate: peakAt === null ? null : iso(peakAt),
    constructionJobYears: windows.reduce(
      (sum, w) => sum + (w.p.jobsConstruction * constructionMonths) / 12,
      0,
    ),
    permanentJobs: permanent,
    permanentRamp: ramp,
  };
}
