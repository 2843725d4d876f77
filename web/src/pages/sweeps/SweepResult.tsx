/** A finished sweep's report: what was varied, the KPIs, the fan charts, the spreads, tornado and years. */
import type { YearDistribution } from '../../../../src/analysis/sweep/report';
import type { SweepReport } from '../../api';
import { t, tParts } from '../../i18n';
import { fmtNumber } from '../../units';
import { FanCharts, fansOf } from './FanCharts';
import { distributionText } from './inputs';
import { outputInfo } from './outputs';
import { SpreadCharts } from './SpreadCharts';
import { YearHistograms } from './YearHistograms';

export function SweepResult(p: {
  report: SweepReport;
  runId?: number | undefined;
  labelOf: (path: string) => string;
}) {
  const r = p.report;
  const m = r.metrics;
  const file = `${r.scenario}-sweep-seed${r.seed}`;
  const kpi = (key: string) => {
    const q = m[key];
    const f = outputInfo(key).format;
    return q ? [f(q.p50), `P5 ${f(q.p5)} · P95 ${f(q.p95)}`] : [t('sweeps.na'), t('sweeps.noValue')];
  };
  // Years from their distributions, where "not within the period" ranks after every year (a sample
  // that never breaks even counts), not from `metrics`, which leaves those samples out.
  const never = t('sweeps.never');
  const yearKpi = (d: YearDistribution) => [
    String(d.p50 ?? never),
    `P5 ${d.p5 ?? never} · P95 ${d.p95 ?? never}`,
  ];
  const kpis: [string, string, string[]][] = [
    ['npvUSD', t('sweeps.npv'), kpi('npvUSD')],
    ['irr', t('econ.irr'), kpi('irr')],
    ['breakEvenYear', t('sweeps.breakEvenYear'), yearKpi(r.breakEvenYear)],
    ...(r.points[0]
      ? [
          ['paybackYear', t('compare.paybackYear'), yearKpi(r.points[0].paybackYear)] as [
            string,
            string,
            string[],
          ],
        ]
      : []),
  ];
  const fans = fansOf(r);
  return (
    <section class="sweep-result" data-testid="sweep-result" aria-labelledby="sweep-result-h">
      <h2 id="sweep-result-h">
        {t('sweeps.resultHeading', {
          scenario: r.scenario,
          n: fmtNumber(r.samples),
          method: r.method,
          seed: r.seed,
        })}
      </h2>
      <ul class="sweep-inputs" data-testid="sweep-result-inputs">
        {r.inputs.map((i) => (
          <li key={i.path}>
            <span class="sweep-input-label">{p.labelOf(i.path)}</span> <code>{i.path}</code> ~{' '}
            <code>{distributionText(i.distribution)}</code>
          </li>
        ))}
      </ul>
      {p.runId !== undefined && (
        <p class="note">
          {tParts('sweeps.saved', { id: p.runId, cmd: <code>gigawatt show {p.runId}</code> })}
        </p>
      )}
      <div class="kpis" data-testid="sweep-kpis">
        {kpis.map(([k, label, [p50, range]]) => (
          <div class="kpi" key={k} data-kpi={k}>
            <div class="kpi-value">{p50}</div>
            <div class="kpi-label">{t('sweeps.kpi', { label, range: range ?? '' })}</div>
          </div>
        ))}
      </div>
      <p class="note" data-testid="sweep-totals-note">
        {fans.length > 0 ? t('sweeps.notePerYear') : t('sweeps.noteTotals')}
        {t('sweeps.noteQuantiles')}
      </p>
      <FanCharts report={r} file={file} />
      <div class="grid2">
        <SpreadCharts report={r} file={file} labelOf={p.labelOf} />
        <YearHistograms report={r} file={file} />
      </div>
    </section>
  );
}
