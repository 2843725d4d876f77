/** The economics lines of the text summary: NPV, IRR, payback, break-even, levelized cost, jobs. */
import pc from 'picocolors';
import type { RunSummary } from '../analysis/summary.js';

const money = (x: number): string => {
  const abs = Math.abs(x);
  const [f, s] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${x < 0 ? '-' : ''}$${Number((abs / f).toPrecision(3))}${s}`;
};

export function formatEconomics(s: RunSummary): string {
  const e = s.economics;
  if (e.cashFlows === undefined || e.levelized === undefined) return '';
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    pc.bold('Economics (nominal $, cash flows by calendar year)'),
    `NPV at ${pct(e.discountRate ?? 0)}: ${money(e.npvUSD ?? 0)}; IRR: ${e.irr == null ? 'none (no sign change)' : pct(e.irr)}; payback: ${e.paybackYear == null ? 'not within the period' : `${e.paybackYear} (${(e.paybackYears ?? 0).toFixed(1)} years from first spend)`}; break-even (profit ≥ 0): ${e.breakEvenYear ?? 'not within the period'}`,
    `Levelized cost of compute: $${e.levelized.usdPerAcceleratorHour.toFixed(2)} per accelerator-hour, $${e.levelized.usdPerPFLOPDay.toFixed(1)} per PFLOP-day, $${e.levelized.usdPerMillionTokens.toFixed(3)} per million tokens`,
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
