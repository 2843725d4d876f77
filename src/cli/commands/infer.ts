/**
 * `gigawatt infer`: a quick calculator for one inference service without a scenario: accelerators
 * needed at peak (compute and HBM rooflines plus headroom), a year of failures and repairs (shortfall
 * hours), and energy and CO2 per token.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { ACCELERATOR_IDS, acceleratorPowerCurve } from '../../catalog/accelerators.js';
import { acceleratorPowerW } from '../../catalog/power-curve.js';
import { llama3FailureModel } from '../../cluster/failure-model.js';
import { demandShape, tokensPerSecondPerAccelerator } from '../../cluster/inference.js';
import { DEFAULT_SPARE_SHARE } from '../../cluster/quick-train.js';
import { simulateCluster } from '../../cluster/simulator.js';
import { envLimits } from '../../io/load-scenario.js';
import { LIMIT_ENV } from '../../model/limits.js';
import { count, energy } from '../format.js';
import { UsageError } from '../usage-error.js';
import { acceleratorPeakOption, numberList, numberOption, requiredNumber } from './cli-numbers.js';

interface InferOptions {
  accelerator: string;
  tokensPerSecond?: string;
  flopPerToken?: string;
  hbmBytesPerToken?: string;
  mfu?: string;
  hbmEfficiency?: string;
  precision: string;
  headroom?: string;
  dailyShape?: string;
  growth?: string;
  days?: string;
  accelerators?: string;
  pue?: string;
  carbon?: string;
  rateScale?: string;
  seed?: string;
  json?: boolean;
}

/**
 * Sane ranges for the calculator's options (stated, not sourced): demand growth up to +10,000 % a
 * year; a PUE up to 10 (reported campuses are below 2); grid intensity up to 2,000 gCO2/kWh (coal is
 * about 1,000); interruption rates up to 1,000 x Llama 3's. The fleet is bounded by the limit on
 * accelerators per site (src/model/limits.ts).
 */
const MAX_GROWTH = 100;
const MAX_PUE = 10;
const MAX_CARBON_G_PER_KWH = 2000;
export const MAX_RATE_SCALE = 1000;

type Spec = ReturnType<typeof acceleratorPeakOption>['spec'];

/** The service on its own pool, failures and repairs event by event (src/cluster/simulator.ts). */
function simulateService(
  o: InferOptions,
  f: {
    hours: number;
    perUnit: number;
    fleetUnits: number;
    demandUnits: Float64Array;
    targetUnits: Float64Array;
    unitTokensPerS: number;
  },
): ReturnType<typeof simulateCluster> {
  const { hours, perUnit, fleetUnits, demandUnits, targetUnits, unitTokensPerS } = f;
  const failure = llama3FailureModel({
    rateScale: numberOption('--rate-scale', o.rateScale, { min: 0, max: MAX_RATE_SCALE }) ?? 1,
  });
  return simulateCluster({
    hours,
    sites: ['quick'],
    seed: numberOption('--seed', o.seed, { integer: true, min: 0 }) ?? 1,
    pools: [
      {
        id: 'quick',
        site: 0,
        acceleratorsPerUnit: perUnit,
        unitsOnline: fleetUnits,
        failure,
        backgroundBusyFraction: 0,
      },
    ],
    training: [],
    inference: [
      {
        id: 'service',
        pool: 0,
        demandUnits,
        targetUnits,
        allocation: 'dynamic',
        preemptsTraining: false,
        tokensPerUnitHour: unitTokensPerS * 3600,
        failure,
      },
    ],
  });
}

/**
 * IT energy of the accelerators the service holds: busy ones at full duty, held-but-idle ones on the
 * chip's own idle curve, and the host/network share of every held accelerator (at its full-load figure).
 */
function serviceITEnergyMWh(
  svc: { heldAcceleratorHours: ArrayLike<number>; busyAcceleratorHours: ArrayLike<number> },
  hours: number,
  accelerator: string,
  board: number,
  hostW: number,
): number {
  const curve = acceleratorPowerCurve(accelerator);
  const runW = acceleratorPowerW(1, board, board, curve);
  const idleW = acceleratorPowerW(0, board, board, curve);
  let itMWh = 0;
  for (let h = 0; h < hours; h++) {
    const eta = svc.heldAcceleratorHours[h] as number;
    const beta = Math.min(eta, svc.busyAcceleratorHours[h] as number);
    itMWh += (beta * runW + (eta - beta) * idleW + eta * hostW) / 1e6;
  }
  return itMWh;
}

/** What `infer` found, for the text report. */
interface InferFigures {
  cap: ReturnType<typeof tokensPerSecondPerAccelerator>;
  headroom: number;
  peakUnits: number;
  perUnit: number;
  fleetUnits: number;
  days: number;
  out: { tokensServed: number; shortfallHours: number; failures: number };
  pue: number;
  facilityMWh: number;
  jPerToken: number | null;
  co2PerMillion: number | null;
  demand: number;
  flopPerToken: number;
}

/** The text report. */
function formatInfer(o: InferOptions, spec: Spec, r: InferFigures): string {
  const rows: [string, string][] = [
    ['Capacity per accelerator', `${count(r.cap.tokensPerS)} tokens/s (${r.cap.boundBy}-bound)`],
    [
      `Peak need with ${(r.headroom * 100).toFixed(0)} % headroom`,
      `${count(r.peakUnits * r.perUnit)} accelerators (${count(r.peakUnits)} × ${spec.schedulingUnit.name})`,
    ],
    [
      'Fleet simulated',
      `${count(r.fleetUnits * r.perUnit)} accelerators for ${r.days} days, ${count(r.out.failures)} unit failures`,
    ],
    ['Tokens served', `${r.out.tokensServed.toExponential(3)} tokens`],
    ['Shortfall hours', `${count(r.out.shortfallHours)} h`],
    [
      `Energy (${r.pue === 1 ? 'IT only; --pue for facility' : `facility at PUE ${r.pue}`})`,
      energy(r.facilityMWh),
    ],
    ['Energy per token', r.jPerToken === null ? '—' : `${r.jPerToken.toFixed(3)} J`],
    [
      'CO2 per million tokens',
      r.co2PerMillion === null ? '— (give --carbon gCO2/kWh)' : `${r.co2PerMillion.toFixed(4)} kg CO2e`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [
    pc.bold(
      `gigawatt infer · ${count(r.demand)} tokens/s on ${spec.name}, ${r.flopPerToken.toExponential(2)} FLOP/token, ${o.precision}`,
    ),
    ...rows.map(([label, value]) => `${label.padEnd(width)}${value}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function inferCommand(o: InferOptions): void {
  const { spec, peakTFLOPS: peak } = acceleratorPeakOption(o.accelerator, o.precision);
  const board = spec.boardPowerW.value;
  if (board === null) throw new UsageError(`--accelerator: ${o.accelerator} has no published board power`);
  const demand = requiredNumber('--tokens-per-second', o.tokensPerSecond, { gt: 0 });
  const flopPerToken = requiredNumber('--flop-per-token', o.flopPerToken, { gt: 0 });
  const hbmBytes = numberOption('--hbm-bytes-per-token', o.hbmBytesPerToken, { gt: 0 });
  const mfu = numberOption('--mfu', o.mfu, { gt: 0, max: 1 }) ?? 0.4;
  const headroom = numberOption('--headroom', o.headroom, { min: 0 }) ?? 0.2;
  const growth = numberOption('--growth', o.growth, { gt: -1, max: MAX_GROWTH }) ?? 0;
  const days = numberOption('--days', o.days, { gt: 0, max: 3660 }) ?? 365;
  const pue = numberOption('--pue', o.pue, { min: 1, max: MAX_PUE }) ?? 1;
  const carbon = numberOption('--carbon', o.carbon, { min: 0, max: MAX_CARBON_G_PER_KWH });
  const daily =
    o.dailyShape !== undefined ? numberList('--daily-shape', o.dailyShape, { min: 0 }) : undefined;
  if (daily && daily.length !== 24)
    throw new UsageError(`--daily-shape: needs 24 values, one per hour (got ${daily.length})`);
  const bw = spec.hbmBandwidthTBps.value;
  const cap = tokensPerSecondPerAccelerator({
    peakFLOPS: peak * 1e12,
    mfu,
    flopPerToken,
    ...(hbmBytes !== undefined && bw !== null
      ? {
          hbmBytesPerToken: hbmBytes,
          hbmBandwidthBytesPerS: bw * 1e12,
          hbmEfficiency: numberOption('--hbm-efficiency', o.hbmEfficiency, { gt: 0, max: 1 }) ?? 1,
        }
      : {}),
  });
  const perUnit = spec.schedulingUnit.accelerators;
  const hours = Math.round(days * 24);
  const shape = demandShape({
    hours,
    localHour: (h) => h % 24,
    weekday: (h) => Math.floor(h / 24) % 7,
    ...(daily ? { daily } : {}),
    annualGrowth: growth,
  });
  const unitTokensPerS = cap.tokensPerS * perUnit;
  const demandUnits = shape.map((x) => (demand * x) / unitTokensPerS);
  const targetUnits = demandUnits.map((u) => Math.ceil(u * (1 + headroom) - 1e-9));
  const peakUnits = targetUnits.reduce((a, b) => Math.max(a, b), 0);
  const limits = envLimits();
  const maxFleet = limits.maxAcceleratorsPerSite;
  const fleetAccelerators = numberOption('--accelerators', o.accelerators, {
    integer: true,
    min: 1,
    max: maxFleet,
  });
  const peakNeed = peakUnits * perUnit;
  if (!(peakNeed <= maxFleet)) {
    const perToken = peakNeed / demand;
    throw new UsageError(
      `--tokens-per-second: ${o.tokensPerSecond} tokens/s needs ${Number.isFinite(peakNeed) ? peakNeed.toLocaleString('en-US') : 'unboundedly many'} accelerators at peak, over the limit of ${maxFleet.toLocaleString('en-US')} (raise it with ${LIMIT_ENV.maxAcceleratorsPerSite})${Number.isFinite(perToken) && perToken > 0 ? `; with these options at most about ${(maxFleet / perToken).toPrecision(3)} tokens/s` : ''}`,
    );
  }
  const fleetUnits =
    fleetAccelerators !== undefined
      ? Math.floor(fleetAccelerators / perUnit)
      : peakUnits + Math.max(1, Math.ceil(DEFAULT_SPARE_SHARE * peakUnits));
  const result = simulateService(o, { hours, perUnit, fleetUnits, demandUnits, targetUnits, unitTokensPerS });
  const svc = result.services[0];
  const out = result.inference[0];
  if (!svc || !out) throw new Error('no service result');
  const itMWh = serviceITEnergyMWh(
    svc,
    hours,
    o.accelerator,
    board,
    spec.hostNetworkWPerAccelerator.value ?? 0,
  );
  const facilityMWh = itMWh * pue;
  const jPerToken = out.tokensServed > 0 ? (facilityMWh * 3.6e9) / out.tokensServed : null;
  const co2PerMillion =
    jPerToken !== null && carbon !== undefined ? ((jPerToken / 3.6e6) * carbon * 1e6) / 1000 : null;
  const res = {
    accelerator: o.accelerator,
    tokensPerSecondPerAccelerator: cap.tokensPerS,
    boundBy: cap.boundBy,
    peakUnits,
    peakAccelerators: peakUnits * perUnit,
    fleetAccelerators: fleetUnits * perUnit,
    hours,
    tokensServed: out.tokensServed,
    shortfallHours: out.shortfallHours,
    failures: out.failures,
    energyMWh: facilityMWh,
    energyPerTokenJ: jPerToken,
    co2PerMillionTokensKg: co2PerMillion,
    pue,
  };
  if (o.json) {
    process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    formatInfer(o, spec, {
      cap,
      headroom,
      peakUnits,
      perUnit,
      fleetUnits,
      days,
      out,
      pue,
      facilityMWh,
      jPerToken,
      co2PerMillion,
      demand,
      flopPerToken,
    }),
  );
}

/** Registers `gigawatt infer`. */
export function registerInfer(cli: Command): void {
  cli
    .command('infer')
    .description(
      'quick calculator: accelerators, shortfall hours and energy per token for one inference service',
    )
    .option('-a, --accelerator <id>', `accelerator (${ACCELERATOR_IDS.join(', ')})`, 'h100')
    .option('-t, --tokens-per-second <n>', 'mean demand, tokens/s')
    .option('--flop-per-token <n>', 'FLOP per token (≈ 2 × active parameters)')
    .option('--hbm-bytes-per-token <n>', 'HBM bytes per token (adds the memory roofline)')
    .option('--mfu <x>', 'achieved share of peak FLOP/s, 0..1 (default 0.4, assumption)')
    .option('--hbm-efficiency <x>', 'achieved share of peak HBM bandwidth (default 1)')
    .option('--precision <p>', 'bf16 or fp8', 'fp8')
    .option('--headroom <x>', 'capacity held above demand (default 0.2, assumption)')
    .option('--daily-shape <24 values>', 'relative demand by hour 0..23, comma-separated')
    .option('--growth <x>', 'demand growth per year (0.5 = +50 %)')
    .option('--days <d>', 'days to simulate (default 365)')
    .option('--accelerators <n>', 'fleet available (default: peak need + 2 % spares)')
    .option('--pue <x>', 'facility PUE to include cooling and losses (default 1: IT only)')
    .option('--carbon <g>', 'grid carbon intensity, gCO2/kWh, for CO2 per token')
    .option('--rate-scale <x>', 'multiply the Llama 3 interruption rates (default 1)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ gigawatt infer -a h100 -t 2e6 --flop-per-token 2e11
  $ gigawatt infer -a gb300 -t 2e8 --flop-per-token 2e11 --hbm-bytes-per-token 1.6e9 --pue 1.1 --carbon 400
  $ gigawatt infer -a h200 -t 1e6 --flop-per-token 1.4e11 --accelerators 600 --growth 1 --json`,
    )
    .action((opts: InferOptions) => inferCommand(opts));
}
