/**
 * The campus page's first view, from the server: a built-in scenario's summary (POST /api/run,
 * exactly `gigawatt run --json`, cached by the server) and its hourly columns as 24-hour means
 * (GET /api/run/hourly), shown while the engine worker starts, fetches its data and simulates the
 * same scenario. The worker's run then replaces it (same engine, same data: the same summary).
 */
import type { RunSummary } from '../../src/analysis/summary';
import { CAMPUS_VIEW_COLUMNS } from '../../src/report/view-columns';
import type { RunView, SiteColumns } from './protocol';

/** Hours per value of the preview's columns. */
export const PREVIEW_STEP_HOURS = 24;

interface HourlyTable {
  site: string;
  startMs: number;
  stepHours: number;
  rows: number;
  columns: { name: string; unit: string; values: number[] }[];
}

async function json<T>(r: Response): Promise<T> {
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error((body as { error?: string }).error ?? `HTTP ${r.status}`);
  return body as T;
}

/** Asks the server for built-in scenario `name`'s summary (started before the scenario is known). */
export function serverSummary(name: string): Promise<RunSummary> {
  return fetch('api/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: name }),
  }).then((r) => json<RunSummary>(r));
}

/**
 * The server's run of built-in scenario `name` as a view: its summary (from `serverSummary`) and
 * the sites' columns; `raw` is the scenario as published.
 */
export async function serverPreview(
  name: string,
  summaryP: Promise<RunSummary>,
  siteIds: readonly string[],
  raw: unknown,
): Promise<RunView> {
  const metric = CAMPUS_VIEW_COLUMNS.join(',');
  const tables = await Promise.all(
    siteIds.map((site) =>
      fetch(
        `api/run/hourly?scenario=${encodeURIComponent(name)}&site=${encodeURIComponent(site)}` +
          `&metric=${metric}&every=${PREVIEW_STEP_HOURS}&agg=mean`,
      ).then((r) => json<HourlyTable>(r)),
    ),
  );
  const summary = await summaryP;
  const units: Record<string, string> = {};
  const sites: SiteColumns[] = tables.map((t) => ({
    siteId: t.site,
    startMs: t.startMs,
    hours: t.rows,
    stepHours: t.stepHours,
    columns: Object.fromEntries(
      t.columns.map((c) => {
        units[c.name] = c.unit;
        return [c.name, Float64Array.from(c.values)];
      }),
    ),
  }));
  return { raw, summary, sites, units, source: 'server' };
}
