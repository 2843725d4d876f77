/**
 * The engine in a web worker: parses and validates the scenario (the CLI's own code and messages),
 * fetches the hourly data it needs once, and runs `runScenario`, so a slider re-simulates without
 * a server round trip and without blocking the page.
 *
 * Per slider move it does only what the move needs: the data are cached, the workload simulation
 * is reused when the move changes nothing it reads (src/cluster/run-workloads.ts, keyed on the data
 * source), so are the environment, fleet and curtailment stages (`ExogenousReuse`), the run writes
 * into the previous run's hourly columns (a `ColumnPool`: no 30 MB of fresh arrays and the garbage
 * collections they cause), and only the columns the campus views draw are
 * copied out and transferred (not copied again) to the page.
 */
import { defaultPriceSeriesFor } from '../../src/catalog/regions';
import { ExogenousReuse } from '../../src/engine/exogenous-reuse';
import { ColumnPool, HOURLY_COLUMNS } from '../../src/engine/site-hourly';
import { parseScenarioDocument, ScenarioError, validateScenarioObject } from '../../src/model/parse-yaml';
import type { Scenario } from '../../src/model/scenario';
import { CAMPUS_VIEW_COLUMNS } from '../../src/report/view-columns';
import { runScenario } from '../../src/run';
import type { RunRequest, RunResponse, SiteColumns } from './protocol';
import { RemoteData, withData } from './remote-data';

const data = new RemoteData(self.location.origin);
/** The hourly columns of this worker's runs, reused run after run (each run's are copied out). */
const pool = new ColumnPool();
/** Environment, fleet and curtailment schedule of the previous run, reused when a move leaves their inputs alone (busy fraction). */
const exogenous = new ExogenousReuse();
/** What the page's views read: the campus views' columns and curtailment (drawn when any hour has some). */
const SENT: readonly string[] = [...CAMPUS_VIEW_COLUMNS, 'curtailedMW'];
const UNITS: Record<string, string> = Object.fromEntries(
  HOURLY_COLUMNS.filter(([n]) => SENT.includes(n)).map(([n, u]) => [n, u]),
);
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
    return runScenario(parsed.scenario, data.source, { raw: parsed.raw, columns: pool, exogenous });
  });
  // Copies: the pool's columns are overwritten by the next run. A grid-side column a site does not
  // have (no flexibility) is one zeroed array shared by its columns: copied once per site.
  const sites: SiteColumns[] = result.sites.map(({ hourly }) => {
    const copies = new Map<Float64Array, Float64Array>();
    const copy = (c: Float64Array) => {
      const kept = copies.get(c);
      if (kept) return kept;
      const out = c.slice();
      copies.set(c, out);
      return out;
    };
    return {
      siteId: hourly.siteId,
      startMs: hourly.startMs,
      hours: hourly.hours,
      columns: Object.fromEntries(
        SENT.map((name) => [name, copy(hourly[name as keyof typeof hourly] as Float64Array)]),
      ),
    };
  });
  const transfer = sites.flatMap((s) => Object.values(s.columns).map((c) => c.buffer as ArrayBuffer));
  const units = UNITS;
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
