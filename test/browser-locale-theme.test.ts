/**
 * The dashboard's dark theme, languages and currencies in Chromium: the system's dark setting (and
 * the manual override) with axe's colour-contrast check, exported charts that keep their colours.
 * Needs /usr/bin/chromium and web/dist (`node scripts/build-web.mjs`); one Chromium for the file.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardSession, openDashboard } from './browser-session.js';

let session: DashboardSession | undefined;
let context: BrowserContext;
let base: string;

type Hook = { __gigawatt?: { runs: number } };

async function seriousViolations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openCampus(p: Page, name: string, query = ''): Promise<void> {
  await p.goto(`${base}${query}#/campus/${name}`);
  await p.waitForFunction(() => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1, undefined, {
    timeout: 60_000,
  });
  await p.getByTestId('hourly-chart').locator('canvas').first().waitFor();
}

/** Relative luminance of an `rgb(r, g, b)` colour (WCAG 2.x). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

beforeAll(async () => {
  session = await openDashboard({ colorScheme: 'dark' });
  ({ base, context } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('dark theme (browser set to prefers-color-scheme: dark)', () => {
  it('follows the system setting: dark page, light text, with WCAG AA contrast', async () => {
    const p = await context.newPage();
    await p.goto(base);
    await p.getByTestId('gallery').waitFor({ timeout: 30_000 });
    const [bg, fg] = await p.evaluate(() => {
      const cs = getComputedStyle(document.documentElement);
      return [cs.backgroundColor, cs.color];
    });
    // #0b1120 and #e5e7eb: contrast (L1 + 0.05) / (L2 + 0.05) well above 4.5.
    expect(luminance(bg)).toBeLessThan(0.02);
    expect((luminance(fg) + 0.05) / (luminance(bg) + 0.05)).toBeGreaterThan(12);
    await p.close();
  });

  const pages = [
    ['gallery', '', 'gallery'],
    ['compare page', '#/compare/anthropic-fluidstack/stargate-abilene', 'compare-table'],
    ['not-found page', '#/campus/no-such-campus', 'not-found'],
  ] as const;
  for (const [name, path, ready] of pages) {
    it(`the ${name} has no critical or serious axe violation (colour contrast included)`, async () => {
      const p = await context.newPage();
      await p.goto(`${base}${path}`);
      await p.getByTestId(ready).first().waitFor({ timeout: 60_000 });
      await p.waitForTimeout(300);
      expect(await seriousViolations(p)).toEqual([]);
      await p.close();
    });
  }

  it('the flexible campus (every view, YAML tab) has no critical or serious violation', async () => {
    const p = await context.newPage();
    await openCampus(p, 'anthropic-fluidstack-flexible');
    await p.getByTestId('flexibility').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByTestId('tab-yaml').click();
    await p.getByTestId('yaml-editor').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    // The charts draw on the dark surface: the bar chart's background rect is dark.
    const chartBg = await p
      .locator('.chart svg[role="img"] > rect')
      .first()
      .evaluate((r) => getComputedStyle(r).fill);
    expect(luminance(chartBg)).toBeLessThan(0.02);
    await p.close();
  });

  it('an exported SVG carries concrete colours (no custom properties) and its dark background', async () => {
    const p = await context.newPage();
    await openCampus(p, 'anthropic-fluidstack');
    const chart = p.locator('section.chart', { has: p.locator('svg[role="img"]') }).nth(1);
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      chart.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    expect(svg).not.toContain('var(');
    const bg = /<rect[^>]*style="fill: (rgb\([^)]*\))/.exec(svg)?.[1] ?? '';
    expect(luminance(bg)).toBeLessThan(0.02);
    // Text drawn in the light text colour, readable on that background.
    const text = /<text[^>]*style="fill: (rgb\([^)]*\))/.exec(svg)?.[1] ?? '';
    expect((luminance(text) + 0.05) / (luminance(bg) + 0.05)).toBeGreaterThan(4.5);
    await p.close();
  });

  it('the manual override (light, dark, system) applies at once and is kept across a reload', async () => {
    const p = await context.newPage();
    await p.goto(base);
    await p.getByTestId('gallery').waitFor({ timeout: 30_000 });
    const rootBg = () => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await p.getByTestId('theme').selectOption('light');
    expect(await rootBg()).toBe('rgb(248, 250, 252)');
    await p.reload();
    await p.getByTestId('gallery').waitFor();
    expect(await rootBg()).toBe('rgb(248, 250, 252)');
    expect(await p.getByTestId('theme').inputValue()).toBe('light');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByTestId('theme').selectOption('system');
    expect(await rootBg()).toBe('rgb(11, 17, 32)');
    expect(await p.evaluate(() => localStorage.getItem('gigawatt.theme'))).toBeNull();
    await p.close();
  });
});
