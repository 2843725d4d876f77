/**
 * Economics and jobs, first cut: capex by phase, annual operations cost, jobs from calibrated ratios.
 *
 *   capex_phase = IT capacity MW · facility $/MW + count · (accelerator price + network $/accelerator)
 *   IT capacity = count · (board power + host/network power per accelerator) / 10⁶   (MW, full load)
 *   jobs        = total capex / $1B · jobs per $1B, rounded, then split over phases by capex
 *                 (largest remainder, so phases sum exactly to the total)
 * Capex and jobs of a phase are attributed to the calendar year of its online date (clamped to the
 * simulated period), and to its site. Phases that come online after the period are left out.
 */
import type { EngineInputs } from '../engine/inputs.js';
import { HOUR_MS } from '../engine/series.js';
import type { EconomicsRates } from '../model/economics-rates.js';

export interface PhaseEconomics {
  readonly siteId: string;
  readonly phaseId: string;
  /** Calendar year the phase's capex and jobs are attributed to. */
  readonly year: number;
  readonly count: number;
  readonly itCapacityMW: number;
  readonly facilityCapexUSD: number;
  readonly acceleratorCapexUSD: number;
  readonly networkCapexUSD: number;
  readonly capexUSD: number;
  readonly jobsPermanent: number;
  readonly jobsConstruction: number;
}

export type { EconomicsRates };

/** Splits an integer total over weights with the largest-remainder method (sums exactly to total). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

export function phaseEconomics(inputs: EngineInputs, rates: EconomicsRates): PhaseEconomics[] {
  const endMs = inputs.startMs + inputs.hours * HOUR_MS;
  const firstYear = new Date(inputs.startMs).getUTCFullYear();
  const rows: Omit<PhaseEconomics, 'jobsPermanent' | 'jobsConstruction'>[] = [];
  inputs.sites.forEach((site, i) => {
    site.phases.forEach((phase, j) => {
      if (phase.onlineMs >= endMs) return;
      const itCapacityMW = (phase.count * (phase.boardPowerW + phase.hostNetworkWPerAccelerator)) / 1e6;
      const facilityCapexUSD = itCapacityMW * (rates.facilityUSDPerMW[i] as number);
      const acceleratorCapexUSD = phase.count * (rates.acceleratorPriceUSD[i]?.[j] as number);
      const networkCapexUSD = phase.count * rates.networkUSDPerAccelerator;
      rows.push({
        siteId: site.id,
        phaseId: phase.id,
        year: Math.max(firstYear, new Date(phase.onlineMs).getUTCFullYear()),
        count: phase.count,
        itCapacityMW,
        facilityCapexUSD,
        acceleratorCapexUSD,
        networkCapexUSD,
        capexUSD: facilityCapexUSD + acceleratorCapexUSD + networkCapexUSD,
      });
    });
  });
  const capex = rows.map((r) => r.capexUSD);
  const billions = capex.reduce((a, b) => a + b, 0) / 1e9;
  const permanent = apportion(
    rates.permanentJobsTotal ?? Math.round(billions * rates.permanentJobsPerBillionUSD),
    capex,
  );
  const construction = apportion(
    rates.constructionJobsTotal ?? Math.round(billions * rates.constructionJobsPerBillionUSD),
    capex,
  );
  return rows.map((r, k) => ({
    ...r,
    jobsPermanent: permanent[k] as number,
    jobsConstruction: construction[k] as number,
  }));
}
