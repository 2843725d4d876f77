/** Small typed fetch helpers for the gigawatt API (same origin). */
import type { BuildoutReport } from '../../src/analysis/buildout/report';
import type { SweepReport } from '../../src/analysis/sweep/report';

export interface ScenarioListItem {
  name: string;
  title: string | null;
  description: string | null;
  start: string;
  end: string;
  sites: {
    id: string;
    name: string | null;
    state: string;
    region: string;
    interconnectMW: number;
    accelerators: string[];
  }[];
}

/** An API error with its HTTP status (e.g. 404 for an unknown scenario). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const r = await fetch(path);
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new ApiError((body as { error?: string }).error ?? `HTTP ${r.status}`, r.status);
  return body as T;
}

export const listScenarios = () => getJson<ScenarioListItem[]>('api/scenarios');
export const getScenario = (name: string) =>
  getJson<{ name: string; yaml: string; raw: unknown }>(`api/scenarios/${encodeURIComponent(name)}`);
export const catalogIds = (kind: string) =>
  getJson<{ id: string; name?: string }[]>(`api/catalog/${kind}`).then((l) =>
    l.map((x) => ({ id: x.id, name: x.name ?? x.id })),
  );

/** `GET /api/buildout`: the national build-out report (`gigawatt buildout --json`, docs/buildout.md). */
export const getBuildout = () => getJson<BuildoutReport>('api/buildout');

/** What one BA's headroom rests on (`dataQuality` of `gigawatt headroom --json`, docs/grid-headroom.md). */
export interface HeadroomDataQuality {
  imputedOrFlaggedHours: number;
  imputedOrFlaggedPct: number;
  unflaggedHours: number;
  summerPeakImputedOrFlagged: boolean;
  winterPeakImputedOrFlagged: boolean;
  caveats: readonly string[];
}

/** `GET /api/headroom?region=all`: exactly `gigawatt headroom --json` (src/cli/commands/headroom.ts). */
export interface NationalHeadroom {
  bas: number;
  years: number[] | null;
  limitsPct: number[];
  rows: {
    region: string;
    eiaBaCode: string;
    name: string;
    years: number[];
    peakMW: number;
    /** Headroom at each limit of `limitsPct`, MW. */
    headroomMW: number[];
    dataQuality: HeadroomDataQuality;
  }[];
  total: { curtailmentPct: number; headroomMW: number; norris2025MW?: number; ratioToNorris2025?: number }[];
  reference: { basis: string; nationalGW: Record<string, number> };
  source: string;
  method: string;
}

/** `GET /api/headroom?region=X`: exactly `gigawatt headroom --region X --json`. */
export interface RegionHeadroom {
  region: string;
  years: number[];
  results: { curtailmentPct: number; headroomMW: number; curtailedHoursPerYear: number }[];
  dataQuality: HeadroomDataQuality;
}

/** `GET /api/headroom`: every bundled BA (`region` omitted), or one BA at the given curtailment limits (%). */
export function getHeadroom(): Promise<NationalHeadroom>;
export function getHeadroom(region: string, limitsPct: readonly number[]): Promise<RegionHeadroom>;
export function getHeadroom(region?: string, limitsPct?: readonly number[]) {
  if (region === undefined) return getJson<NationalHeadroom>('api/headroom?region=all');
  const q = new URLSearchParams({ region, curtailment: (limitsPct ?? []).join(',') });
  return getJson<RegionHeadroom>(`api/headroom?${q}`);
}

/** A sweep's report: exactly `gigawatt sweep --json` (src/analysis/sweep/report.ts). */
export type { SweepReport };

/** `GET /api/sweeps/:id` (src/server/routes/sweeps.ts). */
export interface SweepState {
  id: string;
  scenario: string;
  status: 'queued' | 'running' | 'done' | 'error' | 'cancelled';
  done: number;
  total: number;
  createdAt: string;
  runId?: number;
  error?: string;
  report?: SweepReport;
}

/** The body of `POST /api/sweeps`: a built-in scenario by name or YAML text, and the sampling. */
export interface SweepRequest {
  scenario?: string;
  yaml?: string;
  samples: number;
  seed: number;
  vary: Record<string, unknown>;
  output?: string;
}

/** An API error with the response's `details` (e.g. the field paths of a refused sweep). */
export class ApiDetailError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly details: unknown,
  ) {
    super(message, status);
  }
}

async function sendJson<T>(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<T> {
  const r = await fetch(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await r.json().catch(() => ({ error: `HTTP ${r.status}` }))) as {
    error?: string;
    details?: unknown;
  };
  if (!r.ok) throw new ApiDetailError(json.error ?? `HTTP ${r.status}`, r.status, json.details);
  return json as T;
}

/** `POST /api/sweeps`: queues a sweep; 202 `{id, total, events}`. */
export const startSweep = (req: SweepRequest) =>
  sendJson<{ id: string; total: number; events: string }>('api/sweeps', 'POST', req);
/** `GET /api/sweeps/:id`: status, progress and (when done) the report. */
export const getSweep = (id: string) => getJson<SweepState>(`api/sweeps/${encodeURIComponent(id)}`);
/** `DELETE /api/sweeps/:id`: cancels a queued or running sweep; answers its state. */
export const cancelSweep = (id: string) =>
  sendJson<SweepState>(`api/sweeps/${encodeURIComponent(id)}`, 'DELETE');
/** `GET /api/sweeps/:id/events`: server-sent `progress`, then `result`, `error` or `cancelled`. */
export const sweepEventsUrl = (id: string) => `api/sweeps/${encodeURIComponent(id)}/events`;
