/** The spread of each total over the period (economics, then physical) and the tornado of NPV. */
import type { Quantiles } from '../../../../src/analysis/sweep/statistics';
import type { SweepReport } from '../../api';
import { QuantileRanges, type QuantileRow } from '../../charts/QuantileRanges';
import { Tornado } from '../../charts/Tornado';
import { fmtNumber } from '../../units';
import { outputInfo } from './outputs';

const ECONOMIC_ROWS = ['npvUSD', 'irr', 'capexUSD', 'energyCostUSD', 'levelizedUSDPerAcceleratorHour'];
const PHYSICAL_ROWS = [
  'facilityEnergyMWh',
  'peakFacilityMW',
  'pue',
  'co2Tonnes',
  'waterM3',
  'computeDeliveredFLOP',
];

function quantileRows(metrics: Record<string, Quantiles | null>, keys: readonly string[]): QuantileRow[] {
  return keys.flatMap((key) => {
    const q = metrics[key];
    if (!q) return [];
    return [{ key, q, ...outputInfo(key) }];
  });
}

export function SpreadCharts(p: { report: SweepReport; file: string; labelOf: (path: string) => string }) {
  const r = p.report;
  const m = r.metrics;
  const file = p.file;
  const tornadoOut = outputInfo(r.tornado.output);
  return (
    <>
      <QuantileRanges
        title="Economics over the period"
        subtitle="Spread of each total over the samples; each row on its own scale"
        rows={quantileRows(m, ECONOMIC_ROWS)}
        file={`${file}-economics`}
        testId="sweep-economics"
      />
      <QuantileRanges
        title="Energy, carbon, water and compute over the period"
        subtitle="Spread of each total over the samples; each row on its own scale"
        rows={quantileRows(m, PHYSICAL_ROWS)}
        file={`${file}-physical`}
        testId="sweep-physical"
      />
      <Tornado
        title={`Tornado: what moves ${tornadoOut.label}`}
        subtitle={`Spearman rank correlation of each input with ${tornadoOut.label} over the samples (all inputs vary together); with N samples an input without effect still shows |ρ| of about 1/√N = ${fmtNumber(1 / Math.sqrt(r.samples), 2)}`}
        ranking={r.tornado.ranking}
        outputLabel={tornadoOut.label}
        formatOutput={tornadoOut.format}
        labelOf={p.labelOf}
        file={`${file}-tornado`}
        testId="sweep-tornado"
      />
    </>
  );
}
