/**
 * The hourly curtailment schedule of a site: what its policies ask for, computed only from exogenous
 * signals (regional demand, price, carbon intensity), so it exists before the IT stage runs and can be
 * handed as it is to another consumer (the event-driven cluster simulator).
 *
 *   request(t) = max over policies of their request(t)      share of IT power to shed, 0..1
 *   recover(t) = max over carbon policies, 0 where request(t) > 0   share of IT power to add back
 *
 * Requests combine by their maximum, not their sum: two policies asking in the same hour are one
 * curtailment.
 */
import type { GridSideInputs } from '../grid-side-inputs.js';
import { type ReplayPolicy, replaySeries } from '../replay.js';
import { carbonShift } from './carbon.js';
import { type CoincidentPeak, coincidentPeaks, fourCPRequest } from './four-cp.js';
import { gridEmergencyRequest } from './grid-emergency.js';
import { priceRequest } from './price.js';

/** The signals a schedule needs, on the simulated hours (the environment stage's arrays). */
export interface ScheduleSignals {
  readonly startMs: number;
  readonly hours: number;
  readonly priceUSDPerMWh: Float64Array;
  readonly carbonGPerKWh: Float64Array;
  /** Local standard hour 0..23 of each simulated hour (for daily windows). */
  readonly localHour: Uint8Array;
}

export interface FourCPPolicyReport {
  readonly policyIndex: number;
  readonly method: 'perfect-foresight' | 'day-ahead';
  /** 1 in the hours this policy asked to curtail. */
  readonly active: Uint8Array;
}

export interface CurtailmentSchedule {
  readonly curtailRequestFraction: Float64Array;
  readonly recoverFraction: Float64Array;
  /** Regional demand replayed onto the simulated hours, MW (when the data source provides it). */
  readonly regionDemandMW?: Float64Array;
  /** ERCOT: the actual June–September coincident-peak hours of the simulated period. */
  readonly coincidentPeaks: readonly CoincidentPeak[];
  readonly fourCP: readonly FourCPPolicyReport[];
}

/**
 * The schedule of a site. `zero`: a column of `signals.hours` zeros that the caller keeps zero, used as
 * the request and recover columns of a site without policies instead of two new zero arrays.
 */
export function curtailmentSchedule(
  grid: GridSideInputs | undefined,
  signals: ScheduleSignals,
  replay: ReplayPolicy,
  zero?: Float64Array,
): CurtailmentSchedule {
  const n = signals.hours;
  const policies = grid?.flexibility?.policies ?? [];
  const shared = policies.length === 0 && zero !== undefined && zero.length === n;
  const request = shared ? zero : new Float64Array(n);
  const recover = shared ? zero : new Float64Array(n);
  const demand =
    grid?.regionDemandMW === undefined
      ? undefined
      : replaySeries(grid.regionDemandMW, signals.startMs, n, replay).values;
  const wantsPeaks =
    (grid?.transmissionUSDPerKWYear ?? 0) > 0 ||
    (grid?.flexibility?.policies ?? []).some((p) => p.kind === '4cp');
  const peaks = demand !== undefined && wantsPeaks ? coincidentPeaks(demand, signals.startMs) : [];
  const fourCP: FourCPPolicyReport[] = [];
  (grid?.flexibility?.policies ?? []).forEach((p, k) => {
    switch (p.kind) {
      case 'grid-emergency':
        if (demand === undefined || grid?.regionPeakMW === undefined)
          throw new Error('grid-emergency policy: the data source gave no regional demand');
        gridEmergencyRequest(p, demand, grid.regionPeakMW, signals.startMs, request);
        break;
      case '4cp': {
        if (demand === undefined) throw new Error('4cp policy: the data source gave no regional demand');
        const active = fourCPRequest(p, demand, signals.startMs, request);
        fourCP.push({ policyIndex: k, method: p.method, active });
        break;
      }
      case 'price':
        priceRequest(p, signals.priceUSDPerMWh, request);
        break;
      case 'carbon':
        carbonShift(p, signals.carbonGPerKWh, signals.localHour, request, recover);
        break;
    }
  });
  if (!shared) for (let h = 0; h < n; h++) if ((request[h] as number) > 0) recover[h] = 0;
  return {
    curtailRequestFraction: request,
    recoverFraction: recover,
    ...(demand === undefined ? {} : { regionDemandMW: demand }),
    coincidentPeaks: peaks,
    fourCP,
  };
}
