/**
 * The one pass over the hours that the cash flows need, summed by calendar year (index k = year −
 * first cash-flow year):
 *
 *   energy $        Σ_h energyCostUSD              (grid import × price, plus on-site fuel)
 *   transmission $  Σ_h transmissionChargeUSD      (the ERCOT 4CP charge of the hourly engine)
 *   installed MWh   Σ_h itInstalledMW              (MW-years = MWh / 8,760)
 *   FLOP            Σ_h computeFLOP
 *   acc-hours       Σ_h Σ_p n_p(h) · b(h) · s(h) · d      b busy fraction, s = IT served / IT demand,
 *   revenue $       Σ_h Σ_p n_p(h) · price_p · b(h) · s(h) · d      d the site's duty cycle
 *
 * The hot loop is its own small function over typed arrays (monomorphic, no named access per hour).
 */
import { H100_BF16_DENSE_TFLOPS, H100_HOUR_PRICE_USD } from '../../catalog/finance-defaults.js';
import type { EngineInputs } from '../../engine/inputs.js';
import { HOUR_MS } from '../../engine/series.js';
import type { SimulatedSite } from '../../engine/simulate.js';
import type { SiteHourly } from '../../engine/site-hourly.js';

export interface YearlyAggregates {
  readonly energyUSD: Float64Array;
  readonly transmissionUSD: Float64Array;
  readonly installedMWh: Float64Array;
  readonly computeFLOP: Float64Array;
  /** Busy, served accelerator-hours × duty cycle. */
  readonly acceleratorHours: Float64Array;
  /** Revenue at the per-accelerator-hour price of each phase, $. */
  readonly acceleratorHourRevenueUSD: Float64Array;
}

/** Price of a busy accelerator-hour of a phase: the given flat price or H100 price parity per dense FLOP. */
export function acceleratorHourPriceUSD(flatPrice: number | undefined, peakFLOPS: number): number {
  return flatPrice !== undefined
    ? flatPrice
    : (H100_HOUR_PRICE_USD.value * peakFLOPS) / (H100_BF16_DENSE_TFLOPS * 1e12);
}

/**
 * The cash flows' hourly sums, taken site by site as each site is simulated (so a run need not keep
 * the hourly columns), by simulated UTC calendar year; `byYear` then places them on the cash-flow
 * years. Sites must be added in site order: each year's sum then adds the same numbers in the same
 * order as a pass over all sites at once.
 */
export class CashFlowHourlySums {
  /** The simulated calendar years' sums (index 0 = the year of the first simulated hour). */
  private readonly sums: YearlyAggregates;
  private readonly firstSimYear: number;
  private readonly yearStartHour: Float64Array;

  constructor(
    private readonly inputs: EngineInputs,
    /** The scenario's flat $ per accelerator-hour (economics.revenue.usdPerAcceleratorHour), if any. */
    readonly flatPrice: number | undefined,
  ) {
    this.firstSimYear = new Date(inputs.startMs).getUTCFullYear();
    const lastSimYear = new Date(inputs.startMs + Math.max(0, inputs.hours - 1) * HOUR_MS).getUTCFullYear();
    const years = lastSimYear - this.firstSimYear + 1;
    this.sums = emptyAggregates(years);
    // Hour index at which each simulated year after the first begins (no Date per hour).
    this.yearStartHour = new Float64Array(years + 1);
    for (let k = 0; k <= years; k++)
      this.yearStartHour[k] = Math.round((Date.UTC(this.firstSimYear + k, 0, 1) - inputs.startMs) / HOUR_MS);
  }

  /** Adds one site's hours (`SiteHourly` of site `s.siteId`, the next in site order). */
  addSite(s: SiteHourly): void {
    const site = this.inputs.sites.find((x) => x.id === s.siteId);
    const prices = Float64Array.from(
      (site?.phases ?? []).map((ph) => acceleratorHourPriceUSD(this.flatPrice, ph.peakFLOPS)),
    );
    accumulateSite(
      s.hours,
      this.yearStartHour,
      s.energyCostUSD,
      s.transmissionChargeUSD,
      s.itInstalledMW,
      s.computeFLOP,
      s.itDemandMW,
      s.itMW,
      s.busyFraction,
      s.phaseOnline,
      prices,
      site?.dutyCycle ?? 1,
      this.sums,
    );
  }

  /** The sums on the cash-flow years `firstYear … firstYear + years − 1` (0 where nothing is simulated). */
  byYear(firstYear: number, years: number): YearlyAggregates {
    const out = emptyAggregates(years);
    const keys = Object.keys(out) as (keyof YearlyAggregates)[];
    for (let k = 0; k < years; k++) {
      const j = firstYear + k - this.firstSimYear;
      if (j < 0 || j >= this.sums.energyUSD.length) continue;
      for (const key of keys) (out[key] as Float64Array)[k] = this.sums[key][j] as number;
    }
    return out;
  }
}

function emptyAggregates(years: number): YearlyAggregates {
  return {
    energyUSD: new Float64Array(years),
    transmissionUSD: new Float64Array(years),
    installedMWh: new Float64Array(years),
    computeFLOP: new Float64Array(years),
    acceleratorHours: new Float64Array(years),
    acceleratorHourRevenueUSD: new Float64Array(years),
  };
}

/**
 * The sums of `sims` (all sites' hourly columns) or of a `CashFlowHourlySums` already taken site by
 * site, on the cash-flow years `firstYear … firstYear + years − 1`.
 */
export function yearlyAggregates(
  inputs: EngineInputs,
  sims: readonly SimulatedSite[] | CashFlowHourlySums,
  firstYear: number,
  years: number,
  flatPrice: number | undefined,
): YearlyAggregates {
  if (sims instanceof CashFlowHourlySums) {
    if (sims.flatPrice !== flatPrice)
      throw new Error(
        `cash-flow sums were taken at a flat price of ${sims.flatPrice} $/accelerator-hour, not ${flatPrice}`,
      );
    return sims.byYear(firstYear, years);
  }
  const sums = new CashFlowHourlySums(inputs, flatPrice);
  for (const sim of sims) sums.addSite(sim.hourly);
  return sums.byYear(firstYear, years);
}

function accumulateSite(
  hours: number,
  yearStartHour: Float64Array,
  energyCostUSD: Float64Array,
  transmissionChargeUSD: Float64Array,
  itInstalledMW: Float64Array,
  computeFLOP: Float64Array,
  itDemandMW: Float64Array,
  itMW: Float64Array,
  busyFraction: Float64Array,
  phaseOnline: readonly Float64Array[],
  prices: Float64Array,
  duty: number,
  out: YearlyAggregates,
): void {
  const phases = phaseOnline.length;
  // Year by year, each sum in a local that starts from the year's total so far (the sites before this
  // one): the same additions in the same order as adding into the yearly arrays hour by hour.
  for (let k = 0, from = 0; from < hours; k++) {
    const next = yearStartHour[k + 1];
    const to = next === undefined ? hours : Math.max(from, Math.min(hours, next));
    let energy = out.energyUSD[k] as number;
    let transmission = out.transmissionUSD[k] as number;
    let installed = out.installedMWh[k] as number;
    let flop = out.computeFLOP[k] as number;
    let accHours = out.acceleratorHours[k] as number;
    let revenue = out.acceleratorHourRevenueUSD[k] as number;
    for (let h = from; h < to; h++) {
      energy += energyCostUSD[h] as number;
      transmission += transmissionChargeUSD[h] as number;
      installed += itInstalledMW[h] as number;
      flop += computeFLOP[h] as number;
      const demand = itDemandMW[h] as number;
      if (demand <= 0) continue;
      const busyServed = (((busyFraction[h] as number) * (itMW[h] as number)) / demand) * duty;
      let n = 0;
      let value = 0;
      for (let p = 0; p < phases; p++) {
        const np = (phaseOnline[p] as Float64Array)[h] as number;
        n += np;
        value += np * (prices[p] as number);
      }
      accHours += n * busyServed;
      revenue += value * busyServed;
    }
    out.energyUSD[k] = energy;
    out.transmissionUSD[k] = transmission;
    out.installedMWh[k] = installed;
    out.computeFLOP[k] = flop;
    out.acceleratorHours[k] = accHours;
    out.acceleratorHourRevenueUSD[k] = revenue;
    from = to;
  }
}
