/** Small typed fetch helpers for the gigawatt API (same origin). */
import type { BuildoutReport } from '../../src/analysis/buildout/report';

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
