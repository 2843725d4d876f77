/**
 * Writes the bad-input corpus (test/corpus/): scenario files a careless user or an attacker might
 * give, each with the answer gigawatt must give (test/corpus/expected.json): the exit status of
 * `gigawatt validate`, a substring of the message, and whether it must be located at line:column.
 * test/corpus.test.ts runs every file through the CLI and through POST /api/run.
 *
 *   node --import tsx scripts/make-corpus.ts      (deterministic: same files every time)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusCase {
  /** 0: accepted; 2: refused with a message. */
  readonly exit: 0 | 2;
  /** A substring of the message for this file (stderr of `gigawatt validate`, `details[].text` of the API). */
  readonly message: string;
  /** The message must carry line:column (a problem inside the document). */
  readonly located: boolean;
  /** What the case is about (one line). */
  readonly about: string;
}

const dir = join(import.meta.dirname, '..', 'test', 'corpus');

/** A small valid scenario (one week, one site, 1,000 H100): every case is a change to it. */
const BASE = `name: corpus-base
start: 2026-01-01
end: 2026-01-07
sites:
  - id: tx
    location: { latitude: 32.4, longitude: -99.7, state: TX }
    weather: abilene-tx
    region: ERCOT
    interconnectMW: 100
    cooling: liquid-evaporative
    utilisation: { busyFraction: 0.85 }
    phases:
      - { id: p1, online: 2026-01-01, rampDays: 2, accelerator: h100, count: 1000 }
compute: { precision: bf16, mfu: 0.4 }
economics: { discountRate: 0.08 }
`;

const cases = new Map<string, { content: string | Uint8Array; expect: CorpusCase }>();

function add(
  name: string,
  content: string | Uint8Array,
  expect: Omit<CorpusCase, 'located'> & { located?: boolean },
) {
  if (cases.has(name)) throw new Error(`duplicate corpus case ${name}`);
  cases.set(name, { content, expect: { located: expect.exit === 2, ...expect } });
}

/** BASE with one substring replaced (which must occur). */
function edit(from: string, to: string, text = BASE): string {
  if (!text.includes(from)) throw new Error(`corpus: ${JSON.stringify(from)} not in the base scenario`);
  return text.replace(from, to);
}

/** A refused variant of BASE: `from` replaced by `to`; the message must contain `message`. */
function bad(name: string, from: string, to: string, message: string, about: string) {
  add(`${name}.yaml`, edit(from, to), { exit: 2, message, about });
}

// A seeded generator (mulberry32) so the binary cases are the same bytes every time.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const bytes = (n: number, seed: number) => {
  const r = rng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
};

// --- accepted: the base and its harmless encodings -------------------------------------------
add('ok-base.yaml', BASE, { exit: 0, message: 'ok', about: 'the base scenario is valid' });
add('ok-crlf.yaml', BASE.replaceAll('\n', '\r\n'), { exit: 0, message: 'ok', about: 'CRLF line ends' });
add('ok-bom.yaml', `\ufeff${BASE}`, { exit: 0, message: 'ok', about: 'UTF-8 byte-order mark' });
add('ok-bom-crlf.yaml', `\ufeff${BASE.replaceAll('\n', '\r\n')}`, {
  exit: 0,
  message: 'ok',
  about: 'BOM and CRLF together',
});
const baseJson = {
  name: 'corpus-json',
  start: '2026-01-01',
  end: '2026-01-03',
  sites: [
    {
      id: 'ny',
      location: { latitude: 42.9, longitude: -78.9, state: 'NY' },
      weather: 'buffalo-ny',
      region: 'NYISO',
      interconnectMW: 50,
      cooling: 'liquid-evaporative',
      phases: [{ online: '2026-01-01', accelerator: 'h100', count: 500 }],
    },
  ],
};
const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
add('ok-json.json', json(baseJson), { exit: 0, message: 'ok', about: 'the base as JSON' });
add('ok-json-bom-crlf.json', `\ufeff${json(baseJson).replaceAll('\n', '\r\n')}`, {
  exit: 0,
  message: 'ok',
  about: 'JSON with BOM and CRLF',
});
add('ok-control-chars-name.yaml', edit('name: corpus-base', 'name: "evil\\e[2J\\e]0;title\\a\\u202Ename"'), {
  exit: 0,
  message: 'evil\\x1b[2J\\x1b]0;title\\x07\\u{202e}name',
  about: 'control characters in the name are accepted but escaped on the terminal',
});
add('ok-path-like-name.yaml', edit('name: corpus-base', 'name: ../../etc/passwd'), {
  exit: 0,
  message: 'ok',
  about: 'the name is free text: a path-like name is just text',
});
add('ok-warning-interconnect.yaml', edit('count: 1000 }', 'count: 300000 }'), {
  exit: 0,
  message: 'warning: ',
  about: 'IT power far over the interconnect is a warning, not an error',
});
add('ok-comments-around.yaml', `# a comment\n${BASE}# another\n`, {
  exit: 0,
  message: 'ok',
  about: 'comments before and after',
});

// --- empty and not-a-scenario documents ------------------------------------------------------
const emptyMsg = 'the file is empty';
add('empty.yaml', '', { exit: 2, message: `:1:1: (document): ${emptyMsg}`, about: 'an empty file' });
add('empty-comment-only.yaml', '# nothing but a comment\n# and another\n', {
  exit: 2,
  message: `:1:1: (document): ${emptyMsg}`,
  about: 'comments only',
});
add('empty-whitespace.yaml', '   \n\n\t\n', { exit: 2, message: ':1:1:', about: 'whitespace only' });
add('empty-doc-marker.yaml', '---\n', { exit: 2, message: ':1:1:', about: 'a bare document marker' });
add('not-object-null.yaml', 'null\n', { exit: 2, message: '(document)', about: 'null' });
add('not-object-scalar.yaml', '42\n', { exit: 2, message: '(document)', about: 'a number' });
add('not-object-list.yaml', '- a\n- b\n', { exit: 2, message: '(document)', about: 'a list' });
add('not-object-string.yaml', 'just some words\n', { exit: 2, message: '(document)', about: 'a string' });
add('json-empty-object.json', '{}\n', { exit: 2, message: 'name: is required', about: 'an empty object' });
add('json-array.json', '[1, 2, 3]\n', { exit: 2, message: '(document)', about: 'a JSON array' });

// --- syntax ---------------------------------------------------------------------------------
add('syntax-bad-indent.yaml', edit('    region: ERCOT', '      region: ERCOT'), {
  exit: 2,
  message: 'YAML syntax error',
  about: 'inconsistent indentation',
});
add('syntax-unclosed-quote.yaml', edit('name: corpus-base', 'name: "corpus-base'), {
  exit: 2,
  message: 'YAML syntax error',
  about: 'an unclosed quote',
});
add('syntax-unclosed-flow.yaml', edit('count: 1000 }', 'count: 1000'), {
  exit: 2,
  message: 'YAML syntax error',
  about: 'an unclosed flow mapping',
});
add('syntax-tab-indent.yaml', edit('    region: ERCOT', '\tregion: ERCOT'), {
  exit: 2,
  message: 'YAML syntax error',
  about: 'a tab used for indentation',
});
add('syntax-json-trailing-comma.json', '{"name": "x", "start": "2026-01-01",}\n', {
  exit: 2,
  message: 'end: is required',
  about: 'JSON with a trailing comma (YAML flow syntax accepts it)',
});
add('syntax-json-truncated.json', json(baseJson).slice(0, 200), {
  exit: 2,
  message: 'syntax error',
  about: 'JSON cut off in the middle',
});
add('syntax-two-documents.yaml', `${BASE}---\n${BASE}`, {
  exit: 2,
  message: 'YAML syntax error',
  about: 'two documents in one file',
});

// --- duplicate keys and ids ------------------------------------------------------------------
add('duplicate-key-name.yaml', `name: other\n${BASE}`, {
  exit: 2,
  message: 'YAML syntax error',
  about: 'the key name twice',
});
bad(
  'duplicate-key-in-site',
  '    region: ERCOT',
  '    region: ERCOT\n    region: SPP',
  'YAML syntax error',
  'a key twice in a site',
);
bad(
  'duplicate-key-in-flow',
  'count: 1000 }',
  'count: 1000, count: 2000 }',
  'YAML syntax error',
  'a key twice in a flow map',
);
add(
  'duplicate-site-id.yaml',
  `${BASE.slice(0, BASE.indexOf('compute:'))}${BASE.slice(BASE.indexOf('  - id: tx'), BASE.indexOf('compute:'))}${BASE.slice(BASE.indexOf('compute:'))}`,
  { exit: 2, message: 'sites[1].id: duplicate site id', about: 'two sites with one id' },
);
bad(
  'duplicate-phase-id',
  '      - { id: p1, online: 2026-01-01, rampDays: 2, accelerator: h100, count: 1000 }',
  '      - { id: p1, online: 2026-01-01, rampDays: 2, accelerator: h100, count: 1000 }\n      - { id: p1, online: 2026-01-05, accelerator: h100, count: 1000 }',
  'duplicate phase id',
  'two phases with one id',
);
add('duplicate-key-json.json', '{"name": "a", "name": "b"}\n', {
  exit: 2,
  message: 'syntax error',
  about: 'a duplicate key in JSON',
});

// --- wrong types -----------------------------------------------------------------------------
const wrongTypes: [string, string, string, string][] = [
  ['type-name-number', 'name: corpus-base', 'name: 123', 'name: '],
  ['type-name-list', 'name: corpus-base', 'name: [a, b]', 'name: '],
  ['type-start-number', 'start: 2026-01-01', 'start: 20260101', 'start: '],
  ['type-sites-string', 'sites:\n', 'sites: many\nx:\n', 'sites: '],
  ['type-sites-map', 'sites:\n  - id: tx', 'sites:\n  one:\n    id: tx', 'sites: '],
  [
    'type-interconnect-string',
    'interconnectMW: 100',
    'interconnectMW: "100 MW"',
    'sites[0].interconnectMW: ',
  ],
  ['type-interconnect-bool', 'interconnectMW: 100', 'interconnectMW: true', 'sites[0].interconnectMW: '],
  ['type-count-string', 'count: 1000 }', 'count: "1000" }', 'sites[0].phases[0].count: '],
  ['type-count-fraction', 'count: 1000 }', 'count: 1000.5 }', 'sites[0].phases[0].count: '],
  ['type-busy-string', 'busyFraction: 0.85', 'busyFraction: high', 'sites[0].utilisation.busyFraction: '],
  ['type-phases-map', 'phases:\n      - {', 'phases:\n      first: {', 'sites[0].phases: '],
  [
    'type-location-list',
    'location: { latitude: 32.4, longitude: -99.7, state: TX }',
    'location: [32.4, -99.7]',
    'sites[0].location: ',
  ],
  ['type-ramp-bool', 'rampDays: 2', 'rampDays: yes', 'sites[0].phases[0].rampDays: '],
  ['type-cooling-number', 'cooling: liquid-evaporative', 'cooling: 7', 'sites[0].cooling: '],
  ['type-compute-number', 'compute: { precision: bf16, mfu: 0.4 }', 'compute: 3', 'compute: '],
  ['type-economics-list', 'economics: { discountRate: 0.08 }', 'economics: [0.08]', 'economics: '],
  [
    'type-workloads-map',
    'economics: { discountRate: 0.08 }',
    'economics: { discountRate: 0.08 }\nworkloads: { a: 1 }',
    'workloads: ',
  ],
  ['type-replay-word', 'name: corpus-base', 'name: corpus-base\nreplay: sometimes', 'replay: '],
  [
    'type-online-number',
    'online: 2026-01-01, rampDays',
    'online: 5, rampDays',
    'sites[0].phases[0].online: ',
  ],
  ['type-state-long', 'state: TX', 'state: Texas', 'sites[0].location.state: '],
  [
    'type-price-string',
    'cooling: liquid-evaporative',
    'cooling: liquid-evaporative\n    electricityPrice: cheap',
    'sites[0].electricityPrice: ',
  ],
  [
    'type-hourly-shape-short',
    'busyFraction: 0.85',
    'busyFraction: 0.85, hourlyShape: [1, 2, 3]',
    'sites[0].utilisation.hourlyShape: ',
  ],
];
for (const [name, from, to, msg] of wrongTypes) bad(name, from, to, msg, `wrong type: ${to.split('\n')[0]}`);

// --- NaN and infinities (YAML .nan / .inf) ----------------------------------------------------
const nonFinite: [string, string, string, string][] = [
  ['nan-interconnect', 'interconnectMW: 100', 'interconnectMW: .nan', 'sites[0].interconnectMW: '],
  ['inf-interconnect', 'interconnectMW: 100', 'interconnectMW: .inf', 'sites[0].interconnectMW: '],
  ['neg-inf-interconnect', 'interconnectMW: 100', 'interconnectMW: -.inf', 'sites[0].interconnectMW: '],
  ['nan-count', 'count: 1000 }', 'count: .nan }', 'sites[0].phases[0].count: '],
  ['inf-count', 'count: 1000 }', 'count: .inf }', 'sites[0].phases[0].count: '],
  ['nan-busy', 'busyFraction: 0.85', 'busyFraction: .NaN', 'sites[0].utilisation.busyFraction: '],
  ['inf-latitude', 'latitude: 32.4', 'latitude: .Inf', 'sites[0].location.latitude: '],
  ['inf-ramp', 'rampDays: 2', 'rampDays: .inf', 'sites[0].phases[0].rampDays: '],
  ['nan-discount', 'discountRate: 0.08', 'discountRate: .nan', 'economics.discountRate: '],
  ['inf-mfu', 'mfu: 0.4', 'mfu: .inf', 'compute.mfu: '],
  ['inf-itmw', 'count: 1000 }', 'itMW: .inf }', 'sites[0].phases[0].itMW: '],
  ['nan-power-cap', 'count: 1000 }', 'count: 1000, powerCapW: .nan }', 'sites[0].phases[0].powerCapW: '],
];
for (const [name, from, to, msg] of nonFinite) bad(name, from, to, msg, `not finite: ${to}`);

// --- huge values -------------------------------------------------------------------------------
bad(
  'huge-count',
  'count: 1000 }',
  'count: 1e30 }',
  'sites[0].phases[0].count: Too big',
  'an absurd accelerator count',
);
bad(
  'huge-count-safe',
  'count: 1000 }',
  'count: 9e15 }',
  'over the limit of 5,000,000',
  'a huge but exact accelerator count',
);
bad('huge-itmw', 'count: 1000 }', 'itMW: 1e12 }', 'over the limit of 5,000,000', 'an absurd IT capacity');
bad(
  'huge-ramp',
  'rampDays: 2',
  'rampDays: 1e308',
  'the ramp in days is 1e+308, over the limit of 14,640 (raise it with GIGAWATT_MAX_DAYS)',
  'a ramp longer than any simulation (found by fuzzing: it made validation throw)',
);
bad(
  'huge-latitude',
  'latitude: 32.4',
  'latitude: 1e9',
  'sites[0].location.latitude: ',
  'latitude out of range',
);
bad(
  'huge-busy',
  'busyFraction: 0.85',
  'busyFraction: 2',
  'sites[0].utilisation.busyFraction: ',
  'a fraction over 1',
);
bad('huge-mfu', 'mfu: 0.4', 'mfu: 5', 'compute.mfu: ', 'MFU over 1');
bad(
  'huge-discount',
  'discountRate: 0.08',
  'discountRate: 1e9',
  'economics.discountRate: ',
  'an absurd discount rate',
);
bad(
  'huge-replay-year',
  'name: corpus-base',
  'name: corpus-base\nreplay: 99999',
  'replay: ',
  'a replay year far out of range',
);
bad(
  'huge-number-literal',
  'count: 1000 }',
  `count: 1${'0'.repeat(400)} }`,
  'sites[0].phases[0].count: ',
  'a 400-digit number (Infinity)',
);

// --- negative values ---------------------------------------------------------------------------
const negatives: [string, string, string, string][] = [
  ['neg-count', 'count: 1000 }', 'count: -5 }', 'sites[0].phases[0].count: '],
  ['neg-interconnect', 'interconnectMW: 100', 'interconnectMW: -1', 'sites[0].interconnectMW: '],
  ['zero-interconnect', 'interconnectMW: 100', 'interconnectMW: 0', 'sites[0].interconnectMW: '],
  ['neg-ramp', 'rampDays: 2', 'rampDays: -3', 'sites[0].phases[0].rampDays: '],
  ['neg-latitude', 'latitude: 32.4', 'latitude: -91', 'sites[0].location.latitude: '],
  ['neg-busy', 'busyFraction: 0.85', 'busyFraction: -0.1', 'sites[0].utilisation.busyFraction: '],
  ['neg-power-cap', 'count: 1000 }', 'count: 1000, powerCapW: -1 }', 'sites[0].phases[0].powerCapW: '],
  ['neg-discount', 'discountRate: 0.08', 'discountRate: -0.5', 'economics.discountRate: '],
  [
    'neg-lifetime',
    'discountRate: 0.08',
    'discountRate: 0.08, acceleratorLifetimeYears: -1',
    'economics.acceleratorLifetimeYears: ',
  ],
  [
    'neg-flat-price',
    'cooling: liquid-evaporative',
    'cooling: liquid-evaporative\n    electricityPrice: { flatUSDPerMWh: -10 }',
    'sites[0].electricityPrice',
  ],
  ['zero-count', 'count: 1000 }', 'count: 0 }', 'sites[0].phases[0].count: '],
  ['neg-itmw', 'count: 1000 }', 'itMW: -20 }', 'sites[0].phases[0].itMW: '],
];
for (const [name, from, to, msg] of negatives)
  bad(name, from, to, msg, `out of range: ${to.split('\n').pop()}`);

// --- unknown ids, with suggestions where one is near ---------------------------------------------
bad(
  'unknown-weather-near',
  'weather: abilene-tx',
  'weather: memphis',
  "did you mean 'memphis-tn'?",
  'a near-miss weather id',
);
bad(
  'unknown-weather-case',
  'weather: abilene-tx',
  'weather: Abilene-TX',
  "did you mean 'abilene-tx'?",
  'a weather id in the wrong case',
);
bad(
  'unknown-accelerator-near',
  'accelerator: h100',
  'accelerator: h1000',
  "did you mean 'h100'?",
  'a near-miss accelerator id',
);
bad(
  'unknown-accelerator-far',
  'accelerator: h100',
  'accelerator: quantum-chip',
  'must be one of: h100',
  'an unknown accelerator',
);
bad(
  'unknown-cooling',
  'cooling: liquid-evaporative',
  'cooling: liquid-evaporativ',
  "did you mean 'liquid-evaporative'?",
  'a cooling id missing a letter',
);
bad('unknown-region', 'region: ERCOT', 'region: ERCTO', "did you mean 'ERCOT'?", 'a transposed region id');
bad(
  'unknown-region-far',
  'region: ERCOT',
  'region: MARS',
  'sites[0].region: must be one of',
  'an unknown region',
);
bad(
  'unknown-price-series',
  'cooling: liquid-evaporative',
  'cooling: liquid-evaporative\n    electricityPrice: { series: nowhere }',
  'sites[0].electricityPrice',
  'an unknown price series',
);
bad(
  'unknown-precision',
  'precision: bf16',
  'precision: fp4',
  'compute.precision: must be one of',
  'an unknown precision',
);
bad(
  'unknown-accel-price',
  'discountRate: 0.08',
  'discountRate: 0.08, acceleratorPriceUSD: { h1000: 30000 }',
  'economics.acceleratorPriceUSD',
  'a price for an unknown accelerator',
);
bad(
  'unknown-override-accel',
  'compute:',
  'acceleratorOverrides: { x99: { boardPowerW: 700 } }\ncompute:',
  'acceleratorOverrides',
  'an override for an unknown accelerator',
);

// --- unknown field names, with suggestions ------------------------------------------------------
bad(
  'unknown-field-acelerator',
  'accelerator: h100',
  'acelerator: h100',
  "did you mean 'accelerator'?",
  'a misspelt field in a phase',
);
bad(
  'unknown-field-interconect',
  'interconnectMW: 100',
  'interconectMW: 100',
  "did you mean 'interconnectMW'?",
  'a misspelt field in a site',
);
bad(
  'unknown-field-busyfraction',
  'busyFraction: 0.85',
  'busyfraction: 0.85',
  "did you mean 'busyFraction'?",
  'a field in the wrong case',
);
bad(
  'unknown-field-top',
  'name: corpus-base',
  'name: corpus-base\nnmae: typo',
  "did you mean 'name'?",
  'a misspelt top-level field',
);
bad(
  'unknown-field-far',
  'name: corpus-base',
  'name: corpus-base\ncolour: blue',
  "unknown field(s) 'colour'",
  'an unknown top-level field',
);
bad(
  'unknown-field-discount',
  'discountRate: 0.08',
  'discountrate: 0.08',
  "did you mean 'discountRate'?",
  'a misspelt economics field',
);

// --- dates ---------------------------------------------------------------------------------------
bad('date-feb-30', 'end: 2026-01-07', 'end: 2026-02-30', 'end: ', 'February 30th');
bad('date-month-13', 'start: 2026-01-01', 'start: 2026-13-01', 'start: ', 'month 13');
bad(
  'date-end-before-start',
  'end: 2026-01-07',
  'end: 2025-12-01',
  'end: must not be before start',
  'end before start',
);
bad('date-words', 'start: 2026-01-01', 'start: tomorrow', 'start: ', 'a word for a date');
bad(
  'date-with-time',
  'start: 2026-01-01',
  'start: 2026-01-01T00:00:00Z',
  'start: ',
  'a timestamp for a date',
);

// --- path-like ids --------------------------------------------------------------------------------
bad('path-site-id', 'id: tx', 'id: ../../etc', 'sites[0].id: ', 'a site id that is a path');
bad('path-site-id-abs', 'id: tx', 'id: /etc/passwd', 'sites[0].id: ', 'an absolute path as a site id');
bad(
  'path-weather',
  'weather: abilene-tx',
  'weather: ../../../etc/passwd',
  'sites[0].weather: must be one of',
  'a weather id that is a path',
);
bad(
  'path-region',
  'region: ERCOT',
  'region: ../data/grid',
  'sites[0].region: must be one of',
  'a region id that is a path',
);
bad(
  'path-price-series',
  'cooling: liquid-evaporative',
  'cooling: liquid-evaporative\n    electricityPrice: { series: /etc/passwd }',
  'sites[0].electricityPrice',
  'a price series that is a path',
);
bad(
  'path-accelerator',
  'accelerator: h100',
  'accelerator: "..\\\\..\\\\windows"',
  'sites[0].phases[0].accelerator: must be one of',
  'a Windows path as an accelerator',
);
add('ok-phase-id-nul.yaml', edit('id: p1', 'id: "p1\\0../x"'), {
  exit: 0,
  message: 'ok',
  about: 'a phase id is free text (never a file name): a NUL and a path in it are accepted',
});
bad('path-site-id-url', 'id: tx', 'id: "file:///etc/passwd"', 'sites[0].id: ', 'a URL as a site id');

// --- prototype keys --------------------------------------------------------------------------------
const proto = "the key '__proto__' is not allowed";
add('proto-top.yaml', `${BASE}__proto__: { polluted: 1 }\n`, {
  exit: 2,
  message: `__proto__: ${proto}`,
  about: '__proto__ at the top',
});
bad(
  'proto-site',
  '    region: ERCOT',
  '    region: ERCOT\n    __proto__: { isAdmin: true }',
  `sites[0].__proto__: ${proto}`,
  '__proto__ in a site',
);
bad(
  'proto-phase',
  'count: 1000 }',
  'count: 1000, __proto__: { x: 1 } }',
  `sites[0].phases[0].__proto__: ${proto}`,
  '__proto__ in a phase',
);
bad(
  'proto-constructor',
  'name: corpus-base',
  'name: corpus-base\nconstructor: { prototype: { polluted: 1 } }',
  "the key 'constructor' is not allowed",
  'constructor.prototype at the top',
);
bad(
  'proto-prototype',
  'discountRate: 0.08',
  'discountRate: 0.08, prototype: 1',
  "economics.prototype: the key 'prototype' is not allowed",
  'prototype in economics',
);
bad(
  'proto-price-record',
  'discountRate: 0.08',
  'discountRate: 0.08, acceleratorPriceUSD: { __proto__: 1 }',
  `economics.acceleratorPriceUSD.__proto__: ${proto}`,
  '__proto__ as a record key',
);
bad(
  'proto-overrides',
  'compute:',
  'acceleratorOverrides: { constructor: { boardPowerW: 1 } }\ncompute:',
  "acceleratorOverrides.constructor: the key 'constructor' is not allowed",
  'constructor as an override key',
);
bad(
  'proto-location',
  'state: TX }',
  'state: TX, __proto__: null }',
  `sites[0].location.__proto__: ${proto}`,
  '__proto__: null in the location',
);
bad(
  'proto-quoted',
  'name: corpus-base',
  'name: corpus-base\n"__proto__": 1',
  proto,
  'a quoted __proto__ key',
);
add(
  'proto-json.json',
  json({ ...baseJson, ['__proto__']: { polluted: true } }).replace('"__proto__"', '"__proto__"'),
  {
    exit: 2,
    message: `__proto__: ${proto}`,
    about: '__proto__ in JSON',
  },
);
{
  // JSON.stringify drops a __proto__ set by spread; write the key by hand.
  const text = json(baseJson).replace('{\n', '{\n  "__proto__": {"polluted": true},\n');
  cases.delete('proto-json.json');
  add('proto-json.json', text, { exit: 2, message: `__proto__: ${proto}`, about: '__proto__ in JSON' });
}
add(
  'proto-json-nested.json',
  json(baseJson).replace('"cooling"', '"constructor": {"prototype": {"x": 1}},\n      "cooling"'),
  {
    exit: 2,
    message: "sites[0].constructor: the key 'constructor' is not allowed",
    about: 'constructor.prototype in a JSON site',
  },
);
add(
  'proto-workload.yaml',
  `${BASE}workloads:\n  - { kind: training, id: w, totalFLOP: 1e24, site: tx, count: 100, __proto__: { x: 1 } }\n`,
  {
    exit: 2,
    message: `workloads[0].__proto__: ${proto}`,
    about: '__proto__ in a workload',
  },
);

// --- limits (the defaults of src/model/limits.ts) ----------------------------------------------------
bad(
  'limit-span-year-zero',
  'start: 2026-01-01',
  'start: 0000-01-01',
  'over the limit of 14,640 (raise it with GIGAWATT_MAX_DAYS)',
  'a 2,026-year span (the 19 s / 7.8 GB request)',
);
bad(
  'limit-span-far-future',
  'end: 2026-01-07',
  'end: 9999-12-31',
  'GIGAWATT_MAX_DAYS',
  'a span to year 9999',
);
bad(
  'limit-phase-count',
  'count: 1000 }',
  'count: 5000001 }',
  'GIGAWATT_MAX_ACCELERATORS_PER_PHASE',
  'one accelerator over the phase limit',
);
{
  const phases = Array.from(
    { length: 5 },
    (_, i) => `      - { id: p${i + 1}, online: 2026-01-0${i + 1}, accelerator: h100, count: 4500000 }`,
  ).join('\n');
  add(
    'limit-site-accelerators.yaml',
    edit('      - { id: p1, online: 2026-01-01, rampDays: 2, accelerator: h100, count: 1000 }', phases),
    {
      exit: 2,
      message: 'GIGAWATT_MAX_ACCELERATORS_PER_SITE',
      about: '22.5 million accelerators at one site',
    },
  );
  const many = Array.from(
    { length: 101 },
    (_, i) => `      - { id: p${i + 1}, online: 2026-01-01, accelerator: h100, count: 10 }`,
  ).join('\n');
  add(
    'limit-phases.yaml',
    edit('      - { id: p1, online: 2026-01-01, rampDays: 2, accelerator: h100, count: 1000 }', many),
    {
      exit: 2,
      message:
        'the number of phases is 101, over the limit of 100 (raise it with GIGAWATT_MAX_PHASES_PER_SITE)',
      about: '101 phases at one site',
    },
  );
  const site = BASE.slice(BASE.indexOf('  - id: tx'), BASE.indexOf('compute:'));
  const sites = Array.from({ length: 501 }, (_, i) => site.replace('id: tx', `id: s${i}`)).join('');
  add(
    'limit-sites.yaml',
    `${BASE.slice(0, BASE.indexOf('  - id: tx'))}${sites}${BASE.slice(BASE.indexOf('compute:'))}`,
    {
      exit: 2,
      message: 'the number of sites is 501, over the limit of 500 (raise it with GIGAWATT_MAX_SITES)',
      about: '501 sites',
    },
  );
  const fleet = Array.from({ length: 76 }, (_, i) => site.replace('id: tx', `id: s${i}`)).join('');
  add(
    'limit-site-days.yaml',
    `${BASE.slice(0, BASE.indexOf('  - id: tx')).replace('end: 2026-01-07', 'end: 2065-12-31')}${fleet}${BASE.slice(BASE.indexOf('compute:'))}`,
    {
      exit: 2,
      message:
        'sites x simulated days (76 x 14,610) is 1,110,360, over the limit of 1,098,000 (raise it with GIGAWATT_MAX_SITE_DAYS)',
      about: '76 sites over 40 years: more hourly series than the memory limit allows',
    },
  );
  const workloads = Array.from(
    { length: 201 },
    (_, i) => `  - { kind: training, id: w${i}, totalFLOP: 1e20, site: tx, count: 8 }`,
  ).join('\n');
  add('limit-workloads.yaml', `${BASE}workloads:\n${workloads}\n`, {
    exit: 2,
    message: 'the number of workloads is 201, over the limit of 200 (raise it with GIGAWATT_MAX_WORKLOADS)',
    about: '201 workloads',
  });
}

// --- alias bombs and aliases -----------------------------------------------------------------------
{
  const laughs = (levels: number, width: number) => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < levels; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  };
  const bomb = 'an alias bomb';
  add('alias-bomb-billion-laughs.yaml', laughs(9, 9), {
    exit: 2,
    message: 'GIGAWATT_MAX_YAML_ALIASES',
    about: `${bomb}: 9 levels of 9`,
  });
  add('alias-bomb-wide.yaml', laughs(3, 200), {
    exit: 2,
    message: 'GIGAWATT_MAX_YAML_ALIASES',
    about: `${bomb}: 3 levels of 200`,
  });
  add(
    'alias-bomb-in-scenario.yaml',
    `${BASE}description: &d [x, x, x, x, x, x, x, x, x, x]\ntitle: [${Array.from({ length: 20 }, () => '[*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]').join(', ')}]\n`,
    {
      exit: 2,
      message: 'GIGAWATT_MAX_YAML_ALIASES',
      about: `${bomb} inside a valid scenario`,
    },
  );
  add(
    'alias-bomb-keys.yaml',
    `k: &k {${Array.from({ length: 12 }, (_, i) => `x${i}: 1`).join(', ')}}\n${Array.from({ length: 150 }, (_, i) => `m${i}: *k`).join('\n')}\n`,
    {
      exit: 2,
      message: 'GIGAWATT_MAX_YAML_ALIASES',
      about: '150 aliases of one map',
    },
  );
  add('alias-unknown.yaml', edit('interconnectMW: 100', 'interconnectMW: *nowhere'), {
    exit: 2,
    message: 'YAML',
    about: 'an alias to an anchor that does not exist',
  });
  add(
    'alias-ok-few.yaml',
    edit('interconnectMW: 100', 'interconnectMW: &mw 100').replace('compute:', 'title: *mw\ncompute:'),
    {
      exit: 2,
      message: 'title: ',
      about: 'a harmless alias whose value has the wrong type for its field',
    },
  );
}

// --- deep nesting -----------------------------------------------------------------------------------
add('deep-yaml-flow-100.yaml', `${BASE}description: ${'['.repeat(100)}${']'.repeat(100)}\n`, {
  exit: 2,
  message: 'nested deeper than 64 levels',
  about: '100-deep flow sequence',
});
add('deep-json-10000.json', `{"name": ${'['.repeat(10000)}${']'.repeat(10000)}}\n`, {
  exit: 2,
  message: 'nested deeper than 64 levels',
  about: '10,000-deep JSON array',
});
add('deep-json-objects-2000.json', `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}\n`, {
  exit: 2,
  message: 'nested deeper than 64 levels',
  about: '2,000-deep JSON objects',
});
add(
  'deep-block-yaml-80.yaml',
  `${BASE}workloads:\n${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}- `).join('\n')}x\n`,
  {
    exit: 2,
    message: 'nested deeper than 64 levels',
    about: '80-deep block sequence',
  },
);

// --- binary garbage and wrong encodings ------------------------------------------------------------------
add('binary-random-1k.bin', bytes(1024, 1), { exit: 2, message: '', about: '1 KiB of random bytes' });
add('binary-random-64k.yaml', bytes(65536, 2), {
  exit: 2,
  message: '',
  about: '64 KiB of random bytes named .yaml',
});
add('binary-nul.yaml', new Uint8Array(512), { exit: 2, message: '', about: '512 NUL bytes' });
add(
  'binary-png-header.yaml',
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...bytes(200, 3)]),
  {
    exit: 2,
    message: '',
    about: 'a PNG file named .yaml',
  },
);
add('binary-gzip.json', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, ...bytes(300, 4)]), {
  exit: 2,
  message: '',
  about: 'gzip bytes named .json',
});
add(
  'binary-utf16.yaml',
  (() => {
    const out = new Uint8Array(2 + BASE.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < BASE.length; i++) out[2 + 2 * i] = BASE.charCodeAt(i);
    return out;
  })(),
  { exit: 2, message: '', about: 'UTF-16 LE text' },
);
add(
  'binary-invalid-utf8.yaml',
  Uint8Array.from([
    ...new TextEncoder().encode('name: bad'),
    0xc3,
    0x28,
    0xff,
    ...new TextEncoder().encode(BASE.slice(BASE.indexOf('\n'))),
  ]),
  {
    exit: 0,
    message: 'ok',
    about: 'invalid UTF-8 in the name is decoded as replacement characters, not an error',
  },
);
add('binary-control-in-key.yaml', edit('interconnectMW: 100', '"interconnect\\u0007MW": 100'), {
  exit: 2,
  message: "sites[0]: unknown field(s) 'interconnect",
  about: 'a bell character in a key (escaped on the terminal)',
});
add('binary-escape-in-weather.yaml', edit('weather: abilene-tx', 'weather: "\\e[31mred"'), {
  exit: 2,
  message: 'sites[0].weather: must be one of',
  about: 'an escape sequence as a weather id',
});

const files = [...cases.keys()].sort();
if (files.length < 120) throw new Error(`corpus: only ${files.length} cases (want at least 120)`);
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(join(dir, f));
const expected: Record<string, CorpusCase> = {};
for (const f of files) {
  const c = cases.get(f) as { content: string | Uint8Array; expect: CorpusCase };
  writeFileSync(join(dir, f), c.content);
  expected[f] = c.expect;
}
writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
process.stdout.write(`wrote ${files.length} corpus files and expected.json to ${dir}\n`);
