/**
 * Reproduction cases for whole campuses: the peak facility power the model gives for each built-in
 * scenario (a full `gigawatt run`) against the power its builders announced. The anthropic-fluidstack
 * scenarios have no published MW (their sizes are assumptions), so they have no row.
 */
import { type ReproCase, reproCase, type Tolerance } from './case.js';

interface AnnouncedCampus {
  readonly scenario: string;
  readonly quantity: string;
  readonly publishedMW: number;
  readonly tolerance: Tolerance;
  readonly source: string;
  readonly note: string;
}

/** Announced figures (reference-figures.md §4, sources in §6). */
export const ANNOUNCED_CAMPUSES: readonly AnnouncedCampus[] = [
  {
    scenario: 'stargate-abilene',
    quantity: 'Stargate Abilene (~400,000 GB200): peak facility power vs the announced campus size',
    publishedMW: 1200,
    tolerance: { kind: 'relative', fraction: 0.15 },
    source:
      'Crusoe press release, 18 Mar 2025: Abilene campus expanded to 1.2 GW (reference-figures.md §4, CB1)',
    note: '1.2 GW is the campus’s power capacity (interconnect and on-site supply), not a measured draw; the scenario’s 400,000 GB200 (CB2, CB3) need not fill it.',
  },
  {
    scenario: 'colossus-memphis',
    quantity: 'xAI Colossus (200,000 H100/H200): peak facility power vs the phase-2 supply',
    publishedMW: 300,
    tolerance: { kind: 'relative', fraction: 0.15 },
    source: 'Tom’s Hardware on xAI: 200,000 GPUs, phase 2 to consume 300 MW (reference-figures.md §4, XA1)',
    note: 'The 300 MW is the stated phase-2 grid supply; with cooling the model’s facility power should approach it.',
  },
  {
    scenario: 'project-rainier',
    quantity: 'AWS Project Rainier (1M Trainium2): peak facility power vs the eventual campus',
    publishedMW: 2200,
    tolerance: { kind: 'at-most' },
    source: 'Project Rainier: eventually > 2.2 GW in 30 buildings (reference-figures.md §4, RA1)',
    note: 'Only the eventual size is published; 1M chips fill part of it, so the check is a bound. Trainium2 board power is an assumption of the scenario.',
  },
];

/** One row per announced campus, from each scenario's peak facility power (MW; null when not run). */
export function campusCases(peakFacilityMW: (scenario: string) => number | null): ReproCase[] {
  return ANNOUNCED_CAMPUSES.map((c) =>
    reproCase({
      id: `campus/${c.scenario}`,
      group: 'campus power',
      quantity: c.quantity,
      unit: 'MW',
      model: peakFacilityMW(c.scenario),
      published: c.publishedMW,
      tolerance: c.tolerance,
      source: c.source,
      modelBasis: `gigawatt run ${c.scenario}: summary.totals.peakFacilityMW (scenarios/${c.scenario}.yaml)`,
      note: c.note,
    }),
  );
}
