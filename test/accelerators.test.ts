import { describe, expect, it } from 'vitest';
import {
  ACCELERATOR_IDS,
  ACCELERATORS,
  type AcceleratorSpec,
  getAccelerator,
} from '../src/catalog/accelerators.js';
import { hasProvenance, type Sourced } from '../src/catalog/provenance.js';

const SOURCED_FIELDS = [
  'boardPowerW',
  'bf16DenseTFLOPS',
  'fp8DenseTFLOPS',
  'hbmGB',
  'hbmBandwidthTBps',
  'hostNetworkWPerAccelerator',
  'hostNetworkIdleWPerAccelerator',
  'idleFraction',
  'priceUSD',
] as const satisfies readonly (keyof AcceleratorSpec)[];

const spec = (id: string): AcceleratorSpec => {
  const a = getAccelerator(id);
  if (!a) throw new Error(`missing accelerator ${id}`);
  return a;
};
const value = (s: Sourced<number>): number => {
  if (s.value === null) throw new Error(`expected a value, got null (${s.source})`);
  return s.value;
};

describe('accelerator catalog', () => {
  it('covers the accelerators the built-in scenarios need', () => {
    for (const id of [
      'h100',
      'h200',
      'b200',
      'gb200',
      'gb300',
      'mi300x',
      'mi355x',
      'tpu-v5p',
      'tpu-v6e',
      'tpu7x',
      'trainium2',
      'trainium3',
    ]) {
      expect(getAccelerator(id)?.id).toBe(id);
    }
  });

  it('has unique ids, listed in ACCELERATOR_IDS in catalog order', () => {
    expect(new Set(ACCELERATOR_IDS).size).toBe(ACCELERATORS.length);
    expect(ACCELERATOR_IDS).toEqual(ACCELERATORS.map((a) => a.id));
    expect(getAccelerator('a100')).toBeUndefined();
  });

  it('gives every field of every entry a citation or a stated basis', () => {
    for (const a of ACCELERATORS) {
      for (const field of SOURCED_FIELDS) {
        expect(hasProvenance(a[field]), `${a.id}.${field}`).toBe(true);
      }
      expect(a.schedulingUnit.source.length, `${a.id}.schedulingUnit.source`).toBeGreaterThan(0);
      expect(Number.isInteger(a.schedulingUnit.accelerators) && a.schedulingUnit.accelerators > 0).toBe(true);
    }
  });

  it('holds only positive, finite numbers where a value is given', () => {
    for (const a of ACCELERATORS) {
      for (const field of SOURCED_FIELDS) {
        const v = a[field].value;
        if (v !== null) expect(Number.isFinite(v) && v > 0, `${a.id}.${field} = ${v}`).toBe(true);
      }
    }
  });

  it('has dense FP8 at least dense BF16 wherever both are known', () => {
    for (const a of ACCELERATORS) {
      const bf16 = a.bf16DenseTFLOPS.value;
      const fp8 = a.fp8DenseTFLOPS.value;
      if (bf16 !== null && fp8 !== null) expect(fp8, a.id).toBeGreaterThanOrEqual(bf16);
    }
  });

  it('labels every host/network power as a derivation, not a published figure', () => {
    for (const a of ACCELERATORS) {
      const host = a.hostNetworkWPerAccelerator;
      if (host.value !== null) expect(host.estimate, a.id).toMatch(/\d/);
    }
  });
});

describe('host/network power reproduces the published system power', () => {
  it('DGX H100: 8 × (700 W + host) = 10.2 kW max (SY1)', () => {
    const h100 = spec('h100');
    expect(value(h100.hostNetworkWPerAccelerator)).toBe(575);
    expect(8 * (value(h100.boardPowerW) + value(h100.hostNetworkWPerAccelerator))).toBeCloseTo(10_200, 6);
  });

  it('H200 sits in the same DGX/HGX H100 chassis and reproduces 10.2 kW', () => {
    const h200 = spec('h200');
    expect(8 * (value(h200.boardPowerW) + value(h200.hostNetworkWPerAccelerator))).toBeCloseTo(10_200, 6);
    expect(h200.hostNetworkWPerAccelerator.estimate).toMatch(/H100/);
  });

  it('DGX B200: 8 × (1,000 W + host) = 14.3 kW max (SY3)', () => {
    const b200 = spec('b200');
    expect(value(b200.hostNetworkWPerAccelerator)).toBe(787.5);
    expect(8 * (value(b200.boardPowerW) + value(b200.hostNetworkWPerAccelerator))).toBeCloseTo(14_300, 6);
  });

  it('GB200 and GB300 NVL72 racks get the same host/network power per GPU (same Grace CPUs, NVLink switch trays)', () => {
    // 36 Grace x 300 W / 72 + tray NICs/DPUs/fans (6.6 - 6.2 kW) / 4 + switch trays 3.6 kW / 72 + shelves 0.8 kW / 72
    const perGpu = (36 * 300) / 72 + 400 / 4 + 3_600 / 72 + 800 / 72;
    expect(value(spec('gb200').hostNetworkWPerAccelerator)).toBeCloseTo(perGpu, 9);
    expect(value(spec('gb300').hostNetworkWPerAccelerator)).toBeCloseTo(perGpu, 9);
  });

  it('GB200 NVL72 nameplate matches its compute-tray figure: 18 × 5.4 kW trays + NICs + switches + shelves (FM1, SY5, SY7)', () => {
    const gb200 = spec('gb200');
    const rack = 72 * (value(gb200.boardPowerW) + value(gb200.hostNetworkWPerAccelerator));
    expect(rack).toBeCloseTo(18 * 5_400 + 18 * 400 + 3_600 + 800, 6);
  });

  it('AMD servers borrow the same-generation DGX figure, labelled as an analogy', () => {
    expect(spec('mi300x').hostNetworkWPerAccelerator.value).toBe(575);
    expect(spec('mi355x').hostNetworkWPerAccelerator.value).toBe(787.5);
    expect(spec('mi300x').hostNetworkWPerAccelerator.estimate).toMatch(/analogy/);
    expect(spec('mi355x').hostNetworkWPerAccelerator.estimate).toMatch(/analogy/);
  });
});

describe('published figures', () => {
  it('matches the board powers of reference-figures.md §3.1', () => {
    const expected: Record<string, number> = {
      h100: 700,
      h200: 700,
      b200: 1000,
      gb200: 1200,
      gb300: 1400,
      mi300x: 750,
      mi355x: 1400,
    };
    for (const [id, w] of Object.entries(expected)) expect(spec(id).boardPowerW.value, id).toBe(w);
  });

  it('leaves board power unknown where nothing is published (TPUs, Trainium2)', () => {
    for (const id of ['tpu-v5p', 'tpu-v6e', 'tpu7x', 'trainium2']) {
      const board = spec(id).boardPowerW;
      expect(board.value, id).toBeNull();
      expect(board.source, id).toBeTruthy();
    }
    // The Ironwood pod figure is all-in system power, recorded but not used as board power.
    expect(spec('tpu7x').boardPowerW.source).toMatch(/9,216/);
  });

  it('marks the unverified ~1 kW Trainium3 figure as an estimate', () => {
    const board = spec('trainium3').boardPowerW;
    expect(board.value).toBe(1000);
    expect(board.estimate).toMatch(/unverified/);
  });

  it('converts GiB figures to GB (TPU v5p 95 GiB = 102.0 GB, Trainium2 96 GiB = 103.1 GB)', () => {
    expect(value(spec('tpu-v5p').hbmGB)).toBeCloseTo(102.0, 1);
    expect(value(spec('trainium2').hbmGB)).toBeCloseTo(103.1, 1);
    expect(value(spec('tpu7x').hbmGB)).toBeCloseTo(206.2, 1);
  });
});

describe('prices', () => {
  it('uses the midpoint of the $25–30K H100 range (PR1)', () => {
    expect(spec('h100').priceUSD.value).toBe(27_500);
  });

  it('uses the $15k MI300X MSRP (PR4)', () => {
    expect(spec('mi300x').priceUSD.value).toBe(15_000);
  });

  it('spreads the midpoint rack price over 72 GPUs, rack share included (GB200 $2–3M, GB300 $3–4M)', () => {
    expect(72 * value(spec('gb200').priceUSD)).toBeCloseTo(2_500_000, 3);
    expect(72 * value(spec('gb300').priceUSD)).toBeCloseTo(3_500_000, 3);
    expect(spec('gb200').priceUSD.estimate).toMatch(/rack/);
  });

  it('has no price where none is published', () => {
    for (const id of ['h200', 'b200', 'mi355x', 'tpu-v5p', 'tpu-v6e', 'tpu7x', 'trainium2', 'trainium3']) {
      expect(spec(id).priceUSD.value, id).toBeNull();
    }
  });
});

describe('scheduling units', () => {
  it('allocates NVIDIA HGX and AMD parts by 8-GPU server and GB200/GB300 by 72-GPU rack', () => {
    for (const id of ['h100', 'h200', 'b200', 'mi300x', 'mi355x']) {
      expect(spec(id).schedulingUnit.accelerators, id).toBe(8);
    }
    expect(spec('gb200').schedulingUnit.accelerators).toBe(72);
    expect(spec('gb300').schedulingUnit.accelerators).toBe(72);
    expect(spec('tpu7x').schedulingUnit.accelerators).toBe(64);
    expect(spec('trainium3').schedulingUnit.accelerators).toBe(144);
  });
});
