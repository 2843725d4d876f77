import { describe, expect, it } from 'vitest';
import { parseScenarioText, ScenarioError } from '../src/io/load-scenario.js';

const GOOD = `name: t
start: 2026-01-01
end: 2026-12-31
sites:
  - id: a
    location: { latitude: 32.4, longitude: -99.7, state: TX }
    weather: abilene-tx
    region: ERCOT
    interconnectMW: 500
    cooling: liquid-dry-cooler
    phases:
      - { online: 2026-02-01, rampDays: 30, accelerator: h100, count: 1000 }
      - { online: 2026-06-01, rampDays: 30, accelerator: gb200, count: 1000 }
`;

function issues(text: string) {
  try {
    parseScenarioText(text, 'bad.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario errors point at file:line:column, the field, the value and what is allowed', () => {
  it('the good scenario parses', () => {
    expect(parseScenarioText(GOOD, 'good.yaml').sites[0]?.phases).toHaveLength(2);
  });

  it('YAML syntax error: line and column of the problem', () => {
    const [issue] = issues(GOOD.replace('interconnectMW: 500', 'interconnectMW: [500'));
    expect(issue?.file).toBe('bad.yaml');
    expect(issue?.message).toMatch(/YAML syntax/);
    expect(issue?.line).toBeGreaterThanOrEqual(10);
  });

  it('unknown accelerator: names the value and lists the allowed ids', () => {
    const [issue] = issues(GOOD.replace('accelerator: gb200', 'accelerator: h300'));
    expect(issue?.path).toEqual(['sites', 0, 'phases', 1, 'accelerator']);
    expect(issue?.value).toBe('h300');
    expect(issue?.message).toMatch(/one of: .*h100.*gb200/);
    expect(issue?.line).toBe(13);
  });

  it('unknown region and weather station', () => {
    const list = issues(GOOD.replace('region: ERCOT', 'region: ERCOTT').replace('abilene-tx', 'abilene'));
    expect(list.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['sites.0.region', 'sites.0.weather']),
    );
    const region = list.find((i) => i.path.join('.') === 'sites.0.region');
    expect(region?.line).toBe(8);
    expect(region?.column).toBe(13);
  });

  it('negative value', () => {
    const [issue] = issues(GOOD.replace('interconnectMW: 500', 'interconnectMW: -5'));
    expect(issue?.path).toEqual(['sites', 0, 'interconnectMW']);
    expect(issue?.value).toBe(-5);
    expect(issue?.message).toMatch(/>0|greater than 0/);
    expect(issue?.line).toBe(9);
  });

  it('missing required value points at the enclosing object', () => {
    const [issue] = issues(GOOD.replace('    interconnectMW: 500\n', ''));
    expect(issue?.path).toEqual(['sites', 0, 'interconnectMW']);
    expect(issue?.message).toMatch(/required/);
    expect(issue?.line).toBe(5);
  });

  it('end before start', () => {
    const [issue] = issues(GOOD.replace('end: 2026-12-31', 'end: 2025-12-31'));
    expect(issue?.path).toEqual(['end']);
    expect(issue?.message).toMatch(/before start/);
    expect(issue?.line).toBe(3);
  });

  it('overlapping phases', () => {
    const [issue] = issues(GOOD.replace('online: 2026-06-01', 'online: 2026-02-15'));
    expect(issue?.path).toEqual(['sites', 0, 'phases', 1, 'online']);
    expect(issue?.message).toMatch(/overlaps phase 'phase-1'.*2026-03-03/);
    expect(issue?.line).toBe(13);
  });

  it('an invalid date', () => {
    const [issue] = issues(GOOD.replace('online: 2026-02-01', 'online: 2026-02-30'));
    expect(issue?.path).toEqual(['sites', 0, 'phases', 0, 'online']);
    expect(issue?.value).toBe('2026-02-30');
  });

  it('an unknown field is named', () => {
    const [issue] = issues(
      GOOD.replace('    cooling: liquid-dry-cooler', '    cooling: liquid-dry-cooler\n    coolling: x'),
    );
    expect(issue?.message).toMatch(/unknown field.*'coolling'/);
  });

  it('several problems are all reported', () => {
    const list = issues(
      GOOD.replace('interconnectMW: 500', 'interconnectMW: -5').replace(
        'accelerator: gb200',
        'accelerator: x',
      ),
    );
    expect(list.length).toBe(2);
  });

  it('a chip without a published board power needs an override', () => {
    const [issue] = issues(GOOD.replace('accelerator: gb200', 'accelerator: tpu-v5p'));
    expect(issue?.message).toMatch(/no published board power.*acceleratorOverrides\.tpu-v5p\.boardPowerW/);
  });

  it('a region without a bundled price needs a flat price', () => {
    const [issue] = issues(GOOD.replace('region: ERCOT', 'region: TVA'));
    expect(issue?.path).toEqual(['sites', 0, 'electricityPrice']);
    expect(issue?.message).toMatch(/flatUSDPerMWh/);
  });
});

describe('power caps', () => {
  it('a cap at or below the idle draw is rejected with the allowed range', () => {
    const [issue] = issues(
      GOOD.replace('accelerator: h100, count: 1000', 'accelerator: h100, count: 1000, powerCapW: 50'),
    );
    expect(issue?.path).toEqual(['sites', 0, 'phases', 0, 'powerCapW']);
    expect(issue?.message).toMatch(/above the idle draw of a h100 \(\d+ W\).*700 W/);
  });
});
