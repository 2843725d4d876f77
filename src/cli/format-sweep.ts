/** The text report of `gigawatt sweep`: quantiles with units, the tornado, the break-even years. */

import pc from 'picocolors';
import type { SweepReport } from '../analysis/sweep/report.js';
import { count, energy, flop, power, tonnes, usd, water } from './format.js';
import { terminalText } from './terminal-text.js';

const FORMATS: Record<string, [string, (x: number) => string]> = {
  npvUSD: ['NPV', usd],
  irr: ['IRR', (x) => `${(x * 100).toFixed(1)} %`],
  paybackYear: ['Payback year', (x) => String(Math.round(x))],
  breakEvenYear: ['Break-even year', (x) => String(Math.round(x))],
  levelizedUSDPerAcceleratorHour: ['Levelized $/accelerator-hour', (x) => `$${x.toFixed(2)}/h`],
  levelizedUSDPerPFLOPDay: ['Levelized $/PFLOP-day', (x) => `$${x.toFixed(1)}`],
  levelizedUSDPerMillionTokens: ['Levelized $/million tokens', (x) => `$${x.toFixed(3)}`],
  capexUSD: ['Capex', usd],
  energyCostUSD: ['Energy cost', usd],
  facilityEnergyMWh: ['Facility energy', energy],
  itEnergyMWh: ['IT energy', energy],
  peakFacilityMW: ['Peak facility power', power],
  pue: ['PUE', (x) => x.toFixed(3)],
  co2Tonnes: ['CO2', tonnes],
  waterM3: ['Water', water],
  computeDeliveredFLOP: ['Compute delivered', flop],
  unservedITEnergyMWh: ['IT energy not served', energy],
  jobsPermanent: ['Permanent jobs', count],
  jobsConstruction: ['Construction jobs', count],
};

export function formatSweep(r: SweepReport): string {
  const out: string[] = [];
  out.push(
    pc.bold(
      `gigawatt sweep · ${terminalText(r.scenario)}: ${r.samples.toLocaleString('en-US')} sample${r.samples === 1 ? '' : 's'} (${r.method}, seed ${r.seed})${r.points.length > 1 ? ` × ${r.points.length} grid points` : ''}`,
    ),
  );
  if (r.inputs.length === 0) out.push('No uncertain inputs: every sample is the deterministic run.');
  for (const i of r.inputs) out.push(`  ${i.path} ~ ${JSON.stringify(i.distribution)}`);
  for (const p of r.points) {
    out.push('');
    if (Object.keys(p.grid).length)
      out.push(
        pc.bold(
          `Grid point ${Object.entries(p.grid)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`,
        ),
      );
    // The last column, "samples with a value", appears only when a metric is missing in some samples.
    const rows = Object.entries(FORMATS).map(([k, [label, f]]) => {
      const q = p.metrics[k];
      return [
        label,
        ...(q
          ? [f(q.p5), f(q.p50), f(q.p95), q.n < p.samples ? `in ${q.n}/${p.samples}` : '']
          : ['—', '—', '—', 'in none']),
      ];
    });
    const columns = rows.some((r) => r[4] !== '') ? 5 : 4;
    const header = ['', 'P5', 'P50', 'P95', 'samples'].slice(0, columns);
    const w = header.map((_, c) => Math.max(...rows.map((x) => (x[c] as string).length), c === 0 ? 0 : 8));
    const render = (cells: string[]) =>
      cells
        .slice(0, columns)
        .map((x, c) => (c === 0 ? x.padEnd(w[0] as number) : x.padStart(w[c] as number)))
        .join('  ');
    out.push(pc.bold(render(header)));
    for (const row of rows) out.push(render(row));
    const be = p.breakEvenYear;
    out.push(
      `Break-even year: ${
        Object.entries(be.byYear)
          .map(([y, n]) => `${y}: ${((100 * n) / p.samples).toFixed(0)} %`)
          .join(', ') || '—'
      }${be.none ? `, not within the period: ${((100 * be.none) / p.samples).toFixed(0)} %` : ''}`,
    );
    const pb = p.paybackYear;
    out.push(
      `Payback year:    ${
        Object.entries(pb.byYear)
          .map(([y, n]) => `${y}: ${((100 * n) / p.samples).toFixed(0)} %`)
          .join(', ') || '—'
      }${pb.none ? `, not within the period: ${((100 * pb.none) / p.samples).toFixed(0)} %` : ''}`,
    );
    if (p.tornado.ranking.length) {
      out.push(pc.bold(`Tornado: inputs ranked by Spearman rank correlation with ${p.tornado.output}`));
      const wp = Math.max(...p.tornado.ranking.map((b) => b.path.length));
      for (const b of p.tornado.ranking) {
        const len = Math.round(Math.abs(b.rho) * 30);
        const bar =
          b.rho < 0
            ? `${' '.repeat(30 - len)}${'█'.repeat(len)}|${' '.repeat(30)}`
            : `${' '.repeat(30)}|${'█'.repeat(len)}${' '.repeat(30 - len)}`;
        out.push(`${b.path.padEnd(wp)}  ${bar}  ρ = ${b.rho >= 0 ? '+' : ''}${b.rho.toFixed(2)}`);
      }
    }
  }
  return out.join('\n');
}
