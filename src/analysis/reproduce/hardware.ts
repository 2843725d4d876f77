/**
 * Reproduction cases for hardware power: the full-load power of published DGX/HGX servers and NVL72 racks
 * from the catalog (read at run time, so a re-derived catalog shows here), and the catalog's accelerator
 * power curve against the bundled H200 and H100 probe measurements (data/calibration).
 */
import { acceleratorPowerCurve, getAccelerator } from '../../catalog/accelerators.js';
import { acceleratorPowerW, type CalibrationPoint } from '../../catalog/power-curve.js';
import { type ReproCase, reproCase, type Tolerance } from './case.js';

/** A published system whose maximum power the catalog should reproduce. */
interface PublishedSystem {
  readonly id: string;
  readonly accelerator: string;
  readonly name: string;
  /** Published maximum (or typical full-load) system power, kW. */
  readonly publishedKW: number;
  readonly tolerance: Tolerance;
  readonly source: string;
  readonly note: string;
}

/** Published system figures (reference-figures.md §3.2, with the URLs of §6). */
export const PUBLISHED_SYSTEMS: readonly PublishedSystem[] = [
  {
    id: 'dgx-h100',
    accelerator: 'h100',
    name: 'DGX H100 (8 × H100 SXM)',
    publishedKW: 10.2,
    tolerance: { kind: 'relative', fraction: 0.05 },
    source:
      'NVIDIA DGX H100 max system power 10.2 kW (reference-figures.md §3.2, SY1 supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100)',
    note: 'The catalog derives host power per GPU from this figure, so agreement is by construction (in-sample).',
  },
  {
    id: 'dgx-b200',
    accelerator: 'b200',
    name: 'DGX B200 (8 × B200)',
    publishedKW: 14.3,
    tolerance: { kind: 'relative', fraction: 0.05 },
    source:
      'NVIDIA DGX B200 user guide: 14.3 kW max (reference-figures.md §3.2, SY3 docs.nvidia.com/dgx/dgxb200-user-guide)',
    note: 'In-sample: the catalog derives B200 host power from this figure.',
  },
  {
    id: 'gb200-nvl72',
    accelerator: 'gb200',
    name: 'GB200 NVL72 rack (72 GPU + 36 Grace)',
    publishedKW: 120,
    tolerance: { kind: 'relative', fraction: 0.1 },
    source:
      'GB200 NVL72 ~120 kW per rack (reference-figures.md §3.2: HW6 awesomeagents.ai, HW7 aiwiki.ai, SY4 introl.com)',
    note: 'Published figures are approximate ("~120 kW"), hence ±10 %.',
  },
  {
    id: 'gb300-nvl72',
    accelerator: 'gb300',
    name: 'GB300 NVL72 rack (72 GPU + 36 Grace)',
    publishedKW: 142,
    tolerance: { kind: 'range', low: 120, high: 142 },
    source:
      'GB300 NVL72 ~120 kW (one source) to ~142 kW peak (another); compute trays 18 × ~6.5 kW + switch trays 3.6 kW (reference-figures.md §3.2: SY5 introl.com, SY6 manishklach.github.io)',
    note: 'Sources disagree; the model must fall in the published range. Issue 10 item 2 re-derives this system.',
  },
];

/** Full-load system power from the catalog: accelerators per unit × (board + host/network per accelerator). */
export function catalogSystemKW(
  acceleratorId: string,
): { kw: number; accelerators: number; basis: string } | null {
  const a = getAccelerator(acceleratorId);
  if (a === undefined) return null;
  const board = a.boardPowerW.value;
  const host = a.hostNetworkWPerAccelerator.value;
  if (board === null || host === null) return null;
  const n = a.schedulingUnit.accelerators;
  return {
    kw: (n * (board + host)) / 1000,
    accelerators: n,
    basis: `catalog ${a.id}: ${n} × (board ${board} W + host/network ${+host.toFixed(1)} W) (src/catalog/accelerators.ts)`,
  };
}

export function systemPowerCases(): ReproCase[] {
  return PUBLISHED_SYSTEMS.map((s) => {
    const m = catalogSystemKW(s.accelerator);
    return reproCase({
      id: `system-power/${s.id}`,
      group: 'system power',
      quantity: `${s.name}, full-load system power`,
      unit: 'kW',
      model: m === null ? null : m.kw,
      published: s.publishedKW,
      tolerance: s.tolerance,
      source: s.source,
      modelBasis: m === null ? `catalog ${s.accelerator}: board or host power unpublished` : m.basis,
      note: s.note,
    });
  });
}

/**
 * The catalog power curve of the chip (the H200 curve's shape with the chip's own idle share, scaled
 * by its board power) at each measured duty cycle vs the probe's mean board power. `chip` names the
 * probe; `boardPowerW` is the catalog's.
 */
export function probeCurveCases(
  chip: 'h200' | 'h100',
  points: readonly CalibrationPoint[],
  boardPowerW: number,
): ReproCase[] {
  const inSample = chip === 'h200';
  return points.map((p) =>
    reproCase({
      id: `probe/${chip}/${p.phase}`,
      group: 'probe curve',
      quantity: `${chip.toUpperCase()} board power at ${Math.round(100 * p.dutyCycle)} % busy (${p.phase})`,
      unit: 'W',
      model: acceleratorPowerW(p.dutyCycle, boardPowerW, boardPowerW, acceleratorPowerCurve(chip)),
      published: p.meanPowerW,
      tolerance: { kind: 'absolute', amount: 30 },
      source: `data/calibration/${chip}_power_summary.json (one ${chip.toUpperCase()} SXM at its 700 W default limit, NVML energy counter; data/calibration/PROVENANCE.md)`,
      modelBasis: `acceleratorPowerW(u, ${boardPowerW} W) with acceleratorPowerCurve('${chip}') (src/catalog/accelerators.ts)`,
      note: inSample
        ? 'In-sample: the curve was fitted to these points (least squares); ±30 W ≈ 4.3 % of board power.'
        : p.dutyCycle === 0
          ? 'In-sample: the H100 idle share is this measurement (124.6/700 W); ±30 W ≈ 4.3 % of board power.'
          : 'Out-of-sample: the H200 curve shape with the H100 measured idle share, applied to an H100 measured the same way; ±30 W ≈ 4.3 % of board power.',
    }),
  );
}
