/**
 * Exogenous stages reused between runs of one caller (a sweep worker): the environment (weather,
 * grid carbon and price on the simulated hours, local hour), the fleet (accelerators online) and the
 * curtailment schedule (src/engine/flexibility/schedule.ts) depend only on the site's surroundings,
 * its phases and the period, never on the busy fraction or the MFU a sweep varies. A run whose site
 * reads the same inputs as the previous run's site in that slot gets those stages' outputs copied
 * from the previous run instead of recomputed: the same arrays bit for bit (they were written by the
 * same stage functions from the same inputs), so results are identical.
 *
 * What "the same inputs" means is deliberately wider than what the three stages read: every field of
 * the site except its busy fraction and its busy series (the cooling system, interconnect, duty cycle
 * and hourly shape too), the period and the replay policy. Typed arrays (weather, series, regional
 * demand: the data source's, never written by the engine) compare by identity, everything else by
 * value. Anything else that changes recomputes the three stages.
 */
import { type EnvironmentReport, environmentStage } from './environment.js';
import { fleetStage } from './fleet.js';
import { type CurtailmentSchedule, curtailmentSchedule } from './flexibility/schedule.js';
import type { EngineInputs, SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

/** The site fields that a sweep varies and the exogenous stages do not read. */
const ENDOGENOUS_SITE_FIELDS: ReadonlySet<string> = new Set(['busyFraction', 'busyFractionSeries']);

interface Kept {
  readonly key: string;
  readonly environment: EnvironmentReport;
  readonly schedule: CurtailmentSchedule;
  readonly dryBulbC: Float64Array;
  readonly wetBulbC: Float64Array;
  readonly carbonGPerKWh: Float64Array;
  readonly priceUSDPerMWh: Float64Array;
  readonly localHour: Uint8Array;
  readonly acceleratorsOnline: Float64Array;
  readonly phaseOnline: readonly Float64Array[];
}

/** What the exogenous stages gave for a site: the environment report and the curtailment schedule. */
export interface ExogenousStages {
  readonly environment: EnvironmentReport;
  readonly schedule: CurtailmentSchedule;
}

export class ExogenousReuse {
  private readonly slots: (Kept | undefined)[] = [];
  private readonly arrayIds = new WeakMap<object, number>();
  private nextArrayId = 0;
  /** Runs of a site slot served from the previous run / computed (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  /**
   * Writes the environment and fleet columns of site `slot` into `out` and returns its environment
   * report and curtailment schedule: copied from the previous run of that slot when its key matches,
   * else computed by the stages (and kept for the next run).
   */
  stages(slot: number, site: SiteInputs, inputs: EngineInputs, out: SiteHourly): ExogenousStages {
    const key = this.key(site, inputs, out);
    const kept = this.slots[slot];
    if (kept !== undefined && kept.key === key && kept.phaseOnline.length === out.phaseOnline.length) {
      this.hits++;
      out.dryBulbC.set(kept.dryBulbC);
      out.wetBulbC.set(kept.wetBulbC);
      out.carbonGPerKWh.set(kept.carbonGPerKWh);
      out.priceUSDPerMWh.set(kept.priceUSDPerMWh);
      out.localHour.set(kept.localHour);
      out.acceleratorsOnline.set(kept.acceleratorsOnline);
      for (let p = 0; p < kept.phaseOnline.length; p++)
        (out.phaseOnline[p] as Float64Array).set(kept.phaseOnline[p] as Float64Array);
      // The replayed series' `values` are the run's own columns (replaySeries wrote into them).
      const { carbon, price } = kept.environment;
      const environment: EnvironmentReport = {
        carbon: { ...carbon, values: out.carbonGPerKWh },
        ...(price ? { price: { ...price, values: out.priceUSDPerMWh } } : {}),
      };
      return { environment, schedule: kept.schedule };
    }
    this.misses++;
    const environment = environmentStage(site, inputs.replay, out);
    fleetStage(site, out);
    const schedule = curtailmentSchedule(site.gridSide, out, inputs.replay);
    this.slots[slot] = {
      key,
      environment,
      schedule,
      dryBulbC: out.dryBulbC.slice(),
      wetBulbC: out.wetBulbC.slice(),
      carbonGPerKWh: out.carbonGPerKWh.slice(),
      priceUSDPerMWh: out.priceUSDPerMWh.slice(),
      localHour: out.localHour.slice(),
      acceleratorsOnline: out.acceleratorsOnline.slice(),
      phaseOnline: out.phaseOnline.map((c) => c.slice()),
    };
    return { environment, schedule };
  }

  /** The inputs of the exogenous stages, as a string: typed arrays by identity, the rest by value. */
  private key(site: SiteInputs, inputs: EngineInputs, out: SiteHourly): string {
    const parts: unknown[] = [out.startMs, out.hours, inputs.replay];
    for (const [k, v] of Object.entries(site)) if (!ENDOGENOUS_SITE_FIELDS.has(k)) parts.push(k, v);
    return JSON.stringify(parts, (_k, v: unknown) => {
      if (ArrayBuffer.isView(v)) {
        let id = this.arrayIds.get(v);
        if (id === undefined) {
          id = this.nextArrayId++;
          this.arrayIds.set(v, id);
        }
        return `#array${id}`;
      }
      // JSON has no NaN, ±Infinity or −0: keep them apart from null, 0 and each other.
      if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
        return Object.is(v, -0) ? '#-0' : `#${v}`;
      return v;
    });
  }
}
