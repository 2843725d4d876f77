/** The break-even and payback years of a sweep as histograms, "not within the period" last. */
import type { YearDistribution } from '../../../../src/analysis/sweep/report';
import type { SweepReport } from '../../api';
import { Histogram, type HistogramBin } from '../../charts/Histogram';
import { t } from '../../i18n';

/** Bins of a year distribution: every year from the first to the last (empty ones too), then "never". */
export function yearBins(d: YearDistribution): HistogramBin[] {
  const years = Object.keys(d.byYear).map(Number);
  const bins: HistogramBin[] = [];
  if (years.length > 0)
    for (let y = Math.min(...years); y <= Math.max(...years); y++)
      bins.push({ label: String(y), count: d.byYear[String(y)] ?? 0 });
  if (d.none > 0) bins.push({ label: t('sweeps.never'), count: d.none, muted: true });
  return bins;
}

const yearQuantiles = (d: YearDistribution) => {
  const never = t('sweeps.never');
  return `P5 ${d.p5 ?? never} · P50 ${d.p50 ?? never} · P95 ${d.p95 ?? never}`;
};

export function YearHistograms(p: { report: SweepReport; file: string }) {
  const r = p.report;
  const file = p.file;
  return (
    <>
      <Histogram
        title={t('sweeps.breakEvenYear')}
        subtitle={t('sweeps.breakEvenSub', { quantiles: yearQuantiles(r.breakEvenYear) })}
        bins={yearBins(r.breakEvenYear)}
        unit={t('sweeps.samplesUnit')}
        category={t('sweeps.breakEvenCategory')}
        file={`${file}-break-even`}
        testId="sweep-break-even"
      />
      {r.points[0] && (
        <Histogram
          title={t('compare.paybackYear')}
          subtitle={t('sweeps.paybackSub', { quantiles: yearQuantiles(r.points[0].paybackYear) })}
          bins={yearBins(r.points[0].paybackYear)}
          unit={t('sweeps.samplesUnit')}
          category={t('sweeps.paybackCategory')}
          file={`${file}-payback`}
          testId="sweep-payback"
        />
      )}
    </>
  );
}
