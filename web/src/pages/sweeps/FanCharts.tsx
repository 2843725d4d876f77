/** The report's per-year outputs as fan charts (P5–P95 band, P50 line by calendar year). */
import type { SweepReport } from '../../api';
import { FanChart } from '../../charts/FanChart';
import { type MessageKey, t } from '../../i18n';
import { currencySymbol, fmt, fmtNumber, toDisplay } from '../../units';

type Scale = { factor: number; label: string };
/** Billions or millions of the display currency (dollars, or euros at the stated rate, as the values' format). */
const usdScale = (max: number): Scale => {
  const perUsd = toDisplay(1);
  const [f, key]: [number, MessageKey] =
    toDisplay(max) >= 1e9 ? [1e9, 'sweeps.scale.billion'] : [1e6, 'sweeps.scale.million'];
  return { factor: f / perUsd, label: t(key, { sym: currencySymbol() }) };
};
const energyScale = (max: number): Scale =>
  max >= 1e6 ? { factor: 1e6, label: 'TWh' } : { factor: 1e3, label: 'GWh' };
const co2Scale = (max: number): Scale =>
  max >= 1e6 ? { factor: 1e6, label: 'Mt CO2e' } : { factor: 1e3, label: 'kt CO2e' };

/** The report's per-year outputs as fan charts: title, unit, axis scale for the largest |value|, format. */
const FANS: readonly [string, MessageKey, string, (max: number) => Scale, (x: number) => string][] = [
  ['netCashFlowUSD', 'sweeps.fan.netCashFlowUSD', 'USD', usdScale, fmt.usd],
  ['cumulativeCashFlowUSD', 'sweeps.fan.cumulativeCashFlowUSD', 'USD', usdScale, fmt.usd],
  ['facilityEnergyMWh', 'sweeps.fan.facilityEnergyMWh', 'MWh', energyScale, fmt.energy],
  ['co2Tonnes', 'sweeps.fan.co2Tonnes', 't CO2e', co2Scale, fmt.co2],
];

/** The fans the report has values for (`byYear` is missing from reports saved before it existed). */
export const fansOf = (r: SweepReport) => FANS.filter(([key]) => (r.byYear?.[key]?.length ?? 0) > 0);

export function FanCharts(p: { report: SweepReport; file: string }) {
  const r = p.report;
  const file = p.file;
  return (
    <div class="grid2">
      {fansOf(r).map(([key, title, unit, scaleFor, format]) => {
        const years = r.byYear[key] ?? [];
        const max = Math.max(...years.flatMap((q) => [Math.abs(q.p5), Math.abs(q.p95)]));
        return (
          <FanChart
            key={key}
            title={t(title)}
            subtitle={t('sweeps.fanSub', { n: fmtNumber(r.samples) })}
            years={years}
            unit={unit}
            scale={scaleFor(max)}
            format={format}
            file={`${file}-${key}-by-year`}
            testId={`sweep-fan-${key}`}
          />
        );
      })}
    </div>
  );
}
