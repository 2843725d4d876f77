/**
 * `npm run bench`: runs every benchmark and prints one JSON line per benchmark on stdout (progress and
 * notes go to stderr). What each measures and the results on the development machine: bench/README.md.
 */
import { benchBuildoutSweep } from './buildout-sweep.js';
import { benchClusterDes } from './cluster-des.js';
import { benchDashboardBrowser } from './dashboard-browser.js';
import { benchEngineHourly } from './engine-hourly.js';
import { benchHeadroom } from './headroom.js';
import { benchLoad } from './load.js';
import { benchScale } from './scale.js';
import { benchSweepInProcess, benchSweepQueue, benchSweepThreads } from './sweep.js';

const benchmarks: readonly (() => Promise<unknown>)[] = [
  () => benchEngineHourly(),
  () => benchClusterDes(),
  () => benchSweepInProcess(),
  () => benchSweepThreads(1),
  () => benchSweepThreads(2),
  () => benchSweepQueue(),
  () => benchHeadroom(),
  () => benchBuildoutSweep(),
  () => benchLoad(),
  () => benchScale(10, 10),
  () => benchScale(50, 10),
  () => benchScale(10, 30),
  () => benchDashboardBrowser(),
  // 200 sites × 30 years (52.6 M site-hours; minutes on a loaded machine): only when asked for
  ...(process.env.GIGAWATT_BENCH_SCALE_LARGE === '1' ? [() => benchScale(200, 30)] : []),
];

for (const bench of benchmarks) {
  process.stdout.write(`${JSON.stringify(await bench())}\n`);
}
