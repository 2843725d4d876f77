/** The display preferences in the navigation bar: theme (light, dark or the system's). */
import { useState } from 'preact/hooks';
import { setThemeChoice, type ThemeChoice, themeChoice } from './theme';

export function Prefs() {
  const [theme, setTheme] = useState<ThemeChoice>(themeChoice);
  return (
    <span class="prefs">
      <label>
        Theme{' '}
        <select
          value={theme}
          data-testid="theme"
          onChange={(e) => {
            const c = (e.target as HTMLSelectElement).value as ThemeChoice;
            setThemeChoice(c);
            setTheme(c);
          }}
        >
          <option value="system">system</option>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </label>
    </span>
  );
}
