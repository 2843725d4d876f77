/**
 * Cross-field rules for `workloads` (./workload-schema.ts): the site and accelerator exist, the run
 * fits on accelerators that come online within the horizon, dates lie in the simulated period, ids
 * are unique. Called from `crossFieldIssues` (./validate.ts).
 */

import { getAccelerator } from '../catalog/accelerators.js';
import { phaseOnlineAt } from '../engine/fleet.js';
import { DAY_MS, HOUR_MS, isoDateMs } from '../engine/series.js';
import type { ScenarioIssue } from './issues.js';
import type { Scenario } from './scenario.js';

/** Accelerators of a type a site has online at `atMs` (the fleet stage's formula). */
function onlineAt(site: Scenario['sites'][number], accelerator: string, atMs: number): number {
  let n = 0;
  for (const p of site.phases) {
    if (p.accelerator !== accelerator || p.count === undefined) continue;
    n += phaseOnlineAt(p.count, isoDateMs(p.online), p.rampDays, atMs);
  }
  return n;
}

export function workloadIssues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const workloads = s.workloads ?? [];
  const seen = new Set<string>();
  const lastHourMs = isoDateMs(s.end) + DAY_MS - HOUR_MS;
  workloads.forEach((w, k) => {
    const at = ['workloads', k] as const;
    if (seen.has(w.id)) issues.push({ path: [...at, 'id'], message: 'duplicate workload id', value: w.id });
    seen.add(w.id);
    const site = s.sites.find((x) => x.id === w.site);
    if (!site) {
      issues.push({
        path: [...at, 'site'],
        message: `no such site; must be one of: ${s.sites.map((x) => x.id).join(', ')}`,
        value: w.site,
      });
      return;
    }
    const types = [...new Set(site.phases.map((p) => p.accelerator))];
    let acc = w.accelerator;
    if (acc === undefined) {
      if (types.length !== 1) {
        issues.push({
          path: [...at, 'accelerator'],
          message: `site ${site.id} has several accelerator types (${types.join(', ')}); say which one`,
        });
        return;
      }
      acc = types[0] as string;
    } else if (!types.includes(acc)) {
      issues.push({
        path: [...at, 'accelerator'],
        message: `site ${site.id} never installs ${acc}; it has ${types.join(', ')}`,
        value: acc,
      });
      return;
    }
    const spec = getAccelerator(acc);
    const over = s.acceleratorOverrides?.[acc as keyof typeof s.acceleratorOverrides];
    const peak =
      w.precision === 'fp8'
        ? (over?.fp8DenseTFLOPS ?? spec?.fp8DenseTFLOPS.value)
        : (over?.bf16DenseTFLOPS ?? spec?.bf16DenseTFLOPS.value);
    if (typeof peak !== 'number') {
      issues.push({
        path: [...at, 'precision'],
        message: `${acc} has no published dense ${w.precision} throughput; set acceleratorOverrides.${acc}.${w.precision}DenseTFLOPS`,
        value: w.precision,
      });
    }
    const perUnit = spec?.schedulingUnit.accelerators ?? 1;
    const atEnd = onlineAt(site, acc, lastHourMs);
    const everInstalled = site.phases
      .filter((p) => p.accelerator === acc)
      .reduce((a, p) => a + (p.count ?? 0), 0);
    if (w.kind === 'training') {
      if ((w.count === undefined) === (w.share === undefined)) {
        issues.push({
          path: [...at, 'count'],
          message:
            'give exactly one of count (accelerators) or share (of the site’s accelerators of that type, 0..1)',
          value: w.count,
        });
      }
      const needed = w.count ?? Math.max(1, Math.round((w.share ?? 0) * everInstalled));
      const units = Math.ceil(needed / perUnit);
      const hasCounts = site.phases.every((p) => p.accelerator !== acc || p.count !== undefined);
      if (hasCounts && units * perUnit > Math.floor(atEnd / perUnit) * perUnit) {
        issues.push({
          path: [...at, w.count !== undefined ? 'count' : 'share'],
          message: `needs ${units * perUnit} ${acc} (${units} × ${perUnit}-accelerator ${spec?.schedulingUnit.name ?? 'units'}) but site ${site.id} has at most ${Math.floor(atEnd).toLocaleString('en-US')} online by ${s.end}: the run never gets its accelerators within the horizon`,
          value: w.count ?? w.share,
        });
      }
      if (
        w.start !== 'asap' &&
        (isoDateMs(w.start) < isoDateMs(s.start) || isoDateMs(w.start) > isoDateMs(s.end))
      ) {
        issues.push({
          path: [...at, 'start'],
          message: `must lie within the simulated period ${s.start} … ${s.end}, or be 'asap'`,
          value: w.start,
        });
      }
    } else {
      if (w.hbmBytesPerToken !== undefined && spec?.hbmBandwidthTBps.value === null) {
        issues.push({
          path: [...at, 'hbmBytesPerToken'],
          message: `${acc} has no published HBM bandwidth; omit hbmBytesPerToken to size by compute`,
          value: w.hbmBytesPerToken,
        });
      }
      if (atEnd < perUnit) {
        issues.push({
          path: [...at, 'site'],
          message: `site ${site.id} has no whole ${spec?.schedulingUnit.name ?? 'unit'} of ${acc} online within the horizon`,
          value: w.site,
        });
      }
    }
  });
  return issues;
}
