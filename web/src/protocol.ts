/** Messages between the page and the engine worker (./engine.worker.ts). */
import type { RunSummary } from '../../src/analysis/summary';
import type { LocatedIssue } from '../../src/model/parse-yaml';

/** Hourly columns of one site (HOURLY_COLUMNS names → values per hour). */
export interface SiteColumns {
  readonly siteId: string;
  readonly startMs: number;
  readonly hours: number;
  readonly columns: Record<string, Float64Array>;
  /**
   * Hours per value (default 1). The server's first view (./server-preview.ts) sends block means
   * of 24 h; `hours` is then the number of blocks. Worker runs are always hourly.
   */
  readonly stepHours?: number;
}

export interface RunRequest {
  readonly id: number;
  /** Scenario YAML text (editor) or a scenario object as written (sliders). */
  readonly yaml?: string;
  readonly raw?: unknown;
}

export interface RunTiming {
  /** Fetching datasets not cached yet, ms. */
  readonly dataMs: number;
  /** Parse + validate + resolve + simulate + summarise, ms. */
  readonly runMs: number;
}

export type RunResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly raw: unknown;
      readonly summary: RunSummary;
      readonly sites: SiteColumns[];
      readonly units: Record<string, string>;
      readonly timing: RunTiming;
    }
  | { readonly id: number; readonly ok: false; readonly issues: LocatedIssue[]; readonly error?: string };

/** What the views show: a finished run. */
export interface RunView {
  readonly raw: unknown;
  readonly summary: RunSummary;
  readonly sites: SiteColumns[];
  readonly units: Record<string, string>;
  readonly timing?: RunTiming;
  /** Where the run was computed: the engine worker (default) or the server's cached first view. */
  readonly source?: 'worker' | 'server';
}
