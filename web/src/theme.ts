/**
 * Light and dark themes. The palette lives in style.css as custom properties whose `light-dark()`
 * values follow the root's `color-scheme`: the system setting (`prefers-color-scheme`) by default,
 * or the user's choice (light, dark, system) kept in localStorage and set as `data-theme` on <html>.
 * SVG charts use the properties directly (`var(--s-blue)`); canvas charts and exports resolve them to
 * concrete colours with `cssColor`.
 */
import { useEffect, useState } from 'preact/hooks';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

const KEY = 'gigawatt.theme';
const EVENT = 'gigawatt:theme';

/** Series colours of the charts and the map: one home, each a custom property of style.css. */
export const C = {
  blue: 'var(--s-blue)',
  navy: 'var(--s-navy)',
  orange: 'var(--s-orange)',
  amber: 'var(--s-amber)',
  amberDark: 'var(--s-amber-dark)',
  emerald: 'var(--s-emerald)',
  green: 'var(--s-green)',
  red: 'var(--s-red)',
  pink: 'var(--s-pink)',
  violet: 'var(--s-violet)',
  purple: 'var(--s-purple)',
  cyan: 'var(--s-cyan)',
  lime: 'var(--s-lime)',
  ember: 'var(--s-ember)',
  teal: 'var(--s-teal)',
  indigo: 'var(--s-indigo)',
  gray: 'var(--s-gray)',
  slate: 'var(--s-slate)',
  ink: 'var(--s-ink)',
  /** Page text, chart background, grid lines, the map's land, coast and state borders. */
  fg: 'var(--fg)',
  muted: 'var(--muted)',
  text2: 'var(--text-2)',
  surface: 'var(--surface)',
  grid: 'var(--grid)',
  land: 'var(--map-land)',
  coast: 'var(--map-coast)',
  stateBorder: 'var(--map-border)',
} as const;

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the system setting applies
  }
}

export function themeChoice(): ThemeChoice {
  const s = stored();
  return s === 'light' || s === 'dark' ? s : 'system';
}

/** Sets `data-theme` on <html> from the stored choice (none for "system"). */
export function applyTheme(): void {
  const c = themeChoice();
  if (c === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = c;
}

export function setThemeChoice(c: ThemeChoice): void {
  try {
    if (c === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, c);
  } catch {
    // not kept across reloads, still applied now
    if (c === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = c;
    window.dispatchEvent(new Event(EVENT));
    return;
  }
  applyTheme();
  window.dispatchEvent(new Event(EVENT));
}

/** The theme in effect: the user's choice, else the system's. */
export function resolvedTheme(): Theme {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme in effect, re-rendering when the choice or the system setting changes. */
export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(resolvedTheme);
  useEffect(() => {
    const on = () => setTheme(resolvedTheme());
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    window.addEventListener(EVENT, on);
    mq?.addEventListener('change', on);
    return () => {
      window.removeEventListener(EVENT, on);
      mq?.removeEventListener('change', on);
    };
  }, []);
  return theme;
}

/**
 * A CSS colour (e.g. `var(--s-blue)`) as the concrete `rgb(…)` it has now, for canvas drawing and
 * exported files, which cannot read custom properties.
 */
export function cssColor(value: string): string {
  if (!value.includes('var(')) return value;
  const probe = document.createElement('span');
  probe.style.display = 'none';
  probe.style.color = value;
  document.body.appendChild(probe);
  const c = getComputedStyle(probe).color;
  probe.remove();
  return c;
}
