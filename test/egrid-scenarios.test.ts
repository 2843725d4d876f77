/**
 * The built-in scenarios that state a site's eGRID subregion intensity (`sites[i].carbon`) state the
 * bundled eGRID2022 rate, converted lb/MWh → g/kWh with the avoirdupois pound (0.45359237 kg), on the
 * direct (combustion-only) basis eGRID output emission rates are on (data/grid/PROVENANCE.md §5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const KG_PER_LB = 0.45359237;

const rates = new Map(
  readFileSync(join(root, 'data', 'grid', 'egrid2022_subregion_co2.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [subregion, , co2] = line.split(',');
      return [subregion as string, Number(co2)] as const;
    }),
);

interface StatedSite {
  scenario: string;
  site: string;
  subregion: string;
  annualGPerKWh: number;
  basis: string;
}

const stated: StatedSite[] = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const doc = parse(readFileSync(join(root, 'scenarios', f), 'utf8')) as {
      sites: { id: string; carbon?: { annualGPerKWh: number; basis: string; source: string } }[];
    };
    return doc.sites.flatMap((s) => {
      const m = s.carbon?.source.match(/eGRID2022 ([A-Z]{4})\b/);
      return s.carbon && m
        ? [
            {
              scenario: f,
              site: s.id,
              subregion: m[1] as string,
              annualGPerKWh: s.carbon.annualGPerKWh,
              basis: s.carbon.basis,
            },
          ]
        : [];
    });
  });

describe('eGRID2022 subregion rates in the built-in scenarios', () => {
  it('the bundled table has the 27 subregions (Puerto Rico included) and the US average, with rates in the published range', () => {
    expect(rates.size).toBe(28);
    // eGRID2022 subregion CO2 rates lie between upstate New York's hydro and nuclear (NYUP, lowest)
    // and Puerto Rico's oil (PRMS, highest)
    const values = [...rates.values()];
    expect(Math.min(...values)).toBe(rates.get('NYUP'));
    expect(Math.max(...values)).toBe(rates.get('PRMS'));
  });

  it('covers the sites whose subregion differs from their balancing authority', () => {
    expect(stated.map((s) => `${s.scenario}:${s.site}:${s.subregion}`).sort()).toEqual([
      'anthropic-fluidstack-flexible.yaml:western-new-york:NYUP',
      'anthropic-fluidstack.yaml:western-new-york:NYUP',
      'project-rainier.yaml:new-carlisle:RFCW',
    ]);
  });

  it.each(stated)('$scenario $site states $subregion in g/kWh on the direct basis', (s) => {
    const lbPerMWh = rates.get(s.subregion);
    expect(lbPerMWh).toBeDefined();
    // 1 lb/MWh = 453.59237 g / 1,000 kWh
    expect(s.annualGPerKWh).toBeCloseTo((lbPerMWh as number) * KG_PER_LB, 2);
    expect(s.basis).toBe('direct');
  });
});
