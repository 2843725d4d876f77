/**
 * The engine in a web worker: parses and validates the scenario (the CLI's own code and messages),
 * fetches the hourly data it needs once, and runs `runScenario`, so a slider re-simulates without
 * a server round trip and without blocking the page.
 */
import { defaultPriceSeriesFor } from '../../src/catalog/regions';
import { HOURLY_COLUMNS } from '../../src/engine/site-hourly';
import { parseScenarioDocument, ScenarioError, validateScenarioObject } from '../../src/model/parse-yaml';
import type { Scenario } from '../../src/model/scenario';
import { runScenario } from '../../src/run';
import type { RunRequest, RunResponse, SiteColumns } from './protocol';
import { RemoteData, withData } from './remote-data';

const data = new RemoteData(self.location.origin);
const ctx = self as unknown as {
  postMessage(message: RunResponse, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<RunRequest>) => void) | null;
};

function needed(s: Scenario): [string, string][] {
  const out: [string, string][] = [];
  for (const site of s.sites) {
    out.push(['weather', site.weather], ['regionCarbon', site.region]);
    const price =
      site.electricityPrice && 'series' in site.electricityPrice
        ? site.electricityPrice.series
        : site.electricityPrice
          ? undefined
          : defaultPriceSeriesFor(site.region);
    if (price) out.push(['price', price]);
  }
  return out;
}

async function handle(req: RunRequest): Promise<void> {
  const t0 = performance.now();
  let parsed: { scenario: Scenario; raw: unknown };
  try {
    parsed =
      req.yaml !== undefined
        ? parseScenarioDocument(req.yaml, 'scenario.yaml')
        : validateScenarioObject(req.raw, 'scenario');
  } catch (err) {
    if (err instanceof ScenarioError) {
      ctx.postMessage({ id: req.id, ok: false, issues: [...err.issues] }, []);
      return;
    }
    throw err;
  }
  // Fetch only the historical years this replay policy uses (same results, a sixth of the bytes).
  // Set again inside the run: another request may have changed it while this one awaited data.
  const replay = String(parsed.scenario.replay);
  data.replay = replay;
  const { value: result, fetchMs } = await withData(data, needed(parsed.scenario), () => {
    data.replay = replay;
    return runScenario(parsed.scenario, data.source, { raw: parsed.raw });
  });
  const sites: SiteColumns[] = result.sites.map(({ hourly }) => ({
    siteId: hourly.siteId,
    startMs: hourly.startMs,
    hours: hourly.hours,
    columns: Object.fromEntries(HOURLY_COLUMNS.map(([name]) => [name, hourly[name] as Float64Array])),
  }));
  const transfer = sites.flatMap((s) => Object.values(s.columns).map((c) => c.buffer as ArrayBuffer));
  const units = Object.fromEntries(HOURLY_COLUMNS.map(([n, u]) => [n, u]));
  ctx.postMessage(
    {
      id: req.id,
      ok: true,
      raw: parsed.raw,
      summary: result.summary,
      sites,
      units,
      timing: { dataMs: fetchMs, runMs: performance.now() - t0 - fetchMs },
    },
    [...new Set(transfer)],
  );
}

ctx.onmessage = (e) => {
  handle(e.data).catch((err: unknown) => {
    ctx.postMessage(
      { id: e.data.id, ok: false, issues: [], error: (err as Error)?.message ?? String(err) },
      [],
    );
  });
};
