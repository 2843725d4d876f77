/**
 * Calibrate the cooling systems and print their annual PUE and WUE at every bundled weather station.
 *
 *   npx tsx scripts/calibrate-cooling.ts            solve, then print the tables (markdown)
 *
 * 1. For each system, solve the parameters listed in `calibration.tuned` (src/catalog/cooling.ts) so that the
 *    annual energy-weighted PUE (and WUE where a target is published) at the calibration station and load
 *    fraction hit the targets. One tuned parameter per target, solved by bisection; two targets are solved
 *    alternately (Gauss–Seidel) until both hold. The solved values are printed so the catalog can be
 *    updated with them (rounded); the tables below use the catalog as it is.
 * 2. Print annual PUE, peak hourly PUE, WUE and wet hours per system per station, at the calibration load
 *    fraction, and a part-load table at the calibration station.
 */
import { COOLING_SYSTEMS, type CoolingSystem } from '../src/catalog/cooling.js';
import { WEATHER_STATIONS } from '../src/catalog/weather-stations.js';
import { annualCooling } from '../src/engine/cooling-model.js';
import type { WeatherYear } from '../src/engine/series.js';
import { dataDir } from '../src/io/paths.js';
import { loadWeather } from '../src/io/weather.js';

const weather = new Map<string, WeatherYear>(
  WEATHER_STATIONS.map((s) => [s.id, loadWeather(s.id, dataDir())]),
);
const yearOf = (id: string): WeatherYear => {
  const w = weather.get(id);
  if (w === undefined) throw new Error(`no weather for ${id}`);
  return w;
};

/** A copy of `sys` with the parameter at `path` (e.g. 'plant.switchDryBulbC') set to `value`. */
function withParameter(sys: CoolingSystem, path: string, value: number): CoolingSystem {
  const copy = structuredClone(sys) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  node[last] = { ...(node[last] as object), value };
  return copy as unknown as CoolingSystem;
}

function parameterValue(sys: CoolingSystem, path: string): number {
  let node: unknown = sys;
  for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
  return (node as { value: number }).value;
}

/** Bisection for g(x) = 0 on [lo, hi] where g changes sign (monotone in practice). */
function bisect(g: (x: number) => number, lo: number, hi: number, tol = 1e-7): number {
  let glo = g(lo);
  const ghi = g(hi);
  if (glo * ghi > 0) throw new Error(`no sign change on [${lo}, ${hi}]: g = ${glo}, ${ghi}`);
  for (let i = 0; i < 200 && hi - lo > tol; i++) {
    const mid = 0.5 * (lo + hi);
    const gm = g(mid);
    if (gm * glo <= 0) hi = mid;
    else {
      lo = mid;
      glo = gm;
    }
  }
  return 0.5 * (lo + hi);
}

/** Search ranges for the tuned parameters. */
const RANGES: Record<string, [number, number]> = {
  'airLoop.fansPumpsFraction': [0, 1],
  fixedOverheadFraction: [0, 0.2],
  'plant.switchDryBulbC': [-10, 45],
};

function annual(sys: CoolingSystem) {
  const c = sys.calibration;
  const w = yearOf(c.stationId);
  return annualCooling(sys, w.dryBulbC, w.wetBulbC, c.loadFraction);
}

function calibrate(sys: CoolingSystem): { values: Record<string, number>; pue: number; wue: number } {
  const c = sys.calibration;
  const targets: { path: string; residual: (s: CoolingSystem) => number }[] = [];
  const pueTarget = c.pue.value;
  const wueTarget = c.waterLPerKWh.value;
  // The PUE target is met by the first tuned parameter unless a WUE target needs it (see catalog `tuned`).
  for (const path of c.tuned) {
    if (path === 'plant.switchDryBulbC' && wueTarget !== null) {
      targets.push({ path, residual: (s) => annual(s).waterLPerKWh - wueTarget });
    } else if (pueTarget !== null) {
      targets.push({ path, residual: (s) => annual(s).pue - pueTarget });
    }
  }
  let cur = sys;
  for (let sweep = 0; sweep < 20; sweep++) {
    let moved = 0;
    for (const t of targets) {
      const [lo, hi] = RANGES[t.path] ?? [0, 1];
      const before = parameterValue(cur, t.path);
      const base = cur;
      const x = bisect((v) => t.residual(withParameter(base, t.path, v)), lo, hi);
      cur = withParameter(cur, t.path, x);
      moved = Math.max(moved, Math.abs(x - before));
    }
    if (moved < 1e-5) break;
  }
  const values: Record<string, number> = {};
  for (const t of targets) values[t.path] = parameterValue(cur, t.path);
  const a = annual(cur);
  return { values, pue: a.pue, wue: a.waterLPerKWh };
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);

console.log('## Calibration (solved values; the catalog holds them rounded)\n');
console.log('| system | parameter | solved | catalog | annual PUE (solved) | WUE L/kWh (solved) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const sys of COOLING_SYSTEMS) {
  const r = calibrate(sys);
  for (const [path, v] of Object.entries(r.values)) {
    console.log(
      `| ${sys.id} | ${path} | ${v.toPrecision(5)} | ${parameterValue(sys, path)} | ${f3(r.pue)} | ${f3(r.wue)} |`,
    );
  }
}

const cal = COOLING_SYSTEMS[0]?.calibration;
const load = cal?.loadFraction ?? 0.8;
console.log(
  `\n## Annual PUE / peak hourly PUE / WUE (L/kWh) / wet hours, catalog parameters, load fraction ${load}\n`,
);
console.log(
  `| station | dataset | mean dry bulb °C | mean wet bulb °C | ${COOLING_SYSTEMS.map((s) => `${s.id} PUE | peak | WUE | wet h`).join(' | ')} |`,
);
console.log(`| --- | --- | --- | --- | ${COOLING_SYSTEMS.map(() => '--- | --- | --- | ---').join(' | ')} |`);
for (const st of WEATHER_STATIONS) {
  const w = yearOf(st.id);
  const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
  const cells = COOLING_SYSTEMS.map((sys) => {
    const a = annualCooling(sys, w.dryBulbC, w.wetBulbC, load);
    return `${f3(a.pue)} | ${f2(a.peakPue)} | ${f2(a.waterLPerKWh)} | ${Math.round(a.wetHours)}`;
  });
  console.log(
    `| ${st.id} | ${st.dataset} | ${mean(w.dryBulbC).toFixed(1)} | ${mean(w.wetBulbC).toFixed(1)} | ${cells.join(' | ')} |`,
  );
}

const refId = cal?.stationId ?? 'sterling-va';
const ref = yearOf(refId);
const loads = [1, 0.8, 0.6, 0.4, 0.2, 0.1];
console.log(`\n## Part load at ${refId}: annual PUE (WUE L/kWh)\n`);
console.log(`| system | ${loads.map((l) => `L = ${l}`).join(' | ')} |`);
console.log(`| --- | ${loads.map(() => '---').join(' | ')} |`);
for (const sys of COOLING_SYSTEMS) {
  const cells = loads.map((l) => {
    const a = annualCooling(sys, ref.dryBulbC, ref.wetBulbC, l);
    return `${f3(a.pue)} (${f2(a.waterLPerKWh)})`;
  });
  console.log(`| ${sys.id} | ${cells.join(' | ')} |`);
}

// 3. Parameter tables (value and basis of every catalog parameter), as pasted into docs/cooling.md.
function leaves(
  node: unknown,
  path = '',
): [string, { value: number | null; source?: string; estimate?: string }][] {
  if (typeof node !== 'object' || node === null || path === 'calibration') return [];
  if ('value' in node) return [[path, node as { value: number | null; source?: string; estimate?: string }]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
for (const sys of COOLING_SYSTEMS) {
  const kinds = `plant: ${sys.plant.kind}, air economiser: ${sys.airEconomiser.kind}`;
  console.log(`\n### \`${sys.id}\` (${kinds})\n`);
  console.log('| parameter | value | basis |');
  console.log('| --- | --- | --- |');
  for (const [path, p] of leaves(sys)) {
    const basis = [p.estimate, p.source].filter((x) => x !== undefined).join(' — source: ');
    console.log(`| ${path} | ${p.value} | ${basis.replaceAll('|', '\\|')} |`);
  }
}
