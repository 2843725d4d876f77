/** Labels, units and formats of a sweep report's outputs (the economics ones, then any metric by its key). */
import { fmt, fmtNumber, metricInfo } from '../../units';

const year = (x: number) => String(Math.round(x));
const OUTPUT_FORMAT: Readonly<Record<string, [string, string, (x: number) => string]>> = {
  npvUSD: ['NPV', '$', fmt.usd],
  irr: ['IRR', 'fraction', (x) => `${fmtNumber(x * 100, 1)} %`],
  paybackYear: ['Payback year', 'year', year],
  breakEvenYear: ['Break-even year', 'year', year],
  levelizedUSDPerAcceleratorHour: [
    'Levelized cost per accelerator-hour',
    '$/h',
    (x) => `$${fmtNumber(x, 2)}/h`,
  ],
  levelizedUSDPerPFLOPDay: ['Levelized cost per PFLOP-day', '$/PFLOP-day', (x) => `$${fmtNumber(x, 1)}`],
  levelizedUSDPerMillionTokens: ['Levelized cost per million tokens', '$/Mtok', (x) => `$${fmtNumber(x, 3)}`],
};

export function outputInfo(key: string): { label: string; unit: string; format: (x: number) => string } {
  const known = OUTPUT_FORMAT[key];
  if (known) return { label: known[0], unit: known[1], format: known[2] };
  return metricInfo(key);
}
