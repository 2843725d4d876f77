/**
 * Procurement start dates from what the register states, on named campuses: each expected date read off
 * the register's own text (data/campuses/us_ai_campuses.csv) by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  announcementDate,
  constructionStart,
  procurementStart,
} from '../src/analysis/buildout/procurement.js';
import { parseRegister } from '../src/analysis/buildout/register.js';

const file = join(import.meta.dirname, '..', 'data', 'campuses', 'us_ai_campuses.csv');
const register = parseRegister(readFileSync(file, 'utf8'), file);
const campus = (id: string) => {
  const r = register.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no ${id}`);
  return r;
};

describe('what the register states', () => {
  it('a stated announcement date: Microsoft Pecos/Kilby "announced 2026-06-22"', () => {
    expect(announcementDate(campus('microsoft-pecos-kilby'))).toEqual({
      iso: '2026-06-22',
      basis: 'register: announced 2026-06-22',
    });
  });
  it('no stated date: the earliest dated source bounds it (Fermi: a source of 2025-10-15)', () => {
    expect(announcementDate(campus('fermi-project-matador'))?.iso).toBe('2025-10-15');
    expect(announcementDate(campus('crusoe-tallgrass-cheyenne'))?.iso).toBe('2025-07-24');
    // no date anywhere in the row
    expect(announcementDate(campus('amazon-northwest-indiana'))).toBeNull();
  });
  it('a construction start: Port Washington "groundbreaking Dec 2025"; none for Abilene', () => {
    expect(constructionStart(campus('stargate-port-washington-lighthouse'))).toEqual({
      iso: '2025-12-01',
      basis: 'register: groundbreaking Dec 2025',
    });
    expect(constructionStart(campus('stargate-abilene'))).toBeNull();
  });
});

describe('the start S of each campus (analysis date 2026-12-02)', () => {
  it('announced campuses start at their announcement', () => {
    expect(procurementStart(campus('microsoft-pecos-kilby')).iso).toBe('2026-06-22');
    expect(procurementStart(campus('fermi-project-matador')).iso).toBe('2025-10-15');
    expect(procurementStart(campus('pacifico-gw-ranch')).iso).toBe('2026-02-01');
  });
  it('an announced campus with no date at all keeps the status rule: 6 months before', () => {
    const s = procurementStart(campus('amazon-northwest-indiana'));
    expect(s.iso).toBe('2026-06-02');
    expect(s.basis).toMatch(/^ASSUMPTION by status announced/);
  });
  it('under construction: the earliest of the stated dates and the status rule (24 months before)', () => {
    // groundbreaking Dec 2025 is later than 2024-12-02: ordering had begun by the rule's date
    expect(procurementStart(campus('stargate-port-washington-lighthouse')).iso).toBe('2024-12-02');
    // "announced 2026-06-04", also later than the rule
    expect(procurementStart(campus('google-meitner-energy-center')).iso).toBe('2024-12-02');
  });
  it('operating: 36 months before (Abilene: its sources date from 2025)', () => {
    expect(procurementStart(campus('stargate-abilene')).iso).toBe('2023-12-02');
  });
  it('never after the analysis date', () => {
    const s = procurementStart(campus('microsoft-pecos-kilby'), '2026-01-01');
    expect(s.iso).toBe('2026-01-01');
    expect(s.basis).toContain('not after the analysis date 2026-01-01');
  });
});
