/**
 * The workloads of one run (`run --json` → `workloads`, src/cluster/workload-results.ts): each
 * training run on a timeline of the simulated period (start, completion or progress by the end)
 * with where its hours went and its interruptions by cause; each inference service's tokens,
 * peak accelerators and hours of shortfall. Renders nothing when the scenario has no workloads.
 */
import type { WorkloadSummary } from '../../../src/cluster/workload-results';
import { t } from '../i18n';
import { C } from '../theme';
import { fmt, fmtNumber } from '../units';

const DAY_MS = 86_400_000;
const dateMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Where a training run's hours went, in the order they are drawn. */
const HOURS: readonly [keyof WorkloadSummary, string, string][] = [
  ['keptWorkHours', 'Kept work', C.green],
  ['checkpointOverheadHours', 'Checkpointing', C.blue],
  ['lostWorkHours', 'Lost work (since the last checkpoint)', C.red],
  ['restartHours', 'Restarts', C.amber],
  ['waitingForSparesHours', 'Waiting for spares', C.gray],
];

function Timeline(p: { runs: readonly WorkloadSummary[]; start: string; end: string }) {
  const from = dateMs(p.start);
  const to = dateMs(p.end) + DAY_MS;
  const W = 640;
  const m = { l: 110, r: 10 };
  const x = (ms: number) => m.l + ((Math.min(Math.max(ms, from), to) - from) / (to - from)) * (W - m.l - m.r);
  const rowH = 26;
  const H = 24 + p.runs.length * rowH;
  const years: number[] = [];
  for (let y = new Date(from).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < to; y++) years.push(y);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Training runs on the simulated period">
      <rect width={W} height={H} style={{ fill: C.surface }} />
      {years.map((y) => (
        <g key={y}>
          <line
            x1={x(Date.UTC(y, 0, 1))}
            x2={x(Date.UTC(y, 0, 1))}
            y1={0}
            y2={H - 14}
            style={{ stroke: C.grid }}
          />
          <text
            x={x(Date.UTC(y, 0, 1))}
            y={H - 2}
            font-size="11"
            text-anchor="middle"
            style={{ fill: C.muted }}
          >
            {y}
          </text>
        </g>
      ))}
      {p.runs.map((r, i) => {
        const y0 = 4 + i * rowH;
        if (!r.startDate) return null;
        const s = dateMs(r.startDate);
        const e = r.completionDate ? dateMs(r.completionDate) : to;
        return (
          <g key={r.id}>
            <text x={m.l - 6} y={y0 + 14} font-size="11" text-anchor="end" style={{ fill: C.fg }}>
              {r.id}
            </text>
            <rect
              x={x(s)}
              y={y0}
              width={Math.max(2, x(e) - x(s))}
              height={18}
              data-bar="run"
              style={{ fill: C.blue }}
              fill-opacity="0.8"
            >
              <title>{`${r.id}: ${r.startDate} → ${r.completionDate ?? `not complete by ${p.end}`}`}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}

export function Workloads(p: {
  workloads: readonly WorkloadSummary[] | undefined;
  start: string;
  end: string;
}) {
  const list = p.workloads ?? [];
  if (list.length === 0) return null;
  const training = list.filter((w) => w.kind === 'training');
  const inference = list.filter((w) => w.kind === 'inference');
  return (
    <section class="workloads" data-testid="workloads" aria-labelledby="workloads-h">
      <h2 id="workloads-h">{t('workloads.title')}</h2>
      {training.length > 0 && (
        <section class="chart" data-testid="training">
          <header>
            <div>
              <h3>{t('wl.training')}</h3>
              <p class="sub">{t('wl.trainingSub')}</p>
            </div>
          </header>
          <Timeline runs={training} start={p.start} end={p.end} />
          <table>
            <thead>
              <tr>
                <th>{t('wl.run')}</th>
                <th>site</th>
                <th>{t('wl.start')}</th>
                <th>{t('wl.completion')}</th>
                <th class="num">{t('wl.progress')}</th>
                <th class="num">{t('wl.goodput')}</th>
                <th class="num">{t('wl.interruptions')}</th>
                <th class="num">{t('wl.mtbf')}</th>
                <th class="num">{t('wl.checkpointEvery')}</th>
              </tr>
            </thead>
            <tbody>
              {training.map((r) => (
                <tr key={r.id} data-workload={r.id}>
                  <td>{r.id}</td>
                  <td>{r.site}</td>
                  <td>{r.startDate ?? 'not started'}</td>
                  <td data-col="completion">{r.completionDate ?? `not by ${p.end}`}</td>
                  <td class="num">{r.progressPct === null ? '—' : `${fmtNumber(r.progressPct, 1)} %`}</td>
                  <td class="num">{r.goodput === null ? '—' : `${fmtNumber(r.goodput * 100, 1)} %`}</td>
                  <td class="num" data-col="interruptions">
                    {fmtNumber(r.interruptionsTotal)}
                  </td>
                  <td class="num">{r.mtbfHours === null ? '—' : `${fmtNumber(r.mtbfHours * 60, 1)} min`}</td>
                  <td class="num">
                    {r.checkpointIntervalMinutes === null
                      ? '—'
                      : `${fmtNumber(r.checkpointIntervalMinutes, 1)} min`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {training.map((r) => {
            const parts = HOURS.map(([k, label, color]) => ({
              label,
              color,
              h: (r[k] as number | null) ?? 0,
            }));
            const total = parts.reduce((a, x) => a + x.h, 0);
            const causes = Object.entries(r.interruptions).sort((a, b) => b[1] - a[1]);
            return (
              <details key={r.id} class="workload-detail" open={training.length === 1}>
                <summary>
                  Where {r.id}’s {fmtNumber(total)} hours went, and its {fmtNumber(r.interruptionsTotal)}{' '}
                  interruptions by cause
                </summary>
                <div class="hours-bar" role="img" aria-label={`Hours of ${r.id} by use`}>
                  {parts
                    .filter((x) => x.h > 0)
                    .map((x) => (
                      <span
                        key={x.label}
                        style={`width:${(100 * x.h) / (total || 1)}%;background:${x.color}`}
                        title={`${x.label}: ${fmtNumber(x.h, 1)} h`}
                      />
                    ))}
                </div>
                <table>
                  <tbody>
                    {parts.map((x) => (
                      <tr key={x.label}>
                        <td>
                          <span class="swatch" style={`background:${x.color}`} /> {x.label}
                        </td>
                        <td class="num">{fmtNumber(x.h, 1)} h</td>
                        <td class="num">{total > 0 ? `${fmtNumber((100 * x.h) / total, 1)} %` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <table data-testid={`interruptions-${r.id}`}>
                  <thead>
                    <tr>
                      <th>{t('wl.cause')}</th>
                      <th class="num">{t('wl.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {causes.map(([c, n]) => (
                      <tr key={c}>
                        <td>{c}</td>
                        <td class="num">{fmtNumber(n)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            );
          })}
        </section>
      )}
      {inference.length > 0 && (
        <section class="chart" data-testid="inference">
          <header>
            <h3>{t('wl.inference')}</h3>
          </header>
          <table>
            <thead>
              <tr>
                <th>{t('wl.service')}</th>
                <th>site</th>
                <th class="num">{t('wl.tokens')}</th>
                <th class="num">{t('wl.peakAccel')}</th>
                <th class="num">{t('wl.shortHours')}</th>
                <th class="num">{t('wl.energyPerToken')}</th>
                <th class="num">{t('wl.co2PerMtok')}</th>
                <th class="num">{t('wl.energy')}</th>
              </tr>
            </thead>
            <tbody>
              {inference.map((r) => (
                <tr key={r.id} data-workload={r.id}>
                  <td>{r.id}</td>
                  <td>{r.site}</td>
                  <td class="num">{r.tokensServed === null ? '—' : fmtNumber(r.tokensServed)}</td>
                  <td class="num">{r.peakAccelerators === null ? '—' : fmtNumber(r.peakAccelerators)}</td>
                  <td class="num" data-col="shortfall">
                    {r.shortfallHours === null ? '—' : `${fmtNumber(r.shortfallHours)} h`}
                  </td>
                  <td class="num">
                    {r.energyPerTokenJ === null ? '—' : `${fmtNumber(r.energyPerTokenJ, 3)} J`}
                  </td>
                  <td class="num">
                    {r.co2PerMillionTokensKg === null ? '—' : `${fmtNumber(r.co2PerMillionTokensKg, 3)} kg`}
                  </td>
                  <td class="num">{fmt.energy(r.energyMWh)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
