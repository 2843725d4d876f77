/** The workloads section of `gigawatt run`'s text summary: one line per training run or service. */
import pc from 'picocolors';
import type { RunSummary } from '../analysis/summary.js';
import { count, energy, flop, tonnes } from './format.js';

export function formatWorkloads(s: RunSummary): string | undefined {
  const ws = s.workloads;
  if (!ws || ws.length === 0) return undefined;
  const out = [
    pc.bold('Workloads (event-driven cluster simulation, Llama 3 failure rates; docs/workloads.md)'),
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
    } else {
      out.push(
        `${w.id}  inference on ${w.accelerator} at ${w.site}: ${flop(w.tokensServed ?? 0).replace('FLOP', 'tokens')} served, peak ${count(w.peakAccelerators ?? 0)} accelerators, ${count(w.shortfallHours ?? 0)} h short, ${w.energyPerTokenJ === null ? '—' : `${w.energyPerTokenJ.toFixed(3)} J`}/token, ${w.co2PerMillionTokensKg === null ? '—' : `${w.co2PerMillionTokensKg.toFixed(3)} kg CO2e`} per million tokens, ${energy(w.energyMWh)}`,
      );
    }
  }
  return out.join('\n');
}
