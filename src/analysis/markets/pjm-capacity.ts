/**
 * Who pays, PJM: a capacity-market model calibrated on the published Base Residual Auctions (BRA),
 * 2022/23–2026/27 (data/markets/pjm_bra_results.csv; source keys of docs/markets-and-supply-chain.md).
 * Pure. Method and residuals: docs/buildout.md.
 *
 * 1. The VRR demand curve of 2026/27 as posted with the planning parameters (VRR1): the price cap $696/MW-day
 *    up to 145,774 MW, falling to $0 at 149,455 MW, zero to Point C at 153,873 MW. The fall between the
 *    two is taken as linear (an ASSUMPTION; the workbook was not read).
 * 2. The clearing relation, calibrated: within the short run (new capacity takes ≥ 5 years, GT6/IQ1)
 *    supply is taken as fixed at the cleared UCAP, so the price is where the VRR curve meets it, and the
 *    VRR curve moves with the reliability requirement. Across the five auctions the published price falls
 *    with the excess of the cleared reserve margin over its target x = RM − IRM (percentage points):
 *
 *      P(x) = P0 · exp(−k · x),   fitted by least squares on ln P   (CALIBRATION below, residuals per auction)
 *
 *    then capped at the VRR cap and, where it applied, the 2026/27–2027/28 collar (cap $329.17, floor $177.24,
 *    BRA10). 2026/27 enters with its uncapped price $388.57 (BRA12).
 * 3. New load ΔL (MW at the coincident peak) lowers the reserve margin of the same supply:
 *    RM' = (1 + RM)·Peak/(Peak + ΔL) − 1, so x' = RM' − IRM and P' = P(x'). Capacity cost = P × cleared UCAP ×
 *    365 (the RTO price; LDA price separation ignored, so a lower bound as in the source's DERIVED 2023/24 cost).
 *    Bring-your-own-generation adds capacity for its load plus the target reserve (RM nearly unchanged) and
 *    settles its own; flexible load curtailed at peak adds nothing at the peak.
 * 4. Who pays: capacity is charged by peak-load contribution, so the campuses pay ΔL/(Peak + ΔL) of the total
 *    and the other customers the rest; a household's share is its peak-load contribution (HOUSEHOLD_PLC_KW).
 */

export interface BraResult {
  readonly deliveryYear: string;
  readonly priceUSDPerMWDay: number;
  /** Uncapped price where a cap bound (2026/27). */
  readonly uncappedUSDPerMWDay?: number;
  /** RPM cleared UCAP, MW (null where not found: 2024/25). */
  readonly clearedUCAPMW: number | null;
  readonly totalCostUSDbn: number;
  /** Forecast peak, MW (null where not found). */
  readonly forecastPeakMW: number | null;
  readonly reserveMarginPct: number;
  readonly targetPct: number;
  readonly source: string;
}

/** The published auctions (data/markets/pjm_bra_results.csv). */
export const BRA_RESULTS: readonly BraResult[] = [
  {
    deliveryYear: '2022/23',
    priceUSDPerMWDay: 50,
    clearedUCAPMW: 144_477,
    totalCostUSDbn: 3.9,
    forecastPeakMW: null,
    reserveMarginPct: 19.9,
    targetPct: 14.5,
    source: 'BRA1, BRA2',
  },
  {
    deliveryYear: '2023/24',
    priceUSDPerMWDay: 34.13,
    clearedUCAPMW: 144_870.6,
    totalCostUSDbn: 1.8,
    forecastPeakMW: null,
    reserveMarginPct: 20.3,
    targetPct: 14.8,
    source: 'BRA3, BRA4 (cost DERIVED)',
  },
  {
    deliveryYear: '2024/25',
    priceUSDPerMWDay: 28.92,
    clearedUCAPMW: null,
    totalCostUSDbn: 2.2,
    forecastPeakMW: 150_640,
    reserveMarginPct: 20.4,
    targetPct: 14.7,
    source: 'BRA5, BRA6, BRA7',
  },
  {
    deliveryYear: '2025/26',
    priceUSDPerMWDay: 269.92,
    clearedUCAPMW: 135_684,
    totalCostUSDbn: 14.7,
    forecastPeakMW: 153_883,
    reserveMarginPct: 18.5,
    targetPct: 17.8,
    source: 'BRA6, BRA7, BRA8',
  },
  {
    deliveryYear: '2026/27',
    priceUSDPerMWDay: 329.17,
    uncappedUSDPerMWDay: 388.57,
    clearedUCAPMW: 134_311,
    totalCostUSDbn: 16.1,
    forecastPeakMW: 159_329,
    reserveMarginPct: 18.9,
    targetPct: 19.1,
    source: 'BRA9, BRA10, BRA11, BRA12',
  },
];

/** The 2026/27 VRR curve as posted (VRR1), UCAP MW and $/MW-day. */
export const VRR_2026_27 = {
  capUSDPerMWDay: 696,
  pointAMW: 145_774,
  zeroPriceMW: 149_455,
  pointCMW: 153_873,
  source:
    'VRR1 (RTO Insider on the posted 2026/27 planning parameters); linear fall from A to the zero point is an ASSUMPTION',
} as const;

/** The 2026/27 collar (BRA10, BRA17). */
export const COLLAR_2026_27 = {
  capUSDPerMWDay: 329.17,
  floorUSDPerMWDay: 177.24,
  source: 'BRA10, BRA17',
} as const;

/** VRR price at a cleared quantity, $/MW-day (piecewise linear, see the file comment). */
export function vrrPrice(qMW: number, v: typeof VRR_2026_27 = VRR_2026_27): number {
  if (qMW <= v.pointAMW) return v.capUSDPerMWDay;
  if (qMW >= v.zeroPriceMW) return 0;
  return (v.capUSDPerMWDay * (v.zeroPriceMW - qMW)) / (v.zeroPriceMW - v.pointAMW);
}

export interface Calibration {
  /** P0, $/MW-day: the price at a reserve margin exactly on target. */
  readonly p0USDPerMWDay: number;
  /** k, per percentage point of excess reserve margin. */
  readonly kPerPct: number;
  readonly residuals: readonly {
    deliveryYear: string;
    excessPct: number;
    publishedUSDPerMWDay: number;
    modelUSDPerMWDay: number;
    residualUSDPerMWDay: number;
  }[];
}

/** Least squares of ln P on x = RM − target over the auctions (uncapped prices where given). */
export function calibrate(results: readonly BraResult[] = BRA_RESULTS): Calibration {
  const pts = results.map((r) => ({
    r,
    x: r.reserveMarginPct - r.targetPct,
    p: r.uncappedUSDPerMWDay ?? r.priceUSDPerMWDay,
  }));
  const n = pts.length;
  const mx = pts.reduce((s, q) => s + q.x, 0) / n;
  const my = pts.reduce((s, q) => s + Math.log(q.p), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const q of pts) {
    sxy += (q.x - mx) * (Math.log(q.p) - my);
    sxx += (q.x - mx) ** 2;
  }
  const slope = sxy / sxx;
  const p0 = Math.exp(my - slope * mx);
  const k = -slope;
  return {
    p0USDPerMWDay: p0,
    kPerPct: k,
    residuals: pts.map((q) => {
      const model = p0 * Math.exp(-k * q.x);
      return {
        deliveryYear: q.r.deliveryYear,
        excessPct: q.x,
        publishedUSDPerMWDay: q.p,
        modelUSDPerMWDay: model,
        residualUSDPerMWDay: q.p - model,
      };
    }),
  };
}

/** The reference auction the load is added to: 2026/27, the latest with every figure. */
export const REFERENCE = BRA_RESULTS[4] as BraResult & { clearedUCAPMW: number; forecastPeakMW: number };

/**
 * ASSUMPTION checked against a published figure: a household's contribution to the capacity peak, kW.
 * 865 kWh/month on average (EIA 2024, BL17) = 1.18 kW mean; twice the mean at the system peak = 2.37 kW.
 * Check: the 2024/25 → 2025/26 price rise (+$241/MW-day = $88,000/MW-yr) × 2.37 kW / 12 = $17.4 per month,
 * against the $14–18 per month Maryland's utilities reported for that capacity year (OPC4).
 */
export const HOUSEHOLD_PLC_KW = {
  value: (2 * 865) / 730,
  source: 'EIA 865 kWh/month (BL17) × 2 at peak (ASSUMPTION); checked against OPC4 $14–18/month',
} as const;

export type LoadKind = 'firm' | 'flexible' | 'byog';

export interface ClearingResult {
  readonly kind: LoadKind;
  /** Load added at the coincident peak, MW. */
  readonly addedPeakMW: number;
  readonly reserveMarginPct: number;
  readonly uncappedUSDPerMWDay: number;
  /** After the VRR cap and the collar. */
  readonly priceUSDPerMWDay: number;
  /** RTO capacity cost for the delivery year, $. */
  readonly totalCostUSD: number;
  /** Change against no added load, $/yr: all customers, the other customers. */
  readonly deltaCostUSD: number;
  readonly othersDeltaUSD: number;
  /** The other customers' extra cost per household per month, $. */
  readonly perHouseholdUSDPerMonth: number;
}

export interface ClearingOptions {
  readonly reference?: BraResult & { clearedUCAPMW: number; forecastPeakMW: number };
  readonly calibration?: Calibration;
  /** Apply the 2026/27 collar (default true: it applied to the reference auction). */
  readonly collar?: boolean;
}

/** Clears the reference auction with `addedPeakMW` of new load of a kind (firm, flexible, bring-your-own-generation). */
export function clearWithLoad(
  addedPeakMW: number,
  kind: LoadKind,
  options: ClearingOptions = {},
): ClearingResult {
  const ref = options.reference ?? REFERENCE;
  const cal = options.calibration ?? calibrate();
  const collar = options.collar ?? true;
  const price = (dl: number, extraCapacityMW: number) => {
    const rm =
      ((1 + ref.reserveMarginPct / 100) * ref.forecastPeakMW + extraCapacityMW) / (ref.forecastPeakMW + dl) -
      1;
    const uncapped = Math.min(
      VRR_2026_27.capUSDPerMWDay,
      cal.p0USDPerMWDay * Math.exp(-cal.kPerPct * (100 * rm - ref.targetPct)),
    );
    const capped = collar
      ? Math.min(COLLAR_2026_27.capUSDPerMWDay, Math.max(COLLAR_2026_27.floorUSDPerMWDay, uncapped))
      : uncapped;
    return { rm: 100 * rm, uncapped, capped };
  };
  const base = price(0, 0);
  const baseCost = base.capped * ref.clearedUCAPMW * 365;
  const peakLoad = kind === 'flexible' ? 0 : addedPeakMW;
  // bring-your-own-generation: capacity for the load plus the target reserve, so the margin barely moves
  const extraCapacity = kind === 'byog' ? addedPeakMW * (1 + ref.targetPct / 100) : 0;
  const p = price(peakLoad, extraCapacity);
  const total = p.capped * ref.clearedUCAPMW * 365;
  // firm load takes its peak-load share of the auction's cost; a self-supplied campus settles its own
  const othersShare = kind === 'firm' ? ref.forecastPeakMW / (ref.forecastPeakMW + peakLoad) : 1;
  const othersDelta = total * othersShare - baseCost;
  const householdsShare = HOUSEHOLD_PLC_KW.value / 1000 / ref.forecastPeakMW;
  return {
    kind,
    addedPeakMW,
    reserveMarginPct: p.rm,
    uncappedUSDPerMWDay: p.uncapped,
    priceUSDPerMWDay: p.capped,
    totalCostUSD: total,
    deltaCostUSD: total - baseCost,
    othersDeltaUSD: othersDelta,
    perHouseholdUSDPerMonth: (othersDelta * householdsShare) / 12,
  };
}
