/**
 * Fits the accelerator power curve (src/catalog/power-curve.ts) to the bundled H200 calibration and
 * prints the parameters, the per-point power residuals and the throughput check.
 *
 *   npx tsx scripts/fit-power-curve.ts
 *
 * Copy the printed constants into H200_POWER_CURVE; test/power-curve.test.ts checks they match.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrationPointsFromProbe, fitPowerCurve } from '../src/catalog/power-curve.js';

const calibrationDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'calibration');
const summary = JSON.parse(readFileSync(join(calibrationDir, 'h200_power_summary.json'), 'utf8')) as {
  power_limit_w: number;
  phases: { phase: string; mean_power_w: number }[];
};
const samplesCsv = readFileSync(join(calibrationDir, 'h200_power_samples.csv'), 'utf8');

// The fit uses idle and the bf16 GEMM duty sweep at the card's (default) power limit.
const points = calibrationPointsFromProbe(summary, samplesCsv);
const capW = summary.power_limit_w;
const fit = fitPowerCurve(points, capW);
const c = fit.curve;
const r6 = (x: number) => x.toFixed(6);

console.log(
  `H200 power curve, cap ${capW} W, ${points.length} points (${points.map((p) => p.phase).join(', ')})\n`,
);
console.log('Constants for H200_POWER_CURVE:');
console.log(
  `  idleFraction:       ${r6(c.idleFraction)}   (P_idle = ${(c.idleFraction * capW).toFixed(1)} W)`,
);
console.log(
  `  dynamicFraction:    ${r6(c.dynamicFraction)}   (K = ${(c.dynamicFraction * capW).toFixed(1)} W)`,
);
console.log(`  exponent:           ${r6(c.exponent)}   (γ)`);
console.log(
  `  capHoldFraction:    ${r6(c.capHoldFraction)}   (held at ${(c.capHoldFraction * capW).toFixed(1)} W)`,
);
console.log(`  clockPowerExponent: ${r6(c.clockPowerExponent)}   (α)`);
const demandAtFullW = (c.idleFraction + c.dynamicFraction) * capW;
console.log(`  uncapped demand at u = 1: ${demandAtFullW.toFixed(1)} W\n`);

console.log('Power residuals (model − measured):');
console.log('  phase                 duty  measured W  model W  residual W  median SM MHz');
for (const [i, r] of fit.residualsW.entries()) {
  const p = points[i];
  console.log(
    `  ${r.phase.padEnd(20)} ${String(p?.dutyCycle ?? '').padStart(5)} ${r.measuredW.toFixed(1).padStart(11)} ${r.modelW
      .toFixed(1)
      .padStart(
        8,
      )} ${(r.modelW - r.measuredW).toFixed(2).padStart(11)} ${String(p?.smClockMHz ?? '–').padStart(14)}`,
  );
}
console.log(`  RMSE ${fit.rmseW.toFixed(3)} W\n`);

console.log(
  `Throughput per busy second (uncapped reference ${fit.uncappedTFLOPSPerBusySecond.toFixed(1)} TFLOP/s):`,
);
console.log('  phase                 measured  model  measured/ref  model/ref');
for (const t of fit.throughputPerBusySecond) {
  const ref = fit.uncappedTFLOPSPerBusySecond;
  console.log(
    `  ${t.phase.padEnd(20)} ${t.measuredTFLOPS.toFixed(1).padStart(9)} ${t.modelTFLOPS.toFixed(1).padStart(6)} ${(
      t.measuredTFLOPS / ref
    )
      .toFixed(4)
      .padStart(13)} ${(t.modelTFLOPS / ref).toFixed(4).padStart(10)}`,
  );
}

// Not fitted: other workloads at duty 1, shown for the busy-fraction vs FLOP-utilisation caveat.
console.log('\nOther phases (not fitted; different workloads at duty 1):');
for (const p of summary.phases) {
  if (!points.some((q) => q.phase === p.phase))
    console.log(`  ${p.phase.padEnd(20)} ${p.mean_power_w.toFixed(1)} W`);
}
