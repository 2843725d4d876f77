/** `gigawatt runs`, `gigawatt show RUN`, `gigawatt compare RUN RUN`: the results store from the CLI. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { RunSummary } from '../../analysis/summary.js';
import type { SweepReport } from '../../analysis/sweep/report.js';
import type { RunStore } from '../../io/store/run-store.js';
import { storePath } from '../../io/store/store-path.js';
import { formatSummary } from '../format.js';
import { formatSweep } from '../format-sweep.js';
import { count, energy, flop, power, table, tonnes, usd, water } from '../quantities.js';
import { terminalText } from '../terminal-text.js';
import { UsageError } from '../usage-error.js';
import { numberOption } from './cli-numbers.js';

interface StoreOption {
  store?: string | boolean;
  json?: boolean;
}

async function openExisting(opt: string | boolean | undefined): Promise<RunStore> {
  const path = storePath(opt);
  if (path === undefined) throw new UsageError('no results store (--no-store or GIGAWATT_STORE=none)');
  if (!existsSync(path))
    throw new UsageError(`no results store at ${path} yet: run \`gigawatt run\` or \`gigawatt sweep\` first`);
  // DuckDB is loaded by the commands that read the store, not by every command of the CLI.
  const { RunStore } = await import('../../io/store/run-store.js');
  return RunStore.open(path);
}

function runId(arg: string): number {
  const n = Number(arg);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`RUN must be a run id from \`gigawatt runs\` (got ${JSON.stringify(arg)})`);
  return n;
}

/** Most runs `gigawatt runs --limit` lists at once (a sane bound: more is a query for DuckDB itself). */
const MAX_LIST = 100_000;

const STORE_HELP = 'results store (default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb)';

async function runsCommand(opts: StoreOption & { limit: string }): Promise<void> {
  const limit = numberOption('--limit', opts.limit, { integer: true, min: 1, max: MAX_LIST }) as number;
  const store = await openExisting(opts.store);
  try {
    const rows = await store.listRuns(limit);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) {
      process.stdout.write(`no runs in ${store.path}\n`);
      return;
    }
    const table = [
      ['id', 'kind', 'scenario', 'created (UTC)', 'status', 'samples', 'seed', 'version'],
      ...rows.map((r) => [
        String(r.id),
        r.kind,
        terminalText(r.scenario),
        r.createdAt,
        r.status === 'running' && r.kind === 'sweep' ? 'incomplete' : r.status,
        r.kind === 'sweep' ? `${r.samplesStored}/${r.samples ?? '?'}` : '',
        r.seed === null ? '' : String(r.seed),
        r.version,
      ]),
    ];
    const w = (table[0] as string[]).map((_, c) =>
      Math.max(...table.map((row) => (row[c] as string).length)),
    );
    const lines = table.map((row, i) => {
      const line = row.map((x, c) => x.padEnd(w[c] as number)).join('  ');
      return i === 0 ? pc.bold(line) : line;
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    store.close();
  }
}

async function showCommand(arg: string, opts: StoreOption & { parquet?: string }): Promise<void> {
  const store = await openExisting(opts.store);
  try {
    const id = runId(arg);
    const run = await store.getRun(id);
    if (!run) throw new UsageError(`no run ${id} in ${store.path} (see \`gigawatt runs\`)`);
    if (opts.parquet) {
      const files = await store.exportParquet(id, opts.parquet);
      process.stderr.write(`wrote ${files.join(', ')}\n`);
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ ...run, metrics: await store.metrics(id) }, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      pc.dim(`run ${run.id} · ${run.kind} · ${run.createdAt} UTC · gigawatt ${run.version}\n`),
    );
    if (run.report === null) {
      process.stdout.write(
        `${run.scenario}: ${run.kind} did not finish; ${run.samplesStored} of ${run.samples ?? '?'} samples were stored (export them with --parquet DIR)\n`,
      );
    } else if (run.kind === 'run') process.stdout.write(`${formatSummary(run.report as RunSummary)}\n`);
    else process.stdout.write(`${formatSweep(run.report as SweepReport)}\n`);
  } finally {
    store.close();
  }
}

/**
 * A metric's value as `gigawatt run` prints it: the unit read from the metric's name (MWh, MW, USD,
 * tonnes, m³, FLOP), thousands separators for counts, one minus sign (U+2212).
 */
export function formatMetric(name: string, x: number | null): string {
  if (x === null) return '—';
  const base = name.replace(/\.(p5|p50|p95|mean|min|max)$/, '');
  const abs = Math.abs(x);
  let text: string;
  if (base.endsWith('MWh')) text = energy(abs);
  else if (base.endsWith('MW')) text = power(abs);
  else if (base.endsWith('USD')) text = usd(abs);
  else if (/Tonnes$/.test(base)) text = tonnes(abs);
  else if (base.endsWith('M3')) text = water(abs);
  else if (base.endsWith('FLOP')) text = flop(abs);
  else if (base.endsWith('Year')) return String(Math.round(x));
  else if (base === 'irr') text = `${(100 * abs).toFixed(1)} %`;
  else if (Number.isInteger(x) || abs >= 1000) text = count(abs);
  else text = String(Number(abs.toPrecision(4)));
  return x < 0 ? `\u2212${text}` : text;
}

/**
 * The metrics of a saved run or sweep, on a basis another run can meet: a sweep's metrics are its
 * quantiles (`npvUSD.p50`); compared with a single run, a sweep is read at its P50.
 */
function comparable(metrics: Record<string, number | null>, asP50: boolean): Record<string, number | null> {
  if (!asP50) return metrics;
  const out: Record<string, number | null> = Object.create(null);
  for (const [k, v] of Object.entries(metrics)) if (k.endsWith('.p50')) out[k.slice(0, -4)] = v;
  return out;
}

async function compareCommand(a: string, b: string, opts: StoreOption & { all?: boolean }): Promise<void> {
  const store = await openExisting(opts.store);
  try {
    const [ia, ib] = [runId(a), runId(b)];
    const runs = [await store.getRun(ia), await store.getRun(ib)];
    for (const [i, id] of [ia, ib].entries())
      if (!runs[i]) throw new UsageError(`no run ${id} in ${store.path}`);
    const kinds = runs.map((r) => r?.kind);
    const mixed = kinds[0] !== kinds[1];
    const [ma, mb] = [
      comparable(await store.metrics(ia), mixed && kinds[0] !== 'run'),
      comparable(await store.metrics(ib), mixed && kinds[1] !== 'run'),
    ];
    const keys = [...new Set([...Object.keys(ma), ...Object.keys(mb)])].sort();
    const rows = keys
      .map((k) => {
        const x = ma[k] ?? null;
        const y = mb[k] ?? null;
        const delta = x !== null && y !== null ? y - x : null;
        const pct =
          delta !== null && x !== null && x !== 0 && !k.includes('Year') ? (100 * delta) / Math.abs(x) : null;
        return { metric: k, a: x, b: y, delta, percent: pct };
      })
      .filter((r) => opts.all || r.a !== r.b);
    const basis = mixed ? 'a run against a sweep: the sweep at its P50' : undefined;
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ a: ia, b: ib, ...(basis ? { basis } : {}), metrics: rows }, null, 2)}\n`,
      );
      return;
    }
    const label = (i: number, id: number) => `${kinds[i] === 'run' ? 'run' : `${kinds[i]} P50`} ${id}`;
    const header = ['metric', label(0, ia), label(1, ib), 'difference', '%'];
    const body = rows.map((r) => [
      r.metric,
      formatMetric(r.metric, r.a),
      formatMetric(r.metric, r.b),
      r.delta === null || r.metric.endsWith('Year')
        ? r.delta === null
          ? '—'
          : `${r.delta > 0 ? '+' : r.delta < 0 ? '\u2212' : ''}${Math.abs(Math.round(r.delta))} years`
        : `${r.delta > 0 ? '+' : ''}${formatMetric(r.metric, r.delta)}`,
      r.percent === null ? '' : `${r.percent >= 0 ? '+' : '\u2212'}${Math.abs(r.percent).toFixed(2)} %`,
    ]);
    if (basis) process.stdout.write(`${pc.dim(basis)}\n`);
    process.stdout.write(`${table(header, body)}\n`);
    if (rows.length === 0) process.stdout.write('no differences\n');
  } finally {
    store.close();
  }
}

export function registerRuns(cli: Command): void {
  cli
    .command('runs')
    .description('list the runs and sweeps saved in the results store')
    .option('--store <path>', STORE_HELP)
    .option('--limit <n>', 'most recent N', '50')
    .option('--json', 'as JSON')
    .addHelpText('after', '\nExamples:\n  $ gigawatt runs\n  $ gigawatt runs --store ./runs.duckdb --json')
    .action(runsCommand);
  cli
    .command('show')
    .description('reprint a saved run or sweep; export its rows as Parquet')
    .argument('<run>', 'run id (gigawatt runs)')
    .option('--store <path>', STORE_HELP)
    .option('--json', 'the stored record and metrics as JSON')
    .option('--parquet <dir>', 'write runs/metrics/samples/hourly rows of this run as Parquet into DIR')
    .addHelpText(
      'after',
      '\nExamples:\n  $ gigawatt show 3\n  $ gigawatt show 3 --parquet out/run-3   # then: duckdb -c "FROM \'out/run-3/samples.parquet\'"',
    )
    .action(showCommand);
  cli
    .command('compare')
    .description('compare the metrics of two saved runs (or sweeps: their P5/P50/P95)')
    .argument('<a>', 'run id')
    .argument('<b>', 'run id')
    .option('--store <path>', STORE_HELP)
    .option('--all', 'also list metrics that are equal')
    .option('--json', 'as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ gigawatt compare 3 4\n  $ gigawatt compare 3 4 --json | jq \'.metrics[] | select(.metric == "npvUSD")\'',
    )
    .action(compareCommand);
}
