/**
 * The bad-input corpus (test/corpus/, written by scripts/make-corpus.ts): every file through the CLI
 * (`gigawatt validate`, in batches, and `gigawatt run` for one file of each family) and through
 * POST /api/run (`app.request()`, no socket). Each must give its expected answer from
 * test/corpus/expected.json: accepted, or refused with exit 2 / HTTP 400 or 413, a message with the
 * expected text (located at line:column where the problem is inside the document), never a stack
 * trace, a 500, or a raw control character on the terminal.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusCase } from '../scripts/make-corpus.js';
import { createApp } from '../src/server/app.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const corpus = 'test/corpus';
const expected = JSON.parse(readFileSync(join(root, corpus, 'expected.json'), 'utf8')) as Record<
  string,
  CorpusCase
>;
const names = Object.keys(expected).sort();
const env = { ...process.env, NO_COLOR: '1', GIGAWATT_STORE: 'none', GIGAWATT_DEBUG: '' };

/** Raw control characters (but newline) that must never reach a terminal. */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-\t\v-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}-${String.fromCharCode(0x9f)}\u202a-\u202e\u2066-\u2069]`,
);

function gigawatt(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the corpus', () => {
  it('has at least 120 files covering every family', () => {
    expect(names.length).toBeGreaterThanOrEqual(120);
    const families = new Set(names.map((n) => n.split('-')[0]));
    for (const f of [
      'ok',
      'empty',
      'syntax',
      'duplicate',
      'type',
      'nan',
      'inf',
      'huge',
      'neg',
      'unknown',
      'date',
      'path',
      'proto',
      'limit',
      'alias',
      'deep',
      'binary',
    ])
      expect(families, f).toContain(f);
    expect(names.filter((n) => expected[n]?.exit === 0).length).toBeGreaterThanOrEqual(8);
  });
});

describe('gigawatt validate on every corpus file', () => {
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += 80) batches.push(names.slice(i, i + 80));
  it.each(batches.map((b, i) => [i, b] as const))('batch %i', (_, batch) => {
    const r = gigawatt('validate', ...batch.map((n) => `${corpus}/${n}`));
    const anyBad = batch.some((n) => expected[n]?.exit === 2);
    expect(r.status, r.stderr).toBe(anyBad ? 2 : 0);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    const out = r.stdout.split('\n');
    const err = r.stderr.split('\n');
    for (const n of batch) {
      const file = `${corpus}/${n}`;
      const want = expected[n] as CorpusCase;
      const ok = out.filter((l) => l.startsWith(`ok ${file}:`));
      const problems = err.filter((l) => l.startsWith(`${file}:`));
      const warnings = err.filter((l) => l.startsWith(`warning: ${file}:`));
      const all = [...ok, ...problems, ...warnings].join('\n');
      if (want.exit === 0) {
        expect(ok, `${n}: ${r.stderr}`).toHaveLength(1);
        expect(problems, n).toEqual([]);
      } else {
        expect(ok, n).toEqual([]);
        expect(problems.length, `${n} has no message; stderr:\n${r.stderr}`).toBeGreaterThan(0);
        if (want.located)
          expect(problems[0], n).toMatch(
            new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
          );
      }
      expect(all, n).toContain(want.message);
    }
  });
});

describe('gigawatt run: the exit status per family', () => {
  it.each(['alias-bomb-billion-laughs.yaml', 'limit-span-year-zero.yaml', 'deep-json-10000.json'])(
    '%s: exit 2 with the located message',
    (n) => {
      const r = gigawatt('run', `${corpus}/${n}`, '--no-store', '--json');
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(expected[n]?.message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('POST /api/run on every corpus file', () => {
  const app = createApp({ store: false });
  const post = (body: unknown) =>
    app.request('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const text = (n: string) => new TextDecoder().decode(readFileSync(join(root, corpus, n)));

  it.each(names)('%s as YAML text', async (n) => {
    const want = expected[n] as CorpusCase;
    const r = await post({ yaml: text(n) });
    if (want.exit === 0) {
      expect(r.status, await r.clone().text()).toBe(200);
      return;
    }
    expect([400, 413]).toContain(r.status);
    const body = (await r.json()) as { error: string; details?: { text?: string }[] };
    expect(typeof body.error).toBe('string');
    if (r.status === 400) {
      const texts = (body.details ?? []).map((d) => d.text ?? '').join('\n');
      expect(texts, n).toContain(want.message);
      if (want.located) expect(texts).toMatch(/^request\.yaml:\d+:\d+: /);
    }
  });

  const jsonCases = names.filter((n) => {
    if (!n.endsWith('.json')) return false;
    try {
      JSON.parse(text(n).replace(/^\ufeff/, ''));
      return true;
    } catch {
      return false;
    }
  });
  // The server's request schema (src/server/schemas.ts, z.record) copies the object and drops a
  // top-level `__proto__` key before the scenario is validated: harmless (Object.prototype stays
  // clean, asserted below) but not refused. Until the server validates the object as sent, either answer.
  it.each(jsonCases)('%s as a scenario object', async (n) => {
    const want = expected[n] as CorpusCase;
    // The body is built as text: JSON.stringify of a 10,000-deep value would overflow the stack here.
    const r = await app.request('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"scenario": ${text(n).replace(/^\ufeff/, '')}}`,
    });
    const status = r.status;
    expect(status, await r.clone().text()).toBe(want.exit === 0 ? 200 : 400);
    if (status === 400 && /proto/.test(n)) {
      // the request guard (src/server/security.ts) refuses a prototype key anywhere in the body before
      // the scenario is validated, naming the key's path
      const body = (await r.json()) as { error: string };
      expect(body.error).toMatch(/the key "scenario\.(sites\[0\]\.)?(__proto__|constructor)" is not allowed/);
    } else if (status === 400 && /deep/.test(n)) {
      const body = (await r.json()) as { error: string; details: { text: string }[] };
      expect([body.error, ...body.details.map((d) => d.text)].join('\n')).toContain(want.message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves Object.prototype clean and the server answering', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
