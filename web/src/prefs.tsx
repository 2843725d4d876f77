/**
 * The display preferences in the navigation bar: language, currency with its exchange rate (an
 * input: US dollars per euro), and theme (light, dark or the system's).
 */
import { useState } from 'preact/hooks';
import { type Currency, currency, type Locale, locale, parseRate, setPrefs, t, usdPerEur } from './i18n';
import { setThemeChoice, type ThemeChoice, themeChoice } from './theme';

export function Prefs() {
  const [theme, setTheme] = useState<ThemeChoice>(themeChoice);
  const [rateText, setRateText] = useState(String(usdPerEur()));
  const rateOk = parseRate(rateText) !== undefined;
  return (
    <span class="prefs">
      <label>
        {t('prefs.language')}{' '}
        <select
          value={locale()}
          data-testid="locale"
          onChange={(e) => setPrefs({ locale: (e.target as HTMLSelectElement).value as Locale })}
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="fr" lang="fr">
            Français
          </option>
        </select>
      </label>
      <label>
        {t('prefs.currency')}{' '}
        <select
          value={currency()}
          data-testid="currency"
          onChange={(e) => setPrefs({ currency: (e.target as HTMLSelectElement).value as Currency })}
        >
          <option value="USD">US$</option>
          <option value="EUR">€</option>
        </select>
      </label>
      <label title={t('prefs.rateNote')}>
        {t('prefs.rate')}{' '}
        <input
          type="text"
          inputMode="decimal"
          size={6}
          value={rateText}
          data-testid="usd-per-eur"
          aria-invalid={!rateOk}
          onInput={(e) => setRateText((e.target as HTMLInputElement).value)}
          onChange={(e) => {
            const x = parseRate((e.target as HTMLInputElement).value);
            if (x !== undefined) setPrefs({ usdPerEur: x });
          }}
        />
      </label>
      <label>
        {t('prefs.theme')}{' '}
        <select
          value={theme}
          data-testid="theme"
          onChange={(e) => {
            const c = (e.target as HTMLSelectElement).value as ThemeChoice;
            setThemeChoice(c);
            setTheme(c);
          }}
        >
          <option value="system">{t('prefs.theme.system')}</option>
          <option value="light">{t('prefs.theme.light')}</option>
          <option value="dark">{t('prefs.theme.dark')}</option>
        </select>
      </label>
    </span>
  );
}
