/**
 * The `flexibility` section of the run summary: per site and calendar year (UTC), what curtailment
 * cost and saved, and for ERCOT sites the 4CP detail (the actual coincident-peak hours, which each 4CP
 * policy caught, and the transmission charge avoided).
 *
 *   events          = runs of consecutive hours with curtailment delivered, by the year they start;
 *                     mean and longest duration in hours (an event running into the next year counts
 *                     its full length in the year it starts)
 *   energyCostSaved = Σ curtailed MW × price − Σ shifted-in MW × price − fuel burnt in requested hours
 *                     ($; the grid energy not bought, less made-up work and on-site fuel)
 *   4CP tag avoided = mean over the year's CP hours of the curtailed MW (grid MW relieved)
 *   charge avoided  = tag avoided × 1,000 kW/MW × rate $/kW-yr (attributed to the year measured; ERCOT
 *                     bills it in the following year)
 */

import type { EngineInputs } from '../engine/inputs.js';
import { yearRanges } from '../engine/metrics.js';
import { HOUR_MS } from '../engine/series.js';
import type { SimulatedSite } from '../engine/simulate.js';

export interface FourCPYear {
  /** The actual coincident-peak hours of the year (June–September), with the site's grid draw. */
  readonly peaks: {
    readonly month: number;
    readonly timeUtc: string;
    readonly regionDemandMW: number;
    readonly siteGridMW: number;
    /** Grid MW the site would have drawn without curtailment (grid + curtailed). */
    readonly siteGridWithoutCurtailmentMW: number;
  }[];
  /** Per 4CP policy: how many of the year's actual CP hours it curtailed in, and its hours in total. */
  readonly policies: {
    readonly method: string;
    readonly caught: number;
    readonly of: number;
    readonly hoursCurtailed: number;
  }[];
  readonly transmissionChargeUSD: number;
  readonly transmissionChargeAvoidedUSD: number;
}

export interface FlexibilityYear {
  readonly year: number;
  readonly curtailedEnergyMWh: number;
  readonly curtailmentHours: number;
  readonly events: number;
  readonly meanEventHours: number;
  readonly longestEventHours: number;
  readonly computeLostFLOP: number;
  readonly energyCostSavedUSD: number;
  readonly shiftedInEnergyMWh: number;
  readonly onsiteGenerationMWh: number;
  readonly onsiteFuelCostUSD: number;
  readonly onsiteCO2Tonnes: number;
  readonly batteryDischargeMWh: number;
  readonly batteryChargeMWh: number;
  readonly renewableMWh: number;
  readonly renewableSpillMWh: number;
  readonly fourCP?: FourCPYear;
}

export interface FlexibilitySite {
  readonly id: string;
  readonly action?: string;
  readonly policies: readonly string[];
  readonly transmissionUSDPerKWYear: number;
  /** NOx from on-site generators with a NOx factor, kg over the run. */
  readonly onsiteNOxKg: number;
  readonly years: FlexibilityYear[];
}

export interface FlexibilityReport {
  readonly sites: FlexibilitySite[];
}

export function flexibilityReport(
  inputs: EngineInputs,
  sims: readonly SimulatedSite[],
): FlexibilityReport | undefined {
  const years = yearRanges(inputs.startMs, inputs.hours);
  const sites: FlexibilitySite[] = [];
  sims.forEach((sim, i) => {
    const site = inputs.sites[i];
    const g = sim.gridSide;
    const gs = site?.gridSide;
    if (site === undefined || g === undefined || gs === undefined) return;
    const s = sim.hourly;
    const flex = gs.flexibility;
    const onsiteAction = flex?.action === 'onsite';
    // Columns a site without policies or supply shares (one zero array): each summed once per year.
    const summed = new Map<Float64Array, number>();
    const rows: FlexibilityYear[] = years.map((y) => {
      summed.clear();
      const sum = (a: Float64Array) => {
        let t = summed.get(a);
        if (t === undefined) {
          t = columnSum(a, y.from, y.to);
          summed.set(a, t);
        }
        return t;
      };
      const lengths: number[] = [];
      const { curtailed, hours, saved, shifted, lost } = curtailmentSums(
        y.from,
        y.to,
        s.hours,
        s.curtailedMW,
        s.priceUSDPerMWh,
        s.shiftedInMW,
        s.curtailRequestFraction,
        s.fuelCostUSD,
        s.computeLostFLOP,
        onsiteAction,
        lengths,
      );
      const peaks = g.coincidentPeaks.filter((cp) => cp.hour >= y.from && cp.hour < y.to);
      let fourCP: FourCPYear | undefined;
      if (peaks.length > 0) {
        const rate = gs.transmissionUSDPerKWYear;
        let avoidedMW = 0;
        for (const cp of peaks) avoidedMW += s.curtailedMW[cp.hour] as number;
        fourCP = {
          peaks: peaks.map((cp) => ({
            month: cp.month,
            timeUtc: new Date(s.startMs + cp.hour * HOUR_MS).toISOString(),
            regionDemandMW: cp.demandMW,
            siteGridMW: s.gridImportMW[cp.hour] as number,
            siteGridWithoutCurtailmentMW:
              (s.gridImportMW[cp.hour] as number) + (s.curtailedMW[cp.hour] as number),
          })),
          policies: g.schedule.fourCP.map((p) => {
            let hoursCurtailed = 0;
            for (let h = y.from; h < y.to; h++) hoursCurtailed += p.active[h] as number;
            return {
              method: p.method,
              caught: peaks.filter((cp) => p.active[cp.hour] === 1).length,
              of: peaks.length,
              hoursCurtailed,
            };
          }),
          transmissionChargeUSD: sum(s.transmissionChargeUSD),
          transmissionChargeAvoidedUSD: (avoidedMW * 1000 * rate) / 4,
        };
      }
      return {
        year: y.year,
        curtailedEnergyMWh: curtailed,
        curtailmentHours: hours,
        events: lengths.length,
        meanEventHours: lengths.length > 0 ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0,
        longestEventHours: lengths.length > 0 ? Math.max(...lengths) : 0,
        computeLostFLOP: lost,
        energyCostSavedUSD: saved,
        shiftedInEnergyMWh: shifted,
        onsiteGenerationMWh: sum(s.onsiteMW),
        onsiteFuelCostUSD: sum(s.fuelCostUSD),
        onsiteCO2Tonnes: sum(s.onsiteCO2Tonnes),
        batteryDischargeMWh: sum(s.batteryDischargeMW),
        batteryChargeMWh: sum(s.batteryChargeMW),
        renewableMWh: sum(s.renewableMW),
        renewableSpillMWh: sum(s.renewableSpillMW),
        ...(fourCP ? { fourCP } : {}),
      };
    });
    let nox = 0;
    gs.supply?.onsite.forEach((gen, k) => {
      nox += (g.supply.generatorMWh[k] ?? 0) * (gen.noxKgPerMWh ?? 0);
    });
    sites.push({
      id: s.siteId,
      ...(flex ? { action: flex.action } : {}),
      policies: (flex?.policies ?? []).map((p) => p.kind),
      transmissionUSDPerKWYear: gs.transmissionUSDPerKWYear,
      onsiteNOxKg: nox,
      years: rows,
    });
  });
  return sites.length > 0 ? { sites } : undefined;
}

/** Σ a[h] for from ≤ h < to, in order. */
function columnSum(a: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let h = from; h < to; h++) t += a[h] as number;
  return t;
}

/**
 * One year's curtailment sums over plain typed arrays (monomorphic; in the hour order of the report's
 * definition): curtailed MWh and hours, energy cost saved, shifted-in MWh, compute lost; the length of
 * each curtailment event starting in the year pushed onto `lengths` (counted to its end, past the year).
 */
function curtailmentSums(
  from: number,
  to: number,
  total: number,
  curtailedMW: Float64Array,
  priceUSDPerMWh: Float64Array,
  shiftedInMW: Float64Array,
  curtailRequestFraction: Float64Array,
  fuelCostUSD: Float64Array,
  computeLostFLOP: Float64Array,
  onsiteAction: boolean,
  lengths: number[],
): { curtailed: number; hours: number; saved: number; shifted: number; lost: number } {
  let curtailed = 0;
  let hours = 0;
  let saved = 0;
  let shifted = 0;
  let lost = 0;
  for (let h = from; h < to; h++) {
    const c = curtailedMW[h] as number;
    const price = priceUSDPerMWh[h] as number;
    saved += c * price - (shiftedInMW[h] as number) * price;
    if (onsiteAction && (curtailRequestFraction[h] as number) > 0) saved -= fuelCostUSD[h] as number;
    shifted += shiftedInMW[h] as number;
    lost += computeLostFLOP[h] as number;
    if (c > 0) {
      curtailed += c;
      hours++;
      if (h === 0 || !((curtailedMW[h - 1] as number) > 0)) {
        let len = 0;
        for (let k = h; k < total && (curtailedMW[k] as number) > 0; k++) len++;
        lengths.push(len);
      }
    }
  }
  return { curtailed, hours, saved, shifted, lost };
}
