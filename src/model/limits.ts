/**
 * Limits on what one request or one file may ask gigawatt to do, checked before any work starts.
 *
 * The defaults are generous enough for a national fleet (100+ campuses over 30 years) and small
 * enough that one request cannot exhaust a 2-core, 24 GiB machine. Each can be changed with an
 * environment variable (README: "Limits"), read once by `limitsFromEnv`; the pure core never reads
 * the environment itself.
 */

export interface Limits {
  /** Simulated span: last day − first day + 1, in days (default 40 years). */
  readonly maxSimulatedDays: number;
  /** Sites per scenario. */
  readonly maxSites: number;
  /**
   * Sites x simulated days: what the hourly series of a run hold in memory (about 321 bytes per
   * site-hour measured on colossus-memphis, so about 8.5 GB at the default of 100 sites x 30 years).
   */
  readonly maxSiteDays: number;
  /** Construction phases per site. */
  readonly maxPhasesPerSite: number;
  /** Workloads (training runs + inference services) per scenario. */
  readonly maxWorkloads: number;
  /** Accelerators in one phase. */
  readonly maxAcceleratorsPerPhase: number;
  /** Accelerators at one site, all phases together. */
  readonly maxAcceleratorsPerSite: number;
  /** Samples in one sweep job. */
  readonly maxSweepSamples: number;
  /** Sweeps queued or running on one server, in total. */
  readonly maxSweepsTotal: number;
  /** Sweeps queued or running on one server per client (token, or remote address without one). */
  readonly maxSweepsPerClient: number;
  /** Bytes in one scenario file or request body. */
  readonly maxInputBytes: number;
  /** YAML aliases in one document (an alias bomb expands exponentially). */
  readonly maxYamlAliases: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxSimulatedDays: 40 * 366,
  maxSites: 500,
  maxSiteDays: 100 * 30 * 366,
  maxPhasesPerSite: 100,
  maxWorkloads: 200,
  maxAcceleratorsPerPhase: 5_000_000,
  maxAcceleratorsPerSite: 20_000_000,
  maxSweepSamples: 100_000,
  maxSweepsTotal: 8,
  maxSweepsPerClient: 2,
  maxInputBytes: 4 * 1024 * 1024,
  maxYamlAliases: 100,
});

/** The environment variable that overrides each limit. */
export const LIMIT_ENV: { readonly [K in keyof Limits]: string } = Object.freeze({
  maxSimulatedDays: 'GIGAWATT_MAX_DAYS',
  maxSites: 'GIGAWATT_MAX_SITES',
  maxSiteDays: 'GIGAWATT_MAX_SITE_DAYS',
  maxPhasesPerSite: 'GIGAWATT_MAX_PHASES_PER_SITE',
  maxWorkloads: 'GIGAWATT_MAX_WORKLOADS',
  maxAcceleratorsPerPhase: 'GIGAWATT_MAX_ACCELERATORS_PER_PHASE',
  maxAcceleratorsPerSite: 'GIGAWATT_MAX_ACCELERATORS_PER_SITE',
  maxSweepSamples: 'GIGAWATT_MAX_SWEEP_SAMPLES',
  maxSweepsTotal: 'GIGAWATT_MAX_SWEEPS',
  maxSweepsPerClient: 'GIGAWATT_MAX_SWEEPS_PER_CLIENT',
  maxInputBytes: 'GIGAWATT_MAX_INPUT_BYTES',
  maxYamlAliases: 'GIGAWATT_MAX_YAML_ALIASES',
});

/**
 * Limits with overrides from an environment-like record (pass `process.env` from Node code).
 * A value that is not a positive integer is an error naming the variable.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const name = LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`${name} must be a positive integer (got ${JSON.stringify(raw)})`);
    }
    out[key] = value;
  }
  return Object.freeze(out) as unknown as Limits;
}
