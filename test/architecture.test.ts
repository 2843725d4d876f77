/**
 * The layering of docs/architecture.md, enforced: dependency-cruiser runs the rules of
 * .dependency-cruiser.cjs over src/ (no upward import, no cycle, no Node built-in in the pure core, no
 * import between the server and the CLI but `gigawatt serve`'s). A fixture tree with one violation of
 * each kind shows that the rules do catch them.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function violations(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'json'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // dependency-cruiser exits non-zero when it finds violations; the JSON is still on stdout
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layers (docs/architecture.md)', () => {
  it('src/ has no upward import, no cycle and no Node built-in in the pure core', () => {
    const found = violations(ROOT).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual([]);
  }, 120_000);

  it('the rules catch an upward import, a cycle, a Node import in the core and a shell importing the other (fixture)', () => {
    const found = violations(join(ROOT, 'test/fixtures/layering'));
    const names = new Set(found.map((v) => v.rule.name));
    expect(names).toEqual(
      new Set(['no-upward-from-engine', 'no-cycles', 'pure-core', 'no-server-to-cli', 'no-cli-to-server']),
    );
    const shells = found
      .filter((v) => v.rule.name === 'no-server-to-cli' || v.rule.name === 'no-cli-to-server')
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
      .sort();
    // src/cli/commands/serve.ts → src/server/serve.ts is the one allowed crossing: not reported
    expect(shells).toEqual([
      'no-cli-to-server: src/cli/status.ts → src/server/app.ts',
      'no-server-to-cli: src/server/app.ts → src/cli/shell.ts',
    ]);
  }, 120_000);
});
