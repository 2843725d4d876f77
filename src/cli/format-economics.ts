/** The economics lines of the text summary: NPV, IRR, payback, break-even, levelized cost, jobs. */
import pc from 'picocolors';
import type { CashFlowYear, Levelized } from '../analysis/economics/cash-flows.js';
import type { RunSummary } from '../analysis/summary.js';

const money = (x: number): string => {
  const abs = Math.abs(x);
  const [f, s] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${x < 0 ? '-' : ''}$${Number((abs / f).toPrecision(3))}${s}`;
};

const NO_COMPUTE = 'n/a (no compute delivered)';

function levelizedLine(l: Levelized): string {
  const at = (x: number | null, digits: number, unit: string) =>
    x === null ? `${NO_COMPUTE} per ${unit}` : `$${x.toFixed(digits)} per ${unit}`;
  return `Levelized cost of compute: ${at(l.usdPerAcceleratorHour, 2, 'accelerator-hour')}, ${at(l.usdPerPFLOPDay, 1, 'PFLOP-day')}, ${at(l.usdPerMillionTokens, 3, 'million tokens')}`;
}

/** Opex over the period by line, so a reader sees what the opex column holds. */
function opexLine(rows: readonly CashFlowYear[]): string {
  const sum = (f: (r: CashFlowYear) => number) => rows.reduce((a, r) => a + f(r), 0);
  const parts: [string, number][] = [
    ['energy', sum((r) => r.energyUSD)],
    ['transmission (4CP)', sum((r) => r.transmissionUSD)],
    ['O&M', sum((r) => r.operationsUSD)],
    ['staff', sum((r) => r.staffUSD)],
    ['insurance', sum((r) => r.insuranceUSD)],
    ['property tax', sum((r) => r.propertyTaxUSD)],
    ['fuel', sum((r) => r.fuelUSD)],
  ];
  return `Opex over the period: ${money(sum((r) => r.opexUSD))} = ${parts.map(([k, v]) => `${k} ${money(v)}`).join(' + ')}`;
}

export function formatEconomics(s: RunSummary): string {
  const e = s.economics;
  if (e.cashFlows === undefined || e.levelized === undefined) return '';
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    pc.bold('Economics (nominal $, cash flows by calendar year)'),
    `NPV at ${pct(e.discountRate ?? 0)}: ${money(e.npvUSD ?? 0)}; IRR: ${e.irr == null ? 'none (no sign change)' : pct(e.irr)}; payback: ${e.paybackYear == null ? 'not within the period' : `${e.paybackYear} (${(e.paybackYears ?? 0).toFixed(1)} years from first spend)`}; break-even (profit ≥ 0): ${e.breakEvenYear ?? 'not within the period'}`,
    levelizedLine(e.levelized),
    opexLine(e.cashFlows),
    `Revenue: ${e.revenueBasis}`,
    e.jobs
      ? `Jobs: construction peak ${e.jobs.constructionPeak.toLocaleString('en-US')} (${e.jobs.constructionPeakDate ?? '—'}), ${Math.round(e.jobs.constructionJobYears).toLocaleString('en-US')} job-years over ${e.jobs.constructionMonths} months per phase; ${e.jobs.permanentJobs.toLocaleString('en-US')} permanent`
      : '',
    ['year', 'capex', 'opex', 'revenue', 'net cash flow', 'cumulative']
      .map((h, i) => (i === 0 ? h.padEnd(6) : h.padStart(14)))
      .join(''),
    ...e.cashFlows.map((r) =>
      [
        String(r.year).padEnd(6),
        ...[r.capexUSD, r.opexUSD, r.revenueUSD, r.netCashFlowUSD, r.cumulativeCashFlowUSD].map((x) =>
          money(x).padStart(14),
        ),
      ].join(''),
    ),
  ];
  return lines.filter((l) => l !== '').join('\n');
}
