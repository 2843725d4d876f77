/** The break-even and payback years of a sweep as histograms, "not within the period" last. */
import type { YearDistribution } from '../../../../src/analysis/sweep/report';
import type { SweepReport } from '../../api';
import { Histogram, type HistogramBin } from '../../charts/Histogram';

/** Bins of a year distribution: every year from the first to the last (empty ones too), then "never". */
export function yearBins(d: YearDistribution): HistogramBin[] {
  const years = Object.keys(d.byYear).map(Number);
  const bins: HistogramBin[] = [];
  if (years.length > 0)
    for (let y = Math.min(...years); y <= Math.max(...years); y++)
      bins.push({ label: String(y), count: d.byYear[String(y)] ?? 0 });
  if (d.none > 0) bins.push({ label: 'not within the period', count: d.none, muted: true });
  return bins;
}

const yearQuantiles = (d: YearDistribution) =>
  `P5 ${d.p5 ?? 'not within the period'} · P50 ${d.p50 ?? 'not within the period'} · P95 ${d.p95 ?? 'not within the period'}`;

export function YearHistograms(p: { report: SweepReport; file: string }) {
  const r = p.report;
  const file = p.file;
  return (
    <>
      <Histogram
        title="Break-even year"
        subtitle={`First year with profit ≥ 0, over the samples: ${yearQuantiles(r.breakEvenYear)}`}
        bins={yearBins(r.breakEvenYear)}
        unit="samples"
        category="break-even year"
        file={`${file}-break-even`}
        testId="sweep-break-even"
      />
      {r.points[0] && (
        <Histogram
          title="Payback year"
          subtitle={`Year the cumulative cash flow turns positive, over the samples: ${yearQuantiles(r.points[0].paybackYear)}`}
          bins={yearBins(r.points[0].paybackYear)}
          unit="samples"
          category="payback year"
          file={`${file}-payback`}
          testId="sweep-payback"
        />
      )}
    </>
  );
}
