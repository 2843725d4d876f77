/** The workloads section of `gigawatt run`'s text summary: one line per training run or service. */
import pc from 'picocolors';
import type { RunSummary } from '../analysis/summary.js';
import { restartShareWarning } from '../cluster/failure-model.js';
import { count, energy, flop, tonnes } from './quantities.js';

export function formatWorkloads(s: RunSummary): string | undefined {
  const ws = s.workloads;
  if (!ws || ws.length === 0) return undefined;
  const out = [
    pc.bold(
      'Workloads (event-driven cluster simulation, Llama 3 H100 failure rates × the per-generation scaling; docs/workloads.md)',
    ),
  ];
  for (const w of ws) {
    if (w.kind === 'training') {
      const when =
        w.completionDate !== null
          ? `finishes ${w.completionDate}`
          : `does not finish by ${s.period.end}: ${(w.progressPct ?? 0).toFixed(1)} % done`;
      out.push(
        `${w.id}  training on ${count(w.accelerators ?? 0)} ${w.accelerator} at ${w.site}: starts ${w.startDate ?? 'never'}, ${pc.bold(when)}; goodput ${((w.goodput ?? 0) * 100).toFixed(1)} %, effective training time ${(w.effectiveTrainingTimePct ?? 0).toFixed(1)} %, ${count(w.interruptionsTotal)} interruptions, checkpoints ${(w.checkpointOverheadHours ?? 0).toFixed(0)} h every ${(w.checkpointIntervalMinutes ?? 0).toFixed(1)} min, ${energy(w.energyMWh)}, ${tonnes(w.co2Tonnes)}`,
      );
      const warning = trainingRestartWarning(w);
      if (warning) out.push(pc.yellow(`  warning: ${warning}`));
    } else {
      out.push(
        `${w.id}  inference on ${w.accelerator} at ${w.site}: ${flop(w.tokensServed ?? 0).replace('FLOP', 'tokens')} served, peak ${count(w.peakAccelerators ?? 0)} accelerators, ${count(w.shortfallHours ?? 0)} h short, ${w.energyPerTokenJ === null ? '—' : `${w.energyPerTokenJ.toFixed(3)} J`}/token, ${w.co2PerMillionTokensKg === null ? '—' : `${w.co2PerMillionTokensKg.toFixed(3)} kg CO2e`} per million tokens, ${energy(w.energyMWh)}`,
      );
    }
  }
  return out.join('\n');
}

/**
 * The restart-share warning for a training summary: the mean restart per interruption (restart hours /
 * interruptions; equal to the configured restart unless a failure cut a restart short) against the MTBF.
 */
export function trainingRestartWarning(w: {
  restartHours: number | null;
  interruptionsTotal: number;
  mtbfHours: number | null;
}): string | undefined {
  if (w.restartHours === null || w.mtbfHours === null || w.interruptionsTotal === 0) return undefined;
  return restartShareWarning(w.restartHours / w.interruptionsTotal, w.mtbfHours);
}
