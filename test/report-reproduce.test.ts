/** `gigawatt report --reproduce`: the report carries the reproduction table of `gigawatt reproduce --no-campus`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproCase } from '../src/analysis/reproduce/case.js';
import { reproductionSectionHtml } from '../src/report/reproduction.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-report-repro-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('gigawatt report --reproduce', () => {
  it('embeds the same rows and pass count as gigawatt reproduce --no-campus --json', () => {
    const json = JSON.parse(cli(['reproduce', '--no-campus', '--json']).stdout) as {
      cases: { id: string; pass: boolean }[];
      passed: number;
    };
    const file = join(dir, 'with.html');
    cli(['report', 'stargate-abilene', '--reproduce', '-o', file]);
    const html = readFileSync(file, 'utf8');
    expect(count(html, 'Reproducing published figures')).toBe(1);
    expect(json.cases.length).toBeGreaterThan(10);
    expect(count(html, '<tr class="repro-row"')).toBe(json.cases.length);
    expect(count(html, 'data-pass="true"')).toBe(json.passed);
    expect(html).toContain(`${json.passed} of ${json.cases.length} cases agree`);
    for (const c of json.cases) expect(html).toContain(`data-case="${c.id}" data-pass="${c.pass}"`);
    // no campus runs: the campus rows are left out, as with --no-campus
    expect(html).not.toContain('data-case="campus/');
    // still offline: nothing is fetched
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
  }, 120_000);

  it('without the flag the section is absent', () => {
    const file = join(dir, 'without.html');
    cli(['report', 'stargate-abilene', '-o', file]);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('Reproducing published figures');
    expect(html).not.toContain('repro-row');
  }, 120_000);
});

describe('the section HTML', () => {
  it('escapes the text of a case and shows a miss with its note', () => {
    const c = reproCase({
      id: 'x/<b>',
      group: 'carbon',
      quantity: 'q & r',
      unit: 'g/kWh',
      model: 88,
      published: 100,
      tolerance: { kind: 'relative', fraction: 0.05 },
      source: '<script>alert(1)</script>',
      modelBasis: 'm',
      note: 'a "quoted" note',
    });
    const html = reproductionSectionHtml({ cases: [c], passed: 0, failed: 1 });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>"');
    expect(html).toContain('x/&#60;b&#62;');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<b>MISS</b>');
    expect(html).toContain('±5 %');
    expect(html).toContain('0 of 1 cases agree');
    expect(html).toContain('a &#34;quoted&#34; note');
  });
});
