/**
 * The accelerator catalog: per-chip board power, dense peak throughput, HBM, host and network power
 * per accelerator, price, and the unit a scheduler allocates. Data, not logic.
 *
 * Every figure is `Sourced` (src/catalog/provenance.ts). Source keys (HW1, SY3, PR1, ...) are those of
 * /work/shared/docs/reference-figures.md §3 and §6, with their URLs. Units: W, TFLOP/s (dense, no
 * sparsity), GB (10⁹ bytes; GiB figures are converted ×1.073741824), TB/s, US$.
 *
 * `hostNetworkWPerAccelerator` is everything in the server or rack that is not the accelerator board
 * (host CPUs, memory, NICs, switches, fans, power conversion) at full load, per accelerator;
 * `hostNetworkIdleWPerAccelerator` the same with the accelerators idle: the host CPUs fall to their idle
 * share (Cloud Carbon Footprint's 0.74 of 3.5 W per vCPU), the rest is held. `idleFraction` is the
 * chip's idle draw as a share of its board power. The power figures carry a `basis`: measured (our
 * calibration probe), published (a vendor/OEM figure or a sum of them), assumed (an analogy or a figure
 * not confirmed), unpublished. The derivations are in docs/accelerators.md.
 */
import { chipPowerCurve, H200_POWER_CURVE, type PowerCurve } from './power-curve.js';
import { cited, estimated, type Sourced, unpublished } from './provenance.js';

/** Where a power figure comes from (see the file comment). */
export type FigureBasis = 'measured' | 'published' | 'assumed' | 'unpublished';
/** A `Sourced` figure that also says whether it is measured, published or assumed. */
export type LabelledFigure = Sourced<number> & { readonly basis: FigureBasis };

const measured = (value: number, source: string): LabelledFigure => ({ value, source, basis: 'measured' });
const published = (value: number, source: string): LabelledFigure => ({ value, source, basis: 'published' });
/** A figure derived by arithmetic from published system figures. */
const derived = (value: number, estimate: string, source: string): LabelledFigure => ({
  value,
  estimate,
  source,
  basis: 'published',
});
const assumed = (value: number, estimate: string, source?: string): LabelledFigure =>
  source === undefined
    ? { value, estimate, basis: 'assumed' }
    : { value, estimate, source, basis: 'assumed' };
const notPublished = (source: string): LabelledFigure => ({ value: null, source, basis: 'unpublished' });

export interface AcceleratorSpec {
  readonly id: string;
  readonly name: string;
  readonly vendor: 'NVIDIA' | 'AMD' | 'Google' | 'AWS';
  /** TDP / board power, W */
  readonly boardPowerW: LabelledFigure;
  /** idle draw / board power (0..1): the power curve's idle share for this chip */
  readonly idleFraction: LabelledFigure;
  /** dense BF16 peak, TFLOP/s (no sparsity) */
  readonly bf16DenseTFLOPS: Sourced<number>;
  /** dense FP8 peak, TFLOP/s (no sparsity) */
  readonly fp8DenseTFLOPS: Sourced<number>;
  /** HBM capacity, GB */
  readonly hbmGB: Sourced<number>;
  /** HBM bandwidth, TB/s */
  readonly hbmBandwidthTBps: Sourced<number>;
  /** host CPUs, memory, NICs, switches, fans, power conversion of the server/rack at full load, per accelerator, W */
  readonly hostNetworkWPerAccelerator: LabelledFigure;
  /** the same with every accelerator idle, W; host power follows load between the two */
  readonly hostNetworkIdleWPerAccelerator: LabelledFigure;
  /** per accelerator, US$; the source text says whether it includes its share of server/rack */
  readonly priceUSD: Sourced<number>;
  /** the unit a scheduler allocates (8-GPU server, NVL72 rack, TPU slice/rack), for the cluster simulator */
  readonly schedulingUnit: { readonly name: string; readonly accelerators: number; readonly source: string };
}

/** Source keys of reference-figures.md §6 with their URLs. */
const S = {
  HW1: 'HW1 https://glennklockwood.com/garden/processors/h100',
  HW2: 'HW2 https://lzwjava.github.io/nvidia-h200-gpu-specs-en',
  HW3: 'HW3 https://www.aiminingco.com/gpu/h200/specs',
  HW4: 'HW4 https://glennklockwood.com/garden/processors/B200',
  HW5: 'HW5 https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview',
  HW6: 'HW6 https://awesomeagents.ai/hardware/nvidia-gb200-nvl72',
  HW7: 'HW7 https://aiwiki.ai/wiki/nvidia_gb200_nvl72/raw',
  HW8: 'HW8 https://glennklockwood.com/garden/processors/B300',
  HW8b: 'HW8b https://awesomeagents.ai/hardware/nvidia-gb300-nvl72',
  HW9: 'HW9 https://rooflinenotes.dev/accelerators/',
  HW10: 'HW10 https://raw.githubusercontent.com/mlcommons/inference_results_v4.1/main/closed/AMD/systems/8xMI300X_2xEPYC-9374F.json',
  HW12: 'HW12 https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts',
  HW13: 'HW13 https://servernews.ru/1133303',
  HW14: 'HW14 https://docs.cloud.google.com/tpu/docs/v5p-training',
  HW15: 'HW15 https://docs.cloud.google.com/tpu/docs/v6e.md.txt',
  HW16: 'HW16 https://docs.cloud.google.com/tpu/docs/tpu7x',
  HW17: 'HW17 https://www-tc.aicoin.com/en/article/498696',
  HW18: 'HW18 https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.0/_sources/about-neuron/arch/neuron-hardware/trainium2.rst',
  HW19: 'HW19 https://awsdocs-neuron.readthedocs-hosted.com/en/v2.29.1/_sources/about-neuron/arch/neuron-hardware/trainium3.rst',
  HW20: 'HW20 https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/about/trainium3_arch.html',
  SY1: 'SY1 https://www.supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100',
  SY2: 'SY2 https://www.supercluster.blog/p/4-nvidia-dgx-h100-hardware',
  SY3: 'SY3 https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html',
  SY4: 'SY4 https://introl.com/blog/gb200-nvl72-deployment-72-gpu-liquid-cooled',
  SY5: 'SY5 https://introl.com/blog/why-nvidia-gb300-nvl72-blackwell-ultra-matters',
  SY6: 'SY6 https://manishklach.github.io/writings/blackwell-gb300-nvl72-cooling-stack.html',
  SY8: 'SY8 https://www.donanimhaber.com/google-en-guclu-yapay-zeka-islemcisi-ironwood-u-detaylandirdi--195401',
  EC2: 'EC2 https://developer.nvidia.com/blog/?p=106112',
  PR1: 'PR1 https://awesomeagents.ai/hardware/nvidia-h100',
  PR4: 'PR4 https://huggingface.co/hardware/mi300',
  SY7: 'SY7 https://epium.com/news/nvidia-gb300-blackwell-ultra-nvl72-liquid-cooling-costs-nearly-usd-50000 (Morgan Stanley model)',
  FM1: 'FM1 https://www.fibermall.com/blog/in-depth-analysis-for-nvidia-gb200.htm',
  CCF: 'CCF https://github.com/cloud-carbon-footprint/cloud-carbon-footprint microsite/docs/Methodology.md, Appendix I (AWS: 0.74 W idle, 3.5 W at 100 % per vCPU)',
  MLC: 'MLC https://raw.githubusercontent.com/mlcommons/inference_results_v4.1/main/closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json (2 × Xeon Platinum 8480C per 8 × H200)',
  XEON1: 'XEON1 https://cheap5v.com/the-next-gen-xeon-cpu-features-56-cores-and-a-350w-tdp-leaks.html',
  XEON2:
    'XEON2 https://vuink.com/post/freirgurubzr-d-dpbz/intel-xeon-6-priority-cores-as-a-big-nvidia-gpu-ai-server-feature (ServeTheHome)',
  CAL: 'CAL data/calibration (docs/power-curve.md): NVML energy counter, one card each, 2026-11-26',
  CB3: 'CB3 https://www.mixedtimes.com/news/oracle-to-splurge-40-billion-on-nvidia-chips-for-mega-ai-data-center-in-texas-',
} as const;

/** GiB → GB (10⁹ bytes). */
const GIB_IN_GB = 1.073741824;

/** Published system maxima used for the host/network derivations, W (tested to reproduce). */
export const DGX_H100_MAX_W = 10_200;
export const DGX_B200_MAX_W = 14_300;
/** GB200 NVL72 compute tray (2 GB200 superchips of 2,700 W: 2 × 1,200 W GPU + 300 W Grace), FM1. */
export const GB200_COMPUTE_TRAY_W = 5_400;
/** GB300 NVL72 compute tray, W: 6.6 kW of which 6.2 kW is liquid-cooled (4 GPUs + 2 Grace), SY7. */
export const GB300_COMPUTE_TRAY_W = 6_600;
export const GB300_COMPUTE_TRAY_LIQUID_W = 6_200;
/** The 9 NVLink switch trays of an NVL72 rack, W in all (SY5). */
export const NVL72_SWITCH_TRAYS_W = 3_600;
/** Conversion overhead of the NVL72 power shelves, W per rack (SY5). */
export const NVL72_POWER_SHELF_OVERHEAD_W = 800;

/** Host CPU power at idle as a share of its full-load power: CCF's AWS 0.74 / 3.5 W per vCPU. */
export const CPU_IDLE_SHARE = 0.74 / 3.5;

/**
 * Host CPU power at full load per GPU in the 8-GPU x86 servers, W: 2 × 350 W / 8. Assumption: the two
 * 56-core Xeon Platinum 8480C of DGX H100/H200 (MLC) at 350 W, the top TDP reported for 56-core
 * Sapphire Rapids (XEON1, a pre-launch report) and the TDP of DGX B300's Xeon 6776P (XEON2); DGX
 * B200's two Xeons are taken at the same 350 W. Intel's own datasheet is not in the stored sources.
 */
const DGX_CPU_W_PER_GPU = (2 * 350) / 8;
/** One Grace CPU with its LPDDR5X, W: GB200 superchip 2,700 W − 2 × 1,200 W (FM1); GB300 tray (6,200 − 4 × 1,400)/2 (SY7). */
const GRACE_W = 300;
/** NVL72 host parts per GPU, W: Grace (36 per 72 GPUs), tray NICs/DPUs/SSDs/fans (6.6 − 6.2 kW per 4 GPUs), switch trays, power shelves. */
const NVL72_GRACE_W_PER_GPU = (36 * GRACE_W) / 72;
const NVL72_TRAY_REST_W_PER_GPU = (GB300_COMPUTE_TRAY_W - GB300_COMPUTE_TRAY_LIQUID_W) / 4;
const NVL72_SWITCH_W_PER_GPU = NVL72_SWITCH_TRAYS_W / 72;
const NVL72_SHELF_W_PER_GPU = NVL72_POWER_SHELF_OVERHEAD_W / 72;
export const NVL72_HOST_W_PER_GPU =
  NVL72_GRACE_W_PER_GPU + NVL72_TRAY_REST_W_PER_GPU + NVL72_SWITCH_W_PER_GPU + NVL72_SHELF_W_PER_GPU;

const DGX_H100_HOST_W = (DGX_H100_MAX_W - 8 * 700) / 8;
const DGX_B200_HOST_W = (DGX_B200_MAX_W - 8 * 1_000) / 8;

/** Host power with the accelerators idle: the CPU share falls to CPU_IDLE_SHARE, the rest is held. */
const idleHost = (maxW: number, cpuW: number) => maxW - cpuW * (1 - CPU_IDLE_SHARE);

const DGX_H100_HOST_TEXT = `DGX H100 max system power 10,200 W (SY1) with 8 × 700 W H100: (10,200 − 8×700)/8 = 575 W per GPU for 2 CPUs, memory, NICs, NVSwitches, fans`;
const DGX_B200_HOST_TEXT = `DGX B200 max system power 14,300 W (SY3) with 8 × 1,000 W B200: (14,300 − 8×1,000)/8 = 787.5 W per GPU`;
const HOST_IDLE_TEXT = (maxW: number, cpuW: number, cpu: string) =>
  `${maxW.toFixed(1)} W at full load less the host CPUs' fall to idle: ${cpu} = ${cpuW.toFixed(1)} W per GPU at full load, ${(CPU_IDLE_SHARE * 100).toFixed(1)} % of it at idle (CCF 0.74/3.5 W per vCPU); NICs, switches, memory, fans and conversion held at full (an upper bound) = ${idleHost(maxW, cpuW).toFixed(1)} W`;
const DGX_CPU_TEXT =
  '2 × 350 W Xeon / 8 (assumed TDP: 56-core Sapphire Rapids 350 W, XEON1; DGX B300 Xeon 6776P 350 W, XEON2)';
const NVL72_HOST_TEXT = (gpu: string) =>
  `NVL72 parts per GPU, the same in GB200 and GB300 racks: 36 Grace CPUs × 300 W / 72 = 150 W (GB200 superchip 2,700 − 2×1,200 W, FM1; GB300 tray (6,200 − 4×1,400)/2, SY7) + tray NICs, DPUs, SSDs, fans (6,600 − 6,200 W)/4 = 100 W (SY7) + 9 NVLink switch trays 3,600 W / 72 = 50 W (SY5) + power-shelf overhead 800 W / 72 = 11.1 W (SY5) = ${NVL72_HOST_W_PER_GPU.toFixed(1)} W per ${gpu} GPU`;
const H200_IDLE_TEXT =
  'the H200 probe idle share 78.9 W / 700 W = 0.1127 (CAL), assumed for this chip: no idle draw published or measured';
const H200_IDLE = H200_POWER_CURVE.idleFraction;

export const ACCELERATORS: readonly AcceleratorSpec[] = [
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM',
    vendor: 'NVIDIA',
    boardPowerW: published(700, S.HW1),
    bf16DenseTFLOPS: cited(989.4, S.HW1),
    fp8DenseTFLOPS: cited(1978.9, `${S.HW1} (3,957.8 with sparsity)`),
    hbmGB: cited(80, `${S.HW1} (HBM3)`),
    hbmBandwidthTBps: cited(3.35, S.HW1),
    idleFraction: measured(
      124.6 / 700,
      `${S.CAL}: one H100 SXM idled at 124.6 W of its 700 W limit = 0.178 (h100_power_summary.json); Splitwise reports 75 W (SW2)`,
    ),
    hostNetworkWPerAccelerator: derived(DGX_H100_HOST_W, DGX_H100_HOST_TEXT, S.SY1),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU),
      HOST_IDLE_TEXT(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU, DGX_CPU_TEXT),
      `${S.SY1}; ${S.MLC}; ${S.XEON1}; ${S.XEON2}; ${S.CCF}`,
    ),
    priceUSD: estimated(
      27_500,
      'midpoint of $25–30K per new H100 SXM (PR1); the GPU alone, no server share. Cross-check: DGX H100 list $199,000 / 8 = $24,875 per GPU including the server (SY2)',
      `${S.PR1}; ${S.SY2}`,
    ),
    schedulingUnit: { name: 'HGX/DGX H100 8-GPU server', accelerators: 8, source: `${S.SY1}; ${S.SY2}` },
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    vendor: 'NVIDIA',
    boardPowerW: published(700, `${S.HW2}; ${S.HW3}`),
    bf16DenseTFLOPS: cited(989.4, `${S.HW2}; ${S.HW3}: same compute as H100 (989.4, ${S.HW1})`),
    fp8DenseTFLOPS: cited(
      1978.9,
      `${S.HW2}; ${S.HW3}: same as H100 (3,958 sparse); H100 dense FP8 1,978.9 (${S.HW1})`,
    ),
    hbmGB: cited(141, `${S.HW2}; ${S.HW3} (HBM3e)`),
    hbmBandwidthTBps: cited(4.8, `${S.HW2}; ${S.HW3}`),
    idleFraction: measured(
      H200_IDLE,
      `${S.CAL}: one H200 SXM idled at 78.9 W of its 700 W limit (h200_power_summary.json; the fitted H200_POWER_CURVE)`,
    ),
    hostNetworkWPerAccelerator: derived(
      DGX_H100_HOST_W,
      `H200 ships on the HGX/DGX H100 8-GPU chassis (same baseboard, same 700 W GPU envelope, 10.2 kW max for DGX H100/H200), so the DGX H100 figure applies: ${DGX_H100_HOST_TEXT}`,
      S.SY1,
    ),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU),
      HOST_IDLE_TEXT(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU, DGX_CPU_TEXT),
      `${S.SY1}; ${S.MLC}; ${S.XEON1}; ${S.XEON2}; ${S.CCF}`,
    ),
    priceUSD: unpublished('no H200 price in reference-figures.md §3.3 (searched PR1–PR4, SY2)'),
    schedulingUnit: {
      name: 'HGX/DGX H200 8-GPU server',
      accelerators: 8,
      source: `HGX H100-compatible 8-GPU baseboard (${S.SY1}; ${S.HW2})`,
    },
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 (HGX)',
    vendor: 'NVIDIA',
    boardPowerW: published(1_000, S.HW4),
    bf16DenseTFLOPS: cited(2_250, `${S.HW4} (NVIDIA-quoted peak for the 1,000 W configuration)`),
    fp8DenseTFLOPS: cited(4_500, S.HW4),
    hbmGB: cited(
      180,
      `${S.SY3}: DGX B200 1,440 GB GPU memory / 8 = 180 GB; ${S.EC2} (HGX B200, 180 GB HBM3e). HW4 quotes 192 GB (stack capacity); 179 GB visible on a cloud host (${S.HW5})`,
    ),
    hbmBandwidthTBps: cited(8, S.HW4),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkWPerAccelerator: derived(DGX_B200_HOST_W, DGX_B200_HOST_TEXT, S.SY3),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(DGX_B200_HOST_W, DGX_CPU_W_PER_GPU),
      HOST_IDLE_TEXT(DGX_B200_HOST_W, DGX_CPU_W_PER_GPU, DGX_CPU_TEXT),
      `${S.SY3}; ${S.XEON1}; ${S.XEON2}; ${S.CCF}`,
    ),
    priceUSD: unpublished('no B200 or DGX B200 price in reference-figures.md §3.3'),
    schedulingUnit: { name: 'HGX/DGX B200 8-GPU server', accelerators: 8, source: S.SY3 },
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (per Blackwell GPU, NVL72)',
    vendor: 'NVIDIA',
    boardPowerW: published(1_200, `${S.HW4}; ${S.HW6}; ${S.HW7} (1,200 W per-GPU configuration)`),
    bf16DenseTFLOPS: cited(2_500, `${S.HW4}; ${S.HW6}`),
    fp8DenseTFLOPS: cited(5_000, `${S.HW4}; ${S.HW6}`),
    hbmGB: cited(
      186,
      `${S.HW6}; ${S.HW7}: 13.4–13.5 TB HBM3e per 72-GPU rack ≈ 186 GB per GPU (192 GB also quoted)`,
    ),
    hbmBandwidthTBps: cited(8, `${S.HW4}; ${S.HW6}`),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkWPerAccelerator: derived(
      NVL72_HOST_W_PER_GPU,
      `${NVL72_HOST_TEXT('GB200')}. Rack at full power 72 × (1,200 + 311.1) = 108.8 kW; cross-check 18 × 5,400 W trays (FM1) + 18 × 400 W + 3,600 + 800 W = 108.8 kW. The rounded "~120 kW" quoted for GB200 (HW6, HW7, SY4) is also quoted for GB300, whose GPUs draw 14.4 kW more, so it is not used`,
      `${S.FM1}; ${S.SY7}; ${S.SY5}`,
    ),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(NVL72_HOST_W_PER_GPU, NVL72_GRACE_W_PER_GPU),
      HOST_IDLE_TEXT(NVL72_HOST_W_PER_GPU, NVL72_GRACE_W_PER_GPU, 'Grace 300 W × 36 / 72'),
      `${S.FM1}; ${S.SY7}; ${S.SY5}; ${S.CCF}`,
    ),
    priceUSD: estimated(
      2_500_000 / 72,
      'midpoint of $2–3M per GB200 NVL72 rack (HW6, SY4) / 72 GPUs = $34,722, including the GPU’s share of the rack (Grace CPUs, NVLink switches, power shelves). Not used: Oracle ~$40B for ~400,000 GB200 (CB3) = $100,000 each (or $50,000 per GPU if counted in 2-GPU superchips), an all-in purchase whose scope is not stated',
      `${S.HW6}; ${S.SY4}; ${S.CB3}`,
    ),
    schedulingUnit: { name: 'GB200 NVL72 rack', accelerators: 72, source: `${S.HW6}; ${S.SY4}` },
  },
  {
    id: 'gb300',
    name: 'NVIDIA GB300 (per Blackwell Ultra GPU, NVL72)',
    vendor: 'NVIDIA',
    boardPowerW: published(1_400, S.HW8),
    bf16DenseTFLOPS: cited(2_250, `${S.HW8} (HGX B300 figure; no GB300-specific dense BF16 published)`),
    fp8DenseTFLOPS: cited(
      4_500,
      `${S.HW8} (HGX B300). GB300 NVL72 is quoted at 360 PF FP8 per rack = 5,000 per GPU (HW8), sparsity unstated; the HGX figure is used for consistency with BF16`,
    ),
    hbmGB: cited(288, `${S.HW8} (12-high HBM3e)`),
    hbmBandwidthTBps: cited(8, S.HW8),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkWPerAccelerator: derived(
      NVL72_HOST_W_PER_GPU,
      `${NVL72_HOST_TEXT('GB300')}. Rack at full power 72 × (1,400 + 311.1) = 123.2 kW, against 18 × 6.6 kW trays + 3.6 kW switch trays = 122.4 kW (SY7, SY5), 18 × 6.5 + 3.6 = 120.6 kW (SY5) and a ~142 kW peak (SY6)`,
      `${S.SY7}; ${S.SY5}; ${S.FM1}`,
    ),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(NVL72_HOST_W_PER_GPU, NVL72_GRACE_W_PER_GPU),
      HOST_IDLE_TEXT(NVL72_HOST_W_PER_GPU, NVL72_GRACE_W_PER_GPU, 'Grace 300 W × 36 / 72'),
      `${S.FM1}; ${S.SY7}; ${S.SY5}; ${S.CCF}`,
    ),
    priceUSD: estimated(
      3_500_000 / 72,
      'midpoint of $3–4M per GB300 NVL72 rack (HW8b, estimate) / 72 GPUs = $48,611, including the GPU’s share of the rack',
      S.HW8b,
    ),
    schedulingUnit: { name: 'GB300 NVL72 rack', accelerators: 72, source: `${S.SY5}; ${S.HW8b}` },
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    boardPowerW: published(750, `${S.HW9}; ${S.HW10} ("MI300X-…-750W")`),
    bf16DenseTFLOPS: cited(1_300, S.HW9),
    fp8DenseTFLOPS: cited(2_610, S.HW9),
    hbmGB: cited(192, `${S.HW9} (HBM3)`),
    hbmBandwidthTBps: cited(5.3, S.HW9),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU),
      `by analogy with DGX H100: ${HOST_IDLE_TEXT(DGX_H100_HOST_W, DGX_CPU_W_PER_GPU, DGX_CPU_TEXT)}`,
      `${S.SY1}; ${S.CCF}`,
    ),
    hostNetworkWPerAccelerator: assumed(
      DGX_H100_HOST_W,
      `estimate by analogy, no MI300X system power published: an 8-OAM, 2-socket server (the MLCommons system is 8 × MI300X + 2 × EPYC 9374F, HW10) of the same generation, air-cooled, one NIC per GPU, like DGX H100: ${DGX_H100_HOST_TEXT}`,
      `${S.HW10}; ${S.SY1}`,
    ),
    priceUSD: cited(15_000, `${S.PR4}: MSRP $15k; the accelerator alone, no server share`),
    schedulingUnit: { name: '8-GPU OAM server (2 × EPYC)', accelerators: 8, source: S.HW10 },
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'AMD',
    boardPowerW: published(1_400, `${S.HW12}; ${S.HW9} (MI350X: 1,000 W)`),
    bf16DenseTFLOPS: cited(2_500, S.HW9),
    fp8DenseTFLOPS: estimated(
      5_000,
      '2 × the dense BF16 2,500: FP8 is twice BF16 on the MI300X (2,610 vs 1,300) and on every NVIDIA part here; it also equals half the 10.1 PF FP8 reported (HW13, sparsity not stated) if that figure is 2:4 sparse. No dense FP8 published',
      `${S.HW9}; ${S.HW13}`,
    ),
    hbmGB: cited(288, `${S.HW9} (HBM3e)`),
    hbmBandwidthTBps: cited(8, S.HW9),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: assumed(
      idleHost(DGX_B200_HOST_W, DGX_CPU_W_PER_GPU),
      `by analogy with DGX B200: ${HOST_IDLE_TEXT(DGX_B200_HOST_W, DGX_CPU_W_PER_GPU, DGX_CPU_TEXT)}`,
      `${S.SY3}; ${S.XEON1}; ${S.XEON2}; ${S.CCF}`,
    ),
    hostNetworkWPerAccelerator: assumed(
      DGX_B200_HOST_W,
      `estimate by analogy, no MI355X system power published: an 8-OAM, 2-socket server of the Blackwell generation (1–1.4 kW accelerators, faster NICs), like DGX B200: ${DGX_B200_HOST_TEXT}`,
      S.SY3,
    ),
    priceUSD: unpublished('no MI355X price in reference-figures.md §3.3'),
    schedulingUnit: {
      name: '8-GPU OAM server',
      accelerators: 8,
      source: `assumption: the same 8-OAM platform as MI300X (${S.HW10}); no MI355X system in reference-figures.md`,
    },
  },
  {
    id: 'tpu-v5p',
    name: 'Google TPU v5p',
    vendor: 'Google',
    boardPowerW: notPublished(`not published by Google (${S.HW14}; reference-figures.md §3.1)`),
    bf16DenseTFLOPS: cited(459, `${S.HW14}; ${S.HW16}`),
    fp8DenseTFLOPS: cited(459, `${S.HW14}; ${S.HW16} (Google lists FP8 = BF16 peak for v5p)`),
    hbmGB: cited(95 * GIB_IN_GB, `${S.HW14}: 95 GiB = 102.0 GB`),
    hbmBandwidthTBps: cited(2.765, `${S.HW14}: 2,765 GB/s`),
    hostNetworkWPerAccelerator: notPublished(
      'no TPU v5p host, rack or pod power published (reference-figures.md §3.2); TPU hosts (a CPU per 4 chips, on-chip ICI, optical circuit switches) have no published GPU-server analogue, so no estimate is made',
    ),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: notPublished(
      'no system power published, idle or loaded (see hostNetworkWPerAccelerator)',
    ),
    priceUSD: unpublished('TPUs are not sold; no per-chip price published'),
    schedulingUnit: {
      name: 'TPU v5p 4×4×4 cube (64 chips)',
      accelerators: 64,
      source: `assumption: the 64-chip ICI cube that large v5p slices are built from (Google TPU v5p docs, ${S.HW14}); not in reference-figures.md`,
    },
  },
  {
    id: 'tpu-v6e',
    name: 'Google TPU v6e (Trillium)',
    vendor: 'Google',
    boardPowerW: notPublished(`not published by Google (${S.HW15}; reference-figures.md §3.1)`),
    bf16DenseTFLOPS: cited(918, `${S.HW15}; ${S.HW16}`),
    fp8DenseTFLOPS: cited(918, `${S.HW15}; ${S.HW16} (Google lists FP8 = BF16 peak for v6e)`),
    hbmGB: cited(32, S.HW15),
    hbmBandwidthTBps: cited(1.638, `${S.HW15}: 1,638 GB/s`),
    hostNetworkWPerAccelerator: notPublished(
      'no TPU v6e host, rack or pod power published (reference-figures.md §3.2); no estimate made (see tpu-v5p)',
    ),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: notPublished(
      'no system power published, idle or loaded (see hostNetworkWPerAccelerator)',
    ),
    priceUSD: unpublished('TPUs are not sold; no per-chip price published'),
    schedulingUnit: {
      name: 'TPU v6e pod (256 chips, 2D torus)',
      accelerators: 256,
      source: `assumption: the 256-chip v6e pod, its largest single ICI domain (Google TPU v6e docs, ${S.HW15}); not in reference-figures.md`,
    },
  },
  {
    id: 'tpu7x',
    name: 'Google TPU7x (Ironwood)',
    vendor: 'Google',
    boardPowerW: notPublished(
      `not published per chip (${S.HW16}). The pod figure ≈10 MW / 9,216 chips = 1,085 W per chip (${S.HW17}) and >100 kW per 64-chip rack = >1,560 W per chip (${S.SY8}) are all-in system figures (host, network, maybe cooling), not board power; not used here`,
    ),
    bf16DenseTFLOPS: cited(2_307, S.HW16),
    fp8DenseTFLOPS: cited(4_614, `${S.HW16}; pod 42.5 EF FP8 / 9,216 = 4,612 (${S.HW17})`),
    hbmGB: cited(192 * GIB_IN_GB, `${S.HW16}: 192 GiB = 206.2 GB`),
    hbmBandwidthTBps: cited(7.37, S.HW17),
    hostNetworkWPerAccelerator: notPublished(
      `no split of the ≈10 MW pod (${S.HW17}) into chips and the rest is published, so host/network power cannot be derived; see docs/accelerators.md`,
    ),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: notPublished(
      'no system power published, idle or loaded (see hostNetworkWPerAccelerator)',
    ),
    priceUSD: unpublished('TPUs are not sold; no per-chip price published'),
    schedulingUnit: { name: 'Ironwood rack (64 chips)', accelerators: 64, source: `${S.SY8}; ${S.HW17}` },
  },
  {
    id: 'trainium2',
    name: 'AWS Trainium2',
    vendor: 'AWS',
    boardPowerW: notPublished(`not found (${S.HW18}; reference-figures.md §3.1)`),
    bf16DenseTFLOPS: cited(667, S.HW18),
    fp8DenseTFLOPS: cited(1_299, `${S.HW18} (2,563 with sparsity)`),
    hbmGB: cited(96 * GIB_IN_GB, `${S.HW18}: 96 GiB = 103.1 GB`),
    hbmBandwidthTBps: cited(2.9, S.HW18),
    hostNetworkWPerAccelerator: notPublished(
      'no Trn2 server or UltraServer power published (reference-figures.md §3.2)',
    ),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: notPublished(
      'no system power published, idle or loaded (see hostNetworkWPerAccelerator)',
    ),
    priceUSD: unpublished('Trainium is not sold; no per-chip price published'),
    schedulingUnit: {
      name: 'Trn2 UltraServer (64 chips)',
      accelerators: 64,
      source: `assumption: 4 Trn2 instances of 16 chips joined by NeuronLink (AWS Neuron docs, ${S.HW18}); not in reference-figures.md`,
    },
  },
  {
    id: 'trainium3',
    name: 'AWS Trainium3',
    vendor: 'AWS',
    boardPowerW: assumed(
      1_000,
      '~1 kW reported by servernews.ru (HW13, via HW20), unverified; AWS publishes no chip power',
      `${S.HW13}; ${S.HW20}`,
    ),
    bf16DenseTFLOPS: cited(671, S.HW19),
    fp8DenseTFLOPS: cited(2_517, `${S.HW19} (MXFP8); UltraServer 362 PF FP8 / 144 = 2,514`),
    hbmGB: cited(144 * GIB_IN_GB, `${S.HW19}: 144 GiB = 154.6 GB`),
    hbmBandwidthTBps: cited(4.9, `${S.HW19} (4.7 TB/s in the NKI guide, ${S.HW20})`),
    hostNetworkWPerAccelerator: notPublished(
      'Trn3 UltraServer Gen2 power not found (reference-figures.md §3.2)',
    ),
    idleFraction: assumed(H200_IDLE, H200_IDLE_TEXT, S.CAL),
    hostNetworkIdleWPerAccelerator: notPublished(
      'no system power published, idle or loaded (see hostNetworkWPerAccelerator)',
    ),
    priceUSD: unpublished('Trainium is not sold; no per-chip price published'),
    schedulingUnit: { name: 'Trn3 UltraServer Gen2 (144 chips)', accelerators: 144, source: S.HW19 },
  },
];

export const ACCELERATOR_IDS: readonly string[] = ACCELERATORS.map((a) => a.id);

const BY_ID = new Map(ACCELERATORS.map((a) => [a.id, a]));

/** The catalog entry for an id, or undefined. */
export function getAccelerator(id: string): AcceleratorSpec | undefined {
  return BY_ID.get(id);
}

/**
 * The power curve of an accelerator: the measured curve (default the H200's) with the chip's own
 * catalog idle share (see `chipPowerCurve`); the base curve for an unknown id.
 */
export function acceleratorPowerCurve(id: string, base: PowerCurve = H200_POWER_CURVE): PowerCurve {
  const idle = BY_ID.get(id)?.idleFraction.value;
  return idle === null || idle === undefined ? base : chipPowerCurve(base, idle);
}
