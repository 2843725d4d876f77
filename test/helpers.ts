/** Shared test helpers: a synthetic data source and a small scenario builder. */
import { HOUR_MS, type HourlySeries, type WeatherYear } from '../src/engine/series.js';
import type { DataSource } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';

/** A constant series over 2015–2035, so every replay policy finds complete years. */
export function constantSeries(value: number): HourlySeries {
  const startMs = Date.UTC(2015, 0, 1);
  const hours = Math.round((Date.UTC(2036, 0, 1) - startMs) / HOUR_MS);
  return { startMs, values: new Float64Array(hours).fill(value) };
}

/** A typical year with a given dry bulb (°C) in every hour, or a function of the row. */
export function syntheticWeather(
  dryBulb: number | ((row: number) => number),
  tzOffsetHours = 0,
): WeatherYear {
  const f = typeof dryBulb === 'number' ? () => dryBulb : dryBulb;
  const db = Float64Array.from({ length: 8760 }, (_, i) => f(i));
  return {
    stationId: 'synthetic',
    tzOffsetHours,
    dryBulbC: db,
    dewPointC: db.map((t) => t - 8),
    pressurePa: new Float64Array(8760).fill(101_325),
    wetBulbC: db.map((t) => t - 4),
  };
}

export function fakeData(opts: { dryBulbC?: number; carbon?: number; price?: number } = {}): DataSource {
  return {
    weather: () => syntheticWeather(opts.dryBulbC ?? 20),
    regionCarbon: () => ({ carbonGPerKWh: constantSeries(opts.carbon ?? 400), carbonBasis: 'synthetic' }),
    price: () => constantSeries(opts.price ?? 50),
    regionDemand: () => constantSeries(40_000),
    regionGeneration: () => undefined,
  };
}

export function baseScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'test',
    start: '2026-01-01',
    end: '2026-12-31',
    sites: [
      {
        id: 'a',
        location: { latitude: 32.4, longitude: -99.7, state: 'TX' },
        weather: 'abilene-tx',
        region: 'ERCOT',
        interconnectMW: 1000,
        cooling: 'liquid-dry-cooler',
        phases: [{ online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10000 }],
      },
    ],
    ...overrides,
  };
}

export function parseOk(input: ScenarioInput) {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}
