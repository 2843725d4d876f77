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
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { type Scenario, type ScenarioInput, scenarioSchema } from './scenario.js';
import { didYouMean, suggest } from './suggest.js';
import { gridSideIssues } from './validate-grid-side.js';
import { interconnectWarnings, limitIssues, unsafeKeyIssues } from './validate-limits.js';
import { workloadIssues } from './workload-validate.js';

export type { FieldPath, ScenarioIssue };

/** A valid scenario may still carry warnings (legal but most likely a mistake); they never fail it. */
export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

/** Walks `obj` along `path` (for reporting the bad value). */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** The zod schemas reached by following `path` from `schema` (unions fan out; wrappers are unwrapped). */
function schemasAt(schema: z.core.$ZodType, path: FieldPath): z.core.$ZodType[] {
  let level: z.core.$ZodType[] = [schema];
  for (let i = 0; i <= path.length; i++) {
    // Unwrap optional/default/... and fan out unions until only concrete schemas remain.
    const concrete: z.core.$ZodType[] = [];
    const pending = [...level];
    for (let guard = 0; pending.length > 0 && guard < 1000; guard++) {
      const t = pending.pop() as z.core.$ZodType;
      const def = t._zod.def as unknown as Record<string, unknown> & { type: string };
      if ('innerType' in def) pending.push(def.innerType as z.core.$ZodType);
      else if (def.type === 'union') pending.push(...(def.options as z.core.$ZodType[]));
      else if (def.type === 'pipe') pending.push(def.in as z.core.$ZodType);
      else concrete.push(t);
    }
    if (i === path.length) return concrete;
    const key = path[i];
    level = [];
    for (const t of concrete) {
      const def = t._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'array' && typeof key === 'number') level.push(def.element as z.core.$ZodType);
      else if (def.type === 'object' && typeof key === 'string') {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        if (Object.hasOwn(shape, key)) level.push(shape[key] as z.core.$ZodType);
      } else if (def.type === 'record') level.push(def.valueType as z.core.$ZodType);
    }
  }
  return level;
}

/** The field names the scenario format allows in the object at `path`. */
function fieldNamesAt(path: FieldPath): string[] {
  const names = new Set<string>();
  for (const t of schemasAt(scenarioSchema, path)) {
    const def = t._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') for (const k of Object.keys(def.shape as object)) names.add(k);
  }
  return [...names];
}

function zodIssues(error: z.ZodError, input: unknown): ScenarioIssue[] {
  return error.issues.map((iss) => {
    const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
    let message = iss.message;
    if (iss.code === 'invalid_value' && 'values' in iss) {
      const values = (iss.values as unknown[]).map(String);
      message = `must be one of: ${values.join(', ')}${didYouMean(valueAt(input, path), values)}`;
    } else if (iss.code === 'unrecognized_keys') {
      const allowed = fieldNamesAt(path);
      const hints = iss.keys.flatMap((k) => {
        const near = suggest(k, allowed);
        return near === undefined ? [] : [iss.keys.length === 1 ? `'${near}'` : `'${near}' for '${k}'`];
      });
      const hint = hints.length === 0 ? '' : `; did you mean ${hints.join(', ')}?`;
      message = `unknown field(s) ${iss.keys.map((k) => `'${k}'`).join(', ')}${hint}; see \`gigawatt schema\` for the fields allowed here`;
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
        // A ramp can outrun the dates a Date can hold (rampDays: 1e308): say so rather than throw.
        const ends =
          Math.abs(prevRampEnd) < 8.64e15 ? new Date(prevRampEnd).toISOString().slice(0, 10) : 'never';
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

/**
 * Validates a parsed document (from YAML or JSON) as a scenario: prototype keys and nesting first,
 * then the shape, then the limits (before anything that scales with the scenario's size), then the
 * cross-field rules. A valid scenario comes with its warnings.
 */
export function validateScenario(input: unknown, limits: Limits = DEFAULT_LIMITS): ValidationResult {
  const unsafe = unsafeKeyIssues(input);
  if (unsafe.length > 0) return { ok: false, issues: unsafe };
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, input) };
  const tooBig = limitIssues(parsed.data, limits);
  if (tooBig.length > 0) return { ok: false, issues: tooBig };
  const issues = crossFieldIssues(parsed.data);
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, scenario: parsed.data, warnings: interconnectWarnings(parsed.data) };
}

export type { Scenario, ScenarioInput };
