/**
 * Checks that bound what one scenario may ask for, run before any simulation: keys that would reach
 * an object's prototype, nesting depth, and the limits of ./limits.ts (simulated span, sites, phases,
 * workloads, accelerators). Each problem is a located issue naming the limit and the environment
 * variable that raises it. Also the physical sanity check of installed IT power against the grid
 * interconnect, which is a warning, not an error.
 */
import { getAccelerator } from '../catalog/accelerators.js';
import { DAY_MS, isoDateMs } from '../engine/series.js';
import type { FieldPath, ScenarioIssue } from './issues.js';
import { LIMIT_ENV, type Limits } from './limits.js';
import type { Phase, Scenario } from './scenario.js';

/** Keys that reach or replace an object's prototype; refused anywhere in a scenario. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of objects and arrays accepted in a scenario document (the format itself needs 6). */
export const MAX_NESTING_DEPTH = 64;

/**
 * Prototype keys anywhere in `data`, and nesting deeper than MAX_NESTING_DEPTH (reported once, at
 * the first too-deep container). Iterative, so a 100,000-deep document cannot overflow the stack.
 */
export function unsafeKeyIssues(data: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: { value: unknown; path: FieldPath }[] = [{ value: data, path: [] }];
  let tooDeep = false;
  while (stack.length > 0 && issues.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: FieldPath };
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_NESTING_DEPTH) {
      if (!tooDeep)
        issues.push({
          path: path.slice(0, MAX_NESTING_DEPTH),
          message: `nested deeper than ${MAX_NESTING_DEPTH} levels; a scenario needs at most a few`,
        });
      tooDeep = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        issues.push({
          path: [...path, key],
          atKey: true,
          message: `the key '${key}' is not allowed (${[...PROTOTYPE_KEYS].join(', ')} are reserved); see \`gigawatt schema\` for the fields allowed here`,
        });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** A count as people write it: 1,000,000; from 1e15 on, 1e+308. */
const count = (x: number) => (Math.abs(x) >= 1e15 ? x.toExponential() : x.toLocaleString('en-US'));

function over(
  path: FieldPath,
  what: string,
  value: number,
  limit: keyof Limits,
  limits: Limits,
): ScenarioIssue {
  return {
    path,
    message: `${what} is ${count(value)}, over the limit of ${count(limits[limit])} (raise it with ${LIMIT_ENV[limit]})`,
    value,
  };
}

/** Watts of one accelerator with its host and network share (overrides first), or undefined if unpublished. */
function wattsPerAccelerator(s: Scenario, accelerator: string): number | undefined {
  const spec = getAccelerator(accelerator);
  const o = s.acceleratorOverrides?.[accelerator as keyof NonNullable<Scenario['acceleratorOverrides']>];
  const board = o?.boardPowerW ?? spec?.boardPowerW.value;
  const host = o?.hostNetworkWPerAccelerator ?? spec?.hostNetworkWPerAccelerator.value;
  return typeof board === 'number' && typeof host === 'number' ? board + host : undefined;
}

/** Accelerators in a phase: its count, or its itMW over the full-load watts of one accelerator. */
function phaseAccelerators(s: Scenario, phase: Phase): number | undefined {
  if (phase.count !== undefined) return phase.count;
  const w = wattsPerAccelerator(s, phase.accelerator);
  return phase.itMW !== undefined && w !== undefined && w > 0
    ? Math.round((phase.itMW * 1e6) / w)
    : undefined;
}

/** The scenario's sizes against the limits; one issue per limit exceeded. */
export function limitIssues(s: Scenario, limits: Limits): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const startMs = isoDateMs(s.start);
  const endMs = isoDateMs(s.end);
  const days = Math.round((endMs - startMs) / DAY_MS) + 1;
  if (Number.isFinite(days) && days > limits.maxSimulatedDays)
    issues.push({
      ...over(
        ['end'],
        `the simulated span (${s.start} to ${s.end}) in days`,
        days,
        'maxSimulatedDays',
        limits,
      ),
      value: s.end,
    });
  if (s.sites.length > limits.maxSites)
    issues.push(over(['sites'], 'the number of sites', s.sites.length, 'maxSites', limits));
  else if (Number.isFinite(days) && days > 0 && s.sites.length * days > limits.maxSiteDays)
    issues.push(
      over(
        ['sites'],
        `sites x simulated days (${s.sites.length} x ${days.toLocaleString('en-US')})`,
        s.sites.length * days,
        'maxSiteDays',
        limits,
      ),
    );
  const workloads = s.workloads?.length ?? 0;
  if (workloads > limits.maxWorkloads)
    issues.push(over(['workloads'], 'the number of workloads', workloads, 'maxWorkloads', limits));
  s.sites.slice(0, limits.maxSites).forEach((site, i) => {
    if (site.phases.length > limits.maxPhasesPerSite)
      issues.push(
        over(['sites', i, 'phases'], 'the number of phases', site.phases.length, 'maxPhasesPerSite', limits),
      );
    let total = 0;
    site.phases.forEach((phase, j) => {
      if (phase.rampDays > limits.maxSimulatedDays)
        issues.push(
          over(
            ['sites', i, 'phases', j, 'rampDays'],
            'the ramp in days',
            phase.rampDays,
            'maxSimulatedDays',
            limits,
          ),
        );
      const n = phaseAccelerators(s, phase);
      if (n === undefined) return;
      total += n;
      if (n > limits.maxAcceleratorsPerPhase)
        issues.push(
          over(
            ['sites', i, 'phases', j, phase.count !== undefined ? 'count' : 'itMW'],
            'the number of accelerators in the phase',
            n,
            'maxAcceleratorsPerPhase',
            limits,
          ),
        );
    });
    if (total > limits.maxAcceleratorsPerSite)
      issues.push(
        over(
          ['sites', i, 'phases'],
          'the number of accelerators at the site',
          total,
          'maxAcceleratorsPerSite',
          limits,
        ),
      );
  });
  return issues;
}

/** Installed IT power over interconnect above which a site gets a warning. */
export const IT_OVER_INTERCONNECT_WARNING = 3;

/**
 * Warnings (not errors): sites whose installed IT power at full load (accelerators x board + host
 * watts) exceeds IT_OVER_INTERCONNECT_WARNING times the interconnect. The engine caps facility power
 * at the interconnect and reports the rest as unserved, so such a site is legal but most likely a typo
 * in a count or in interconnectMW.
 */
export function interconnectWarnings(s: Scenario): ScenarioIssue[] {
  const warnings: ScenarioIssue[] = [];
  s.sites.forEach((site, i) => {
    let itW = 0;
    for (const phase of site.phases) {
      if (phase.itMW !== undefined) itW += phase.itMW * 1e6;
      else {
        const w = wattsPerAccelerator(s, phase.accelerator);
        if (w !== undefined && phase.count !== undefined) itW += phase.count * w;
      }
    }
    const itMW = itW / 1e6;
    if (itMW > IT_OVER_INTERCONNECT_WARNING * site.interconnectMW)
      warnings.push({
        path: ['sites', i, 'interconnectMW'],
        message: `the site's accelerators draw ${itMW.toLocaleString('en-US', { maximumFractionDigits: 1 })} MW of IT power at full load (board + host), over ${IT_OVER_INTERCONNECT_WARNING}x the interconnect; most of it would be unserved. Check the phase counts and interconnectMW`,
        value: site.interconnectMW,
      });
  });
  return warnings;
}
