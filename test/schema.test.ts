import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/model/scenario.js';

describe('JSON Schema for editors', () => {
  it('docs/scenario.schema.json is the schema derived from the zod scenario schema (run `gigawatt schema -o docs/scenario.schema.json`)', () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'docs', 'scenario.schema.json'), 'utf8'),
    );
    expect(file).toEqual(scenarioJsonSchema());
  });
  it('documents units and allowed values', () => {
    const s = scenarioJsonSchema() as {
      properties: Record<
        string,
        { items?: { properties: Record<string, { description?: string; enum?: string[] }> } }
      >;
    };
    const site = s.properties.sites?.items?.properties ?? {};
    expect(site.interconnectMW?.description).toMatch(/MW/);
    expect(site.region?.enum).toEqual(
      expect.arrayContaining([
        'ERCOT',
        'NYISO',
        'PJM',
        'MISO',
        'SPP',
        'CAISO',
        'ISO-NE',
        'SOCO',
        'TVA',
        'DUK',
      ]),
    );
  });
});
