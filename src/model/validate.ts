/**
 * Scenario validation: the zod shape (./scenario.ts) plus the rules that need the catalogs or more
 * than one field. Every problem becomes one `ScenarioIssue` with the field path, the bad value and what
 * is allowed, so the loader can point at file:line:column.
 */

import type { z } from 'zod';
import { acceleratorPowerCurve, getAccelerator } from '../catalog/accelerators.js';
import { minPowerCapW } from '../catalog/power-curve.js';
import { defaultPriceSeriesFor } from '../catalog/regions.js';
import { DAY_MS, isoDateMs } from '../engine/series.js';
import type { FieldPath, ScenarioIssue } from './issues.js';
import { type Scenario, type ScenarioInput, scenarioSchema } from './scenario.js';
import { gridSideIssues } from './validate-grid-side.js';
import { workloadIssues } from './workload-validate.js';

export type { FieldPath, ScenarioIssue };

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Walks `obj` along `path` (for reporting the bad value). */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function zodIssues(error: z.ZodError, input: unknown): ScenarioIssue[] {
  return error.issues.map((iss) => {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    let message = iss.message;
    if (iss.code === 'invalid_value' && 'values' in iss) {
      message = `must be one of: ${(iss.values as unknown[]).map(String).join(', ')}`;
    } else if (iss.code === 'unrecognized_keys') {
      message = `unknown field(s) ${iss.keys.map((k) => `'${k}'`).join(', ')}; see \`gigawatt schema\` for the fields allowed here`;
    } else if (iss.code === 'invalid_type' && valueAt(input, path) === undefined) {
      message = `is required (${iss.expected})`;
    } else if (iss.code === 'invalid_union') {
      message = 'does not match any allowed form; see `gigawatt schema`';
    }
    const value = iss.code === 'unrecognized_keys' ? undefined : valueAt(input, path);
    return { path, message, value };
  });
}

/** The rules that the shape alone cannot express. Runs on a scenario that passed the shape. */
export function crossFieldIssues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const startMs = isoDateMs(s.start);
  const endMs = isoDateMs(s.end);
  if (endMs < startMs) {
    issues.push({ path: ['end'], message: `must not be before start (${s.start})`, value: s.end });
  }
  const siteIds = new Set<string>();
  s.sites.forEach((site, i) => {
    if (siteIds.has(site.id)) {
      issues.push({
        path: ['sites', i, 'id'],
        message: 'duplicate site id; each site needs its own id',
        value: site.id,
      });
    }
    siteIds.add(site.id);
    if (site.electricityPrice === undefined && defaultPriceSeriesFor(site.region) === undefined) {
      issues.push({
        path: ['sites', i, 'electricityPrice'],
        message: `region ${site.region} has no bundled hourly price series; give electricityPrice: {flatUSDPerMWh: <$/MWh>}`,
      });
    }
    let prevRampEnd = Number.NEGATIVE_INFINITY;
    let prevId = '';
    const phaseIds = new Set<string>();
    site.phases.forEach((phase, j) => {
      const at = ['sites', i, 'phases', j] as const;
      const pid = phase.id ?? `phase-${j + 1}`;
      if (phaseIds.has(pid))
        issues.push({ path: [...at, 'id'], message: 'duplicate phase id within the site', value: pid });
      phaseIds.add(pid);
      if ((phase.count === undefined) === (phase.itMW === undefined)) {
        issues.push({
          path: [...at, 'count'],
          message: 'give exactly one of count (accelerators) or itMW (IT capacity in MW)',
          value: phase.count,
        });
      }
      const online = isoDateMs(phase.online);
      if (online < prevRampEnd) {
        const ends = new Date(prevRampEnd).toISOString().slice(0, 10);
        issues.push({
          path: [...at, 'online'],
          message: `overlaps phase '${prevId}', which is still ramping until ${ends}; phases of a site must come online in order, each after the previous ramp ends`,
          value: phase.online,
        });
      }
      prevRampEnd = Math.max(prevRampEnd, online + phase.rampDays * DAY_MS);
      prevId = pid;
      const spec = getAccelerator(phase.accelerator);
      const over = s.acceleratorOverrides?.[phase.accelerator];
      if (spec && spec.boardPowerW.value === null && over?.boardPowerW === undefined) {
        issues.push({
          path: [...at, 'accelerator'],
          message: `${phase.accelerator} has no published board power; set acceleratorOverrides.${phase.accelerator}.boardPowerW (W) and say why in a comment`,
          value: phase.accelerator,
        });
      }
      if (
        spec &&
        spec.hostNetworkWPerAccelerator.value === null &&
        over?.hostNetworkWPerAccelerator === undefined
      ) {
        issues.push({
          path: [...at, 'accelerator'],
          message: `${phase.accelerator} has no published system power; set acceleratorOverrides.${phase.accelerator}.hostNetworkWPerAccelerator (W)`,
          value: phase.accelerator,
        });
      }
      const board = over?.boardPowerW ?? spec?.boardPowerW.value;
      if (
        phase.powerCapW !== undefined &&
        typeof board === 'number' &&
        phase.powerCapW <= minPowerCapW(board, acceleratorPowerCurve(phase.accelerator))
      ) {
        issues.push({
          path: [...at, 'powerCapW'],
          message: `must be above the idle draw of a ${phase.accelerator} (${Math.ceil(minPowerCapW(board, acceleratorPowerCurve(phase.accelerator)))} W); up to its board power ${board} W`,
          value: phase.powerCapW,
        });
      }
      const peak = s.compute.precision === 'fp8' ? spec?.fp8DenseTFLOPS.value : spec?.bf16DenseTFLOPS.value;
      const peakOver = s.compute.precision === 'fp8' ? over?.fp8DenseTFLOPS : over?.bf16DenseTFLOPS;
      if (spec && (peak === null || peak === undefined) && peakOver === undefined) {
        issues.push({
          path: [...at, 'accelerator'],
          message: `${phase.accelerator} has no published dense ${s.compute.precision} throughput; set acceleratorOverrides.${phase.accelerator}.${s.compute.precision}DenseTFLOPS`,
          value: phase.accelerator,
        });
      }
      const price =
        s.economics.acceleratorPriceUSD?.[phase.accelerator] ?? over?.priceUSD ?? spec?.priceUSD.value;
      if (spec && (price === null || price === undefined)) {
        issues.push({
          path: [...at, 'accelerator'],
          message: `${phase.accelerator} has no published price; set economics.acceleratorPriceUSD.${phase.accelerator} ($)`,
          value: phase.accelerator,
        });
      }
    });
  });
  issues.push(...gridSideIssues(s));
  issues.push(...workloadIssues(s));
  return issues;
}

/** Validates a parsed document (from YAML or JSON) as a scenario. */
export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, input) };
  const issues = crossFieldIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

export type { Scenario, ScenarioInput };
