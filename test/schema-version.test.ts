/**
 * The scenario format's version: scenarios without `schemaVersion` are read as the current format,
 * format 1 (gigawatt 0.1, with the 4CP transmission rate under `economics`) is migrated, and an unknown
 * version is a located error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseScenarioDocument, ScenarioError } from '../src/model/parse-yaml.js';
import { scenarioJsonSchema } from '../src/model/scenario.js';
import { SCHEMA_VERSION } from '../src/model/schema-version.js';

const abilene = parse(readFileSync('scenarios/stargate-abilene.yaml', 'utf8'));

/** A one-site ERCOT scenario in format 1: the transmission rate given under `economics`. */
function formatOne(rate: number): Record<string, unknown> {
  const s = structuredClone(abilene);
  for (const site of s.sites) if (site.supply) delete site.supply.transmissionUSDPerKWYear;
  return { schemaVersion: 1, ...s, economics: { ...(s.economics ?? {}), transmissionUSDPerKWYear: rate } };
}

describe('scenario format versions', () => {
  it('reads a scenario without schemaVersion as the current format and records the version in raw', () => {
    const { scenario, raw, schemaVersionRead, migrationNotes } = parseScenarioDocument(
      stringify(abilene),
      'abilene.yaml',
    );
    expect(SCHEMA_VERSION).toBe(2);
    expect(schemaVersionRead).toBe(2);
    expect(scenario.schemaVersion).toBe(2);
    expect((raw as { schemaVersion: number }).schemaVersion).toBe(2);
    expect(migrationNotes).toEqual([]);
  });

  it('migrates format 1: the economics transmission rate moves to each ERCOT site', () => {
    const { scenario, raw, schemaVersionRead, migrationNotes } = parseScenarioDocument(
      stringify(formatOne(123)),
      'old.yaml',
    );
    expect(schemaVersionRead).toBe(1);
    expect(scenario.sites[0]?.region).toBe('ERCOT');
    expect(scenario.sites[0]?.supply?.transmissionUSDPerKWYear).toBe(123);
    expect(
      (raw as { economics?: Record<string, unknown> }).economics?.transmissionUSDPerKWYear,
    ).toBeUndefined();
    expect(migrationNotes).toEqual([
      'format 1 → 2: economics.transmissionUSDPerKWYear moved to sites[0].supply.transmissionUSDPerKWYear',
    ]);
  });

  it('a migrated scenario records the current version, so stored runs say which format they hold', () => {
    const { raw } = parseScenarioDocument(stringify(formatOne(123)), 'old.yaml');
    expect((raw as { schemaVersion: number }).schemaVersion).toBe(2);
  });

  it('a site that already states its transmission rate keeps it; the economics rate is dropped', () => {
    const old = formatOne(123) as { sites: { supply?: Record<string, unknown> }[] };
    const site = old.sites[0] as { supply?: Record<string, unknown> };
    site.supply = { ...(site.supply ?? {}), transmissionUSDPerKWYear: 80 };
    const { scenario, migrationNotes } = parseScenarioDocument(stringify(old), 'old.yaml');
    expect(scenario.sites[0]?.supply?.transmissionUSDPerKWYear).toBe(80);
    expect(migrationNotes).toEqual([
      'format 1 → 2: economics.transmissionUSDPerKWYear dropped: no ERCOT site without a rate of its own to move it to (the 4CP charge applies in ERCOT only)',
    ]);
  });

  it('the same scenario in format 2 without the old field is refused if it still uses it', () => {
    const current = { ...formatOne(123), schemaVersion: 2 };
    expect(() => parseScenarioDocument(stringify(current), 'x.yaml')).toThrow(ScenarioError);
  });

  it('an unknown version is an error located at the field, saying which versions are read', () => {
    const text = stringify({ ...abilene, schemaVersion: 7 });
    const line = text.split('\n').findIndex((l) => l.startsWith('schemaVersion:')) + 1;
    try {
      parseScenarioDocument(text, 'future.yaml');
      expect.unreachable();
    } catch (err) {
      const issue = (err as ScenarioError).issues.find((i) => i.path[0] === 'schemaVersion');
      expect(issue?.line).toBe(line);
      expect(issue?.message).toContain('from 1 to 2');
    }
  });

  it('the JSON Schema names its version in $id', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$id).toBe('urn:gigawatt:scenario:2');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gigawatt validate says which format it read and what it migrated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigawatt-v1-'));
    const file = join(dir, 'old.yaml');
    writeFileSync(file, stringify(formatOne(90)));
    const out = execFileSync(process.execPath, ['dist/cli.js', 'validate', file], { encoding: 'utf8' });
    expect(out).toContain('(format 1, migrated to 2)');
    expect(out).toContain('moved to sites[0].supply.transmissionUSDPerKWYear');
  });
});
