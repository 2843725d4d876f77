/**
 * Published interruption counts of a frontier training run, the data behind the cluster simulator's
 * failure model (src/cluster/failure-model.ts) and the cause ids of the scenario format.
 * Llama 3 405B: 419 unexpected interruptions in a 54-day snapshot on 16,384 H100s, by cause
 * (Dubey et al. 2024, Table 5; reference-figures.md §2.4, LL1–LL4).
 */

/** Accelerator-hours of the Llama 3 snapshot: 16,384 GPUs × 54 days × 24 h. */
export const LLAMA3_ACCELERATOR_HOURS = 16_384 * 54 * 24;

/** Counts by cause in the 54-day snapshot (reference-figures.md §2.4; Dubey et al. 2024, Table 5). */
export const LLAMA3_INTERRUPTIONS: readonly {
  id: string;
  label: string;
  category: string;
  count: number;
  replacesUnit: boolean;
}[] = [
  { id: 'faulty-gpu', label: 'Faulty GPU', category: 'GPU', count: 148, replacesUnit: true },
  { id: 'gpu-hbm3', label: 'GPU HBM3 memory', category: 'GPU', count: 72, replacesUnit: true },
  { id: 'software-bug', label: 'Software bug', category: 'Dependency', count: 54, replacesUnit: false },
  { id: 'network', label: 'Network switch/cable', category: 'Network', count: 35, replacesUnit: true },
  {
    id: 'host-maintenance',
    label: 'Host maintenance (unplanned)',
    category: 'Unplanned maint.',
    count: 32,
    replacesUnit: true,
  },
  { id: 'gpu-sram', label: 'GPU SRAM memory', category: 'GPU', count: 19, replacesUnit: true },
  { id: 'gpu-gsp', label: 'GPU system processor', category: 'GPU', count: 17, replacesUnit: true },
  { id: 'nic', label: 'NIC', category: 'Host', count: 7, replacesUnit: true },
  {
    id: 'nccl-watchdog',
    label: 'NCCL watchdog timeouts',
    category: 'Unknown',
    count: 7,
    replacesUnit: false,
  },
  { id: 'sdc', label: 'Silent data corruption', category: 'GPU', count: 6, replacesUnit: true },
  {
    id: 'gpu-thermal',
    label: 'GPU thermal interface + sensor',
    category: 'GPU',
    count: 6,
    replacesUnit: true,
  },
  { id: 'ssd', label: 'SSD', category: 'Host', count: 3, replacesUnit: true },
  { id: 'power-supply', label: 'Power supply', category: 'Host', count: 3, replacesUnit: true },
  { id: 'chassis', label: 'Server chassis', category: 'Host', count: 2, replacesUnit: true },
  { id: 'io-board', label: 'IO expansion board', category: 'Host', count: 2, replacesUnit: true },
  { id: 'dependency', label: 'Dependency', category: 'Dependency', count: 2, replacesUnit: false },
  { id: 'cpu', label: 'CPU', category: 'Host', count: 2, replacesUnit: true },
  { id: 'system-memory', label: 'System memory', category: 'Host', count: 2, replacesUnit: true },
];

/** Ids of the Llama 3 causes, for the scenario schema. */
export const FAILURE_CAUSE_IDS: readonly string[] = LLAMA3_INTERRUPTIONS.map((c) => c.id);

export const LLAMA3_SOURCE =
  'Llama 3 405B, 419 unexpected interruptions in 54 days on 16,384 H100 (Dubey et al. 2024, Table 5; reference-figures.md §2.4, LL1-LL4)';
