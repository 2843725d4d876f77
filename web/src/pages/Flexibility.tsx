/**
 * Grid flexibility of one run (`run --json` → `flexibility`, src/analysis/flexibility-report.ts):
 * per site and year, curtailment hours and events, energy curtailed, compute lost, energy cost
 * saved, and ERCOT 4CP: the year's actual coincident-peak hours (UTC) with the site's grid draw with
 * and without curtailment, how many the policy caught and the transmission charge avoided.
 * Renders nothing when the scenario has no flexibility.
 */
import type { FlexibilityReport } from '../../../src/analysis/flexibility-report';
import { t } from '../i18n';
import { fmt, fmtNumber, moneyNote } from '../units';

/** The 4CP peak hours of a report, as instants (ms) with a label, for the hourly chart. */
export function fourCPMarkers(f: FlexibilityReport | undefined): { ms: number; label: string }[] {
  const out: { ms: number; label: string }[] = [];
  for (const s of f?.sites ?? [])
    for (const y of s.years)
      for (const p of y.fourCP?.peaks ?? []) out.push({ ms: Date.parse(p.timeUtc), label: `4CP ${s.id}` });
  return out;
}

export function Flexibility(p: { report: FlexibilityReport | undefined }) {
  const sites = p.report?.sites ?? [];
  if (sites.length === 0) return null;
  return (
    <section class="flexibility" data-testid="flexibility" aria-labelledby="flexibility-h">
      <h2 id="flexibility-h">{t('flex.title')}</h2>
      <p class="note">{moneyNote()}</p>
      {sites.map((s) => {
        const peaks = s.years.flatMap((y) => y.fourCP?.peaks ?? []);
        return (
          <section class="chart" key={s.id} data-site={s.id}>
            <header>
              <div>
                <h3>{s.id}</h3>
                <p class="sub">
                  {s.action ? `Action: ${s.action}. ` : ''}Policies: {s.policies.join(', ') || 'none'}. Years
                  are calendar years (UTC).
                </p>
              </div>
            </header>
            <table data-testid={`flex-years-${s.id}`}>
              <thead>
                <tr>
                  <th>{t('econ.year')}</th>
                  <th class="num">{t('flex.hours')}</th>
                  <th class="num">{t('flex.events')}</th>
                  <th class="num">{t('flex.longest')}</th>
                  <th class="num">{t('flex.energy')}</th>
                  <th class="num">{t('flex.computeLost')}</th>
                  <th class="num">{t('flex.costSaved')}</th>
                  <th class="num">{t('flex.caught')}</th>
                  <th class="num">{t('flex.chargeAvoided')}</th>
                </tr>
              </thead>
              <tbody>
                {s.years.map((y) => {
                  const pol = y.fourCP?.policies[0];
                  return (
                    <tr key={y.year} data-year={y.year}>
                      <td>{y.year}</td>
                      <td class="num" data-col="hours">
                        {fmtNumber(y.curtailmentHours)} h
                      </td>
                      <td class="num">{fmtNumber(y.events)}</td>
                      <td class="num">{fmtNumber(y.longestEventHours)} h</td>
                      <td class="num">{fmt.energy(y.curtailedEnergyMWh)}</td>
                      <td class="num">{fmt.flop(y.computeLostFLOP)}</td>
                      <td class="num">{fmt.usd(y.energyCostSavedUSD)}</td>
                      <td class="num">{pol ? `${pol.caught} of ${pol.of}` : '—'}</td>
                      <td class="num">{y.fourCP ? fmt.usd(y.fourCP.transmissionChargeAvoidedUSD) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {peaks.length > 0 && (
              <details>
                <summary>
                  The {peaks.length} ERCOT 4CP hours (June–September peaks), marked on the hourly chart
                </summary>
                <table data-testid={`fourcp-${s.id}`}>
                  <thead>
                    <tr>
                      <th>{t('flex.hourUtc')}</th>
                      <th class="num">{t('flex.ercotDemand')}</th>
                      <th class="num">{t('flex.siteDraw')}</th>
                      <th class="num">{t('flex.without')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {peaks.map((k) => (
                      <tr key={k.timeUtc}>
                        <td>{k.timeUtc.slice(0, 16).replace('T', ' ')}</td>
                        <td class="num">{fmt.power(k.regionDemandMW)}</td>
                        <td class="num">{fmt.power(k.siteGridMW)}</td>
                        <td class="num">{fmt.power(k.siteGridWithoutCurtailmentMW)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </section>
        );
      })}
    </section>
  );
}
