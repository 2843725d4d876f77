/** The spread of each total over the period (economics, then physical) and the tornado of NPV. */
import type { Quantiles } from '../../../../src/analysis/sweep/statistics';
import type { SweepReport } from '../../api';
import { QuantileRanges, type QuantileRow } from '../../charts/QuantileRanges';
import { Tornado } from '../../charts/Tornado';
import { t } from '../../i18n';
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
        title={t('sweeps.economics')}
        subtitle={t('sweeps.spreadSub')}
        rows={quantileRows(m, ECONOMIC_ROWS)}
        file={`${file}-economics`}
        testId="sweep-economics"
      />
      <QuantileRanges
        title={t('sweeps.physical')}
        subtitle={t('sweeps.spreadSub')}
        rows={quantileRows(m, PHYSICAL_ROWS)}
        file={`${file}-physical`}
        testId="sweep-physical"
      />
      <Tornado
        title={t('sweeps.tornado', { output: tornadoOut.label })}
        subtitle={t('sweeps.tornadoSub', {
          output: tornadoOut.label,
          noise: fmtNumber(1 / Math.sqrt(r.samples), 2),
        })}
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
