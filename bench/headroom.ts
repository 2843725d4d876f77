/**
 * Benchmark `headroom`: `gigawatt headroom` over every bundled balancing authority (31 BAs × UTC years
 * 2016–2024, ~2.4 M hours, 40 gzip CSV files) — issue 11's target is < 2 s.
 *
 * What is timed: the whole command as a user runs it, `node dist/cli.js headroom --json`, in a fresh process
 * each time (cold caches: Node start-up, reading and gunzipping the files, screening, thresholds, the exact
 * solve at 4 limits, JSON). Reported: median and minimum wall seconds over `runs`, the median CPU seconds of
 * the child (user + system, from bash's `time`), the national total at 0.5 %, and the 1-minute load average
 * (this machine is shared: wall time under load overstates the cost).
 *
 * Run alone: `npm run build && npx tsx bench/headroom.ts [runs]`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT_FILE = join(tmpdir(), `gigawatt-bench-headroom-${process.pid}.json`);

export interface HeadroomBenchResult {
  readonly benchmark: 'headroom';
  readonly bas: number;
  readonly years: string;
  readonly runs: number;
  readonly medianWallSeconds: number;
  readonly minWallSeconds: number;
  readonly medianCpuSeconds: number;
  readonly nationalHalfPctGW: number;
  readonly loadAverage1m: number;
  readonly targetSeconds: 2;
}

interface NationalJson {
  bas: number;
  years: number[] | null;
  total: { curtailmentPct: number; headroomMW: number }[];
}

function runOnce(): { wallSeconds: number; cpuSeconds: number; out: NationalJson } {
  const t0 = performance.now();
  const r = spawnSync(
    'bash',
    ['-c', `TIMEFORMAT="%U %S"; { time node dist/cli.js headroom --json > ${OUT_FILE}; } 2>&1`],
    { encoding: 'utf8' },
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`headroom failed (${r.status}): ${r.stdout}${r.stderr}`);
  const [user, sys] = r.stdout.trim().split(/\s+/).slice(-2).map(Number) as [number, number];
  const out = JSON.parse(readFileSync(OUT_FILE, 'utf8')) as NationalJson;
  return { wallSeconds, cpuSeconds: user + sys, out };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export async function benchHeadroom(runs = 3): Promise<HeadroomBenchResult> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let last: NationalJson | undefined;
  for (let i = 0; i < runs; i++) {
    const r = runOnce();
    walls.push(r.wallSeconds);
    cpus.push(r.cpuSeconds);
    last = r.out;
    process.stderr.write(
      `headroom: run ${i + 1}: ${r.wallSeconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU\n`,
    );
  }
  const out = last as NationalJson;
  const half = out.total.find((t) => t.curtailmentPct === 0.5);
  return {
    benchmark: 'headroom',
    bas: out.bas,
    years: out.years === null ? 'per BA' : `${out.years[0]}–${out.years[out.years.length - 1]}`,
    runs,
    medianWallSeconds: Number(median(walls).toFixed(3)),
    minWallSeconds: Number(Math.min(...walls).toFixed(3)),
    medianCpuSeconds: Number(median(cpus).toFixed(3)),
    nationalHalfPctGW: Number(((half?.headroomMW ?? Number.NaN) / 1000).toFixed(2)),
    loadAverage1m: Number((loadavg()[0] as number).toFixed(2)),
    targetSeconds: 2,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 3);
  process.stdout.write(`${JSON.stringify(await benchHeadroom(n))}\n`);
}
