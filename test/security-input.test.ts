/**
 * Input safety (issue 9, input side): prototype keys refused at every entry point (field paths of
 * --vary/--grid and POST /api/sweeps, scenario keys, library calls), the limits checked before any
 * work, bounded file reads, "did you mean", terminal escaping, EPIPE, and the CLI's option ranges.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldPathError, getPath, parseFieldPath, setPath } from '../src/analysis/sweep/field-paths.js';
import { planSweep } from '../src/analysis/sweep/plan.js';
import { terminalLines, terminalText } from '../src/cli/terminal-text.js';
import { readScenarioFile } from '../src/io/load-scenario.js';
import { DEFAULT_LIMITS, limitsFromEnv } from '../src/model/limits.js';
import { parseScenarioDocument, ScenarioError, validateScenarioObject } from '../src/model/parse-yaml.js';
import { editDistance, suggest } from '../src/model/suggest.js';
import { validateScenario } from '../src/model/validate.js';
import { createApp } from '../src/server/app.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'gigawatt-security-'));
const env = { ...process.env, NO_COLOR: '1', GIGAWATT_STORE: 'none', GIGAWATT_DEBUG: '' };
const base = join(root, 'test', 'corpus', 'ok-base.yaml');
const baseText = parseScenarioDocument(readScenarioFile(base, 1e6), base);

function gigawatt(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const clean = () => {
  const o = {} as Record<string, unknown>;
  return o.polluted === undefined && o.x === undefined && o.isAdmin === undefined;
};

describe('field paths (library): no prototype pollution', () => {
  it.each([
    '__proto__.polluted',
    'constructor.prototype.polluted',
    'sites[0].__proto__.x',
    'economics.prototype',
  ])('parseFieldPath(%s) throws FieldPathError naming the path', (path) => {
    expect(() => parseFieldPath(path)).toThrow(FieldPathError);
    expect(() => parseFieldPath(path)).toThrow(JSON.stringify(path));
  });
  it('setPath and getPath refuse a forbidden segment before touching anything', () => {
    const obj: Record<string, unknown> = { sites: [{}] };
    expect(() => setPath(obj, ['__proto__', 'polluted'], 1)).toThrow(/"__proto__" is not allowed/);
    expect(() => setPath(obj, ['constructor', 'prototype', 'polluted'], 1)).toThrow(FieldPathError);
    expect(() => getPath(obj, ['__proto__'])).toThrow(FieldPathError);
    expect(clean()).toBe(true);
    expect(Object.keys(obj)).toEqual(['sites']);
  });
  it('getPath reads own properties only; setPath creates null-prototype objects', () => {
    expect(getPath({}, ['toString'])).toBeUndefined();
    expect(getPath({ a: { b: 2 } }, ['a', 'b'])).toBe(2);
    const obj: Record<string, unknown> = {};
    setPath(obj, ['economics', 'discountRate'], 0.1);
    expect(Object.getPrototypeOf(obj.economics)).toBeNull();
    expect(getPath(obj, ['economics', 'discountRate'])).toBe(0.1);
  });
  it('planSweep (the --vary/--grid and POST /api/sweeps path) refuses them with FieldPathError', () => {
    const { scenario, raw } = baseText;
    const opts = { samples: 2, seed: 1, method: 'lhs' as const };
    expect(() => planSweep(scenario, raw, { ...opts, vary: ['__proto__.polluted=uniform:0,1'] })).toThrow(
      FieldPathError,
    );
    expect(() => planSweep(scenario, raw, { ...opts, grid: ['constructor.prototype.x=1,2'] })).toThrow(
      FieldPathError,
    );
    expect(clean()).toBe(true);
  });
});

describe('scenario keys (library): prototype keys are located issues', () => {
  it('a YAML __proto__ key is refused at its line, Object.prototype untouched', () => {
    const text = 'name: x\n__proto__:\n  polluted: 1\n';
    try {
      parseScenarioDocument(text, 'p.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      const issue = (err as ScenarioError).issues[0];
      expect(issue?.path).toEqual(['__proto__']);
      expect(issue?.line).toBe(2);
      expect(issue?.message).toMatch(/the key '__proto__' is not allowed/);
    }
    expect(clean()).toBe(true);
  });
  it('a JSON.parse-d object with an own __proto__ key (a request body) is refused with its path', () => {
    const data = JSON.parse('{"name": "x", "sites": [{"constructor": {"prototype": {"x": 1}}}]}');
    expect(() => validateScenarioObject(data, 'request')).toThrow(
      /sites\[0\]\.constructor: the key 'constructor'/,
    );
    const r = validateScenario(JSON.parse('{"__proto__": {"isAdmin": true}}'));
    expect(r.ok).toBe(false);
    expect(clean()).toBe(true);
  });
});

describe('limits (library)', () => {
  const scenario = (over: (s: Record<string, unknown>) => void) => {
    const raw = structuredClone(baseText.raw) as Record<string, unknown>;
    over(raw);
    return raw;
  };
  it('every limit is a located issue naming the value, the limit and the variable', () => {
    const tight = { ...DEFAULT_LIMITS, maxSimulatedDays: 6, maxSites: 1, maxAcceleratorsPerPhase: 999 };
    const r = validateScenario(
      scenario(() => {}),
      tight,
    );
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // 2026-01-01..2026-01-07 is 7 days; the base phase has 1,000 accelerators.
    expect(messages).toContain(
      'end: the simulated span (2026-01-01 to 2026-01-07) in days is 7, over the limit of 6 (raise it with GIGAWATT_MAX_DAYS)',
    );
    expect(messages).toContain(
      'sites.0.phases.0.count: the number of accelerators in the phase is 1,000, over the limit of 999 (raise it with GIGAWATT_MAX_ACCELERATORS_PER_PHASE)',
    );
    expect(
      validateScenario(
        scenario(() => {}),
        { ...tight, maxSimulatedDays: 7, maxAcceleratorsPerPhase: 1000 },
      ).ok,
    ).toBe(true);
  });
  it('sites x days is bounded (the memory of the hourly series)', () => {
    const raw = scenario((s) => {
      const sites = s.sites as Record<string, unknown>[];
      s.sites = [0, 1, 2, 3].map((i) => ({ ...sites[0], id: `s${i}` }));
    });
    // 4 sites x 7 days = 28 site-days.
    const r = validateScenario(raw, { ...DEFAULT_LIMITS, maxSiteDays: 27 });
    expect(r.ok ? '' : r.issues[0]?.message).toBe(
      'sites x simulated days (4 x 7) is 28, over the limit of 27 (raise it with GIGAWATT_MAX_SITE_DAYS)',
    );
    expect(validateScenario(raw, { ...DEFAULT_LIMITS, maxSiteDays: 28 }).ok).toBe(true);
  });
  it('a ramp that never ends (past the dates a Date can hold) is an overlap issue, not an exception', () => {
    const raw = scenario((s) => {
      const phases = (s.sites as { phases: Record<string, unknown>[] }[])[0]?.phases as Record<
        string,
        unknown
      >[];
      (phases[0] as Record<string, unknown>).rampDays = 1e12;
      phases.push({ id: 'p2', online: '2026-01-03', accelerator: 'h100', count: 10 });
    });
    const r = validateScenario(raw, { ...DEFAULT_LIMITS, maxSimulatedDays: Number.MAX_SAFE_INTEGER });
    expect(r.ok ? '' : r.issues[0]?.message).toMatch(
      /overlaps phase 'p1', which is still ramping until never/,
    );
  });
  it('itMW counts as accelerators: 1,275 MW of H100 at 700 + 575 W each is 1,000,000', () => {
    const raw = scenario((s) => {
      const phase = (s.sites as { phases: Record<string, unknown>[] }[])[0]?.phases[0] as Record<
        string,
        unknown
      >;
      delete phase.count;
      phase.itMW = 1275;
    });
    const r = validateScenario(raw, { ...DEFAULT_LIMITS, maxAcceleratorsPerPhase: 999_999 });
    expect(r.ok ? '' : r.issues[0]?.message).toMatch(/is 1,000,000, over the limit of 999,999/);
  });
  it('IT power over 3x the interconnect is a warning, not an error', () => {
    // 300,000 H100 x 1,275 W = 382.5 MW against 100 MW.
    const raw = scenario((s) => {
      const phase = (s.sites as { phases: Record<string, unknown>[] }[])[0]?.phases[0] as Record<
        string,
        unknown
      >;
      phase.count = 300_000;
    });
    const r = validateScenario(raw);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings[0]?.message).toMatch(/draw 382\.5 MW of IT power .* over 3x the interconnect/);
    // 200,000 x 1,275 W = 255 MW: under 3 x 100 MW, no warning.
    const ok = validateScenario(
      scenario((s) => {
        (
          (s.sites as { phases: Record<string, unknown>[] }[])[0]?.phases[0] as Record<string, unknown>
        ).count = 200_000;
      }),
    );
    expect(ok.ok && ok.warnings).toEqual([]);
  });
  it('limitsFromEnv reads GIGAWATT_MAX_* and refuses what is not a positive integer', () => {
    expect(limitsFromEnv({ GIGAWATT_MAX_SITES: '3' }).maxSites).toBe(3);
    expect(() => limitsFromEnv({ GIGAWATT_MAX_SITES: '-1' })).toThrow(
      /GIGAWATT_MAX_SITES must be a positive integer/,
    );
  });
  it('an alias bomb is a located error at the first alias, with the limit and its variable', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(() => parseScenarioDocument(bomb, 'bomb.yaml', { ...DEFAULT_LIMITS, maxYamlAliases: 50 })).toThrow(
      /^bomb\.yaml:2:8: \(document\): YAML aliases expand to more than 50 copies .*GIGAWATT_MAX_YAML_ALIASES/,
    );
  });
});

describe('did you mean', () => {
  it('editDistance: insert, delete, substitute and adjacent swap cost 1 each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3); // the textbook Levenshtein example
    expect(editDistance('ca', 'ac')).toBe(1); // one transposition
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('acelerator', 'accelerator')).toBe(1);
    expect(editDistance('ERCTO', 'ERCOT')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
  it('suggest picks the near miss, a completion of a prefix, or nothing', () => {
    expect(suggest('memphis', ['abilene-tx', 'memphis-tn', 'phoenix-az'])).toBe('memphis-tn');
    expect(suggest('acelerator', ['accelerator', 'count', 'itMW'])).toBe('accelerator');
    expect(suggest('H100', ['h100', 'h200'])).toBe('h100');
    expect(suggest('quantum-chip', ['h100', 'h200', 'b200'])).toBeUndefined();
    expect(suggest('x'.repeat(100), ['x'])).toBeUndefined();
  });
  it('in located messages for ids and field names', () => {
    const text =
      'name: x\nstart: 2026-01-01\nend: 2026-01-02\nsites:\n  - id: a\n    weather: memphis\n    interconectMW: 100\n';
    const err = (() => {
      try {
        parseScenarioDocument(text, 't.yaml');
      } catch (e) {
        return e as ScenarioError;
      }
    })();
    expect(err?.message).toContain('t.yaml:6:14: sites[0].weather: must be one of:');
    expect(err?.message).toContain("did you mean 'memphis-tn'?");
    expect(err?.message).toMatch(
      /t\.yaml:5:5: sites\[0\]: unknown field\(s\) 'interconectMW'; did you mean 'interconnectMW'\?/,
    );
  });
});

describe('terminal text', () => {
  it('escapes C0, DEL, C1 and bidi controls; keeps other text', () => {
    expect(terminalText('a\u001b[2Jb\u0007c\u009bd\u202ee\u007f')).toBe(
      'a\\x1b[2Jb\\x07c\\x9bd\\u{202e}e\\x7f',
    );
    expect(terminalText('Zürich 中 ✓')).toBe('Zürich 中 ✓');
    expect(terminalText('a\nb\tc')).toBe('a\\x0ab\\x09c');
    expect(terminalLines('a\nb\tc\u001b')).toBe('a\nb\tc\\x1b');
  });
});

describe('files: refused without reading them whole', () => {
  it('a file over the limit, a directory and a device are located errors', () => {
    expect(() => readScenarioFile(base, 100)).toThrow(
      /over the limit of 100 bytes \(raise it with GIGAWATT_MAX_INPUT_BYTES\)/,
    );
    expect(() => readScenarioFile(tmp, 1e6)).toThrow(/not a regular file/);
    expect(() => readScenarioFile('/dev/zero', 1e6)).toThrow(/not a regular file/);
    expect(() => readScenarioFile(join(tmp, 'missing.yaml'), 1e6)).toThrow(/cannot read the file \(ENOENT\)/);
  });
  it('a FIFO is refused at once (opening it would block)', () => {
    const fifo = join(tmp, 'fifo.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    expect(() => readScenarioFile(fifo, 1e6)).toThrow(/not a regular file/);
  });
});

describe('the CLI', () => {
  it('sweep --vary and --grid with prototype segments: exit 2 naming the path', () => {
    const vary = gigawatt([
      'sweep',
      base,
      '-n',
      '2',
      '--no-store',
      '-q',
      '--vary',
      '__proto__.polluted=uniform:0,1',
    ]);
    expect(vary.status).toBe(2);
    expect(vary.stderr).toMatch(
      /"__proto__\.polluted": the segment "__proto__" is not allowed in a field path/,
    );
    const grid = gigawatt([
      'sweep',
      base,
      '-n',
      '2',
      '--no-store',
      '-q',
      '--grid',
      'constructor.prototype.x=1,2',
    ]);
    expect(grid.status).toBe(2);
    expect(grid.stderr).toMatch(/the segment "constructor" is not allowed/);
  });
  it('limits from the environment: exit 2 naming the variable; a bad variable is exit 2 too', () => {
    const r = gigawatt(['validate', base, 'test/corpus/ok-crlf.yaml'], { GIGAWATT_MAX_INPUT_BYTES: '200' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /ok-base\.yaml: \(document\): the file is [\d,]+ bytes, over the limit of 200 bytes \(raise it with GIGAWATT_MAX_INPUT_BYTES\)/,
    );
    const bad = gigawatt(['validate', base], { GIGAWATT_MAX_DAYS: 'lots' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/GIGAWATT_MAX_DAYS must be a positive integer \(got "lots"\)/);
  });
  it('run /dev/zero and run --out /proc/x: exit 2 at once', () => {
    const zero = gigawatt(['run', '/dev/zero', '--no-store']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/\/dev\/zero: \(document\): not a regular file/);
    const proc = gigawatt(['run', base, '--no-store', '-q', '--out', '/proc/x']);
    expect(proc.status).toBe(2);
    expect(proc.stdout).toBe(''); // refused before simulating
    expect(proc.stderr).toMatch(/--out "\/proc\/x": \/proc is on the kernel's proc filesystem/);
    const file = gigawatt(['run', base, '--no-store', '-q', '--out', `${base}/x`]);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/ok-base\.yaml exists and is not a directory/);
  });
  it('absurd calculator numbers: exit 2 with the option and its range', () => {
    const infer = gigawatt(['infer', '-t', '1e30', '--flop-per-token', '2e11']);
    expect(infer.status).toBe(2);
    expect(infer.stderr).toMatch(
      /--tokens-per-second: 1e30 tokens\/s needs .* accelerators at peak, over the limit of 20,000,000 \(raise it with GIGAWATT_MAX_ACCELERATORS_PER_SITE\)/,
    );
    const train = gigawatt(['train', '--count', '1e12', '--flop', '1e26']);
    expect(train.status).toBe(2);
    expect(train.stderr).toMatch(/--count: must be at most 5,000,000 .*GIGAWATT_MAX_ACCELERATORS_PER_PHASE/);
  });
  it('runs --limit -1 / abc: exit 2 naming the option', () => {
    for (const v of ['-1', 'abc', '1.5']) {
      const r = gigawatt(['runs', '--store', join(tmp, 'none.duckdb'), `--limit=${v}`]);
      expect(r.status, v).toBe(2);
      expect(r.stderr).toMatch(/--limit: must be an integer/);
    }
  });
  it('a closed stdout (| head -1) ends quietly: no EPIPE stack trace', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${cli}" --help | head -1; "${process.execPath}" "${cli}" list accelerators | head -1`,
      ],
      {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });
  it('control characters in a scenario name are escaped on the terminal', () => {
    const f = join(tmp, 'evil.yaml');
    writeFileSync(f, baseTextWithName('"x\\e]0;pwned\\a\\e[2J"'));
    const r = gigawatt(['validate', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('x\\x1b]0;pwned\\x07\\x1b[2J');
    expect(r.stdout).not.toContain('\u001b');
  });
});

function baseTextWithName(name: string): string {
  const raw = structuredClone(baseText.raw) as Record<string, unknown>;
  return `${JSON.stringify({ ...raw, name: '@@' }).replace('"@@"', name)}\n`;
}

describe('POST /api/sweeps and /api/run (app.request)', () => {
  const app = createApp({ store: false });
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  it('a __proto__ field path in vary or grid is a 400 naming the path; the server keeps answering', async () => {
    for (const [body, path] of [
      [
        {
          scenario: baseText.raw,
          samples: 2,
          vary: { '__proto__.polluted': { dist: 'uniform', min: 0, max: 1 } },
        },
        'vary.__proto__.polluted',
      ],
      [
        { scenario: baseText.raw, samples: 2, grid: { 'constructor.prototype.polluted': [1, 2] } },
        'grid.constructor.prototype.polluted',
      ],
    ] as const) {
      const r = await post('/api/sweeps', body);
      expect(r.status).toBe(400);
      const j = (await r.json()) as { error: string };
      // the request guard (src/server/security.ts) answers first, naming the whole path
      expect(j.error).toContain(`"${path}" is not allowed`);
    }
    expect(clean()).toBe(true);
    expect((await app.request('/api/health')).status).toBe(200);
  });
  it('a span from year 0 is refused with 400 before any simulation', async () => {
    const raw = { ...(structuredClone(baseText.raw) as Record<string, unknown>), start: '0000-01-01' };
    const r = await post('/api/run', { scenario: raw });
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain(
      'over the limit of 14,640 (raise it with GIGAWATT_MAX_DAYS)',
    );
  });
});
