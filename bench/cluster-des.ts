/**
 * Benchmark `cluster-des`: the event-driven cluster simulator (src/cluster/) on the fixed benchmark
 * model `bench-cluster` (shared/docs/bench-cluster.md, src/cluster/bench-model.ts): one year of a
 * 1 GW campus, 7,000 NVL72-size racks, 6 training jobs, inference, spares, Llama 3 failure rates.
 *
 * What is timed: `runBenchModel(seed)` for seeds 1..N, each an independent year, on one core (the
 * simulator is single-threaded). Building the model is included (it is a few arrays).
 * Reported: events handled (stale events of redrawn failure processes are not counted), wall seconds,
 * events per second, seconds per campus-year (mean), and the mean goodput over jobs and seeds.
 *
 * Run alone: `npx tsx bench/cluster-des.ts [replications]`. Profile:
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/cluster-des.ts 5`.
 */
import { BENCH_MODEL_NAME, runBenchModel } from '../src/cluster/bench-model.js';

export interface ClusterDesResult {
  readonly benchmark: 'cluster-des';
  readonly model: string;
  readonly replications: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly secondsPerCampusYear: number;
  readonly meanGoodput: number;
}

export async function benchClusterDes(replications = 5): Promise<ClusterDesResult> {
  runBenchModel(1000); // warm-up (JIT), not counted
  let events = 0;
  let goodput = 0;
  const t0 = performance.now();
  for (let seed = 1; seed <= replications; seed++) {
    const r = runBenchModel(seed);
    events += r.events;
    goodput += r.meanGoodput;
    process.stderr.write(
      `cluster-des: seed ${seed}: ${r.events} events, goodput ${r.meanGoodput.toFixed(4)}\n`,
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    benchmark: 'cluster-des',
    model: BENCH_MODEL_NAME,
    replications,
    events,
    eventsPerSecond: Math.round(events / seconds),
    secondsPerCampusYear: Number((seconds / replications).toFixed(4)),
    meanGoodput: Number((goodput / replications).toFixed(6)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 5);
  process.stdout.write(`${JSON.stringify(await benchClusterDes(n))}\n`);
}
