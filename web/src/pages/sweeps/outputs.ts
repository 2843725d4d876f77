/** Labels, units and formats of a sweep report's outputs (the economics ones, then any metric by its key). */
import { type MessageKey, t } from '../../i18n';
import { fmt, fmtNumber, metricInfo } from '../../units';

const year = (x: number) => String(Math.round(x));
/** Label, unit of the raw value (CSV), format in the page's language and currency. */
const OUTPUT_FORMAT: Readonly<Record<string, [MessageKey, string, (x: number) => string]>> = {
  npvUSD: ['sweeps.npv', '$', fmt.usd],
  irr: ['econ.irr', 'fraction', (x) => `${fmtNumber(x * 100, 1)} %`],
  paybackYear: ['compare.paybackYear', 'year', year],
  breakEvenYear: ['sweeps.breakEvenYear', 'year', year],
  levelizedUSDPerAcceleratorHour: ['econ.perAccelHour', '$/h', (x) => `${fmt.usdExact(x, 2)}/h`],
  levelizedUSDPerPFLOPDay: ['econ.perPflopDay', '$/PFLOP-day', (x) => fmt.usdExact(x, 1)],
  levelizedUSDPerMillionTokens: ['econ.perMtok', '$/Mtok', (x) => fmt.usdExact(x, 3)],
};

export function outputInfo(key: string): { label: string; unit: string; format: (x: number) => string } {
  const known = OUTPUT_FORMAT[key];
  if (known) return { label: t(known[0]), unit: known[1], format: known[2] };
  return metricInfo(key);
}
