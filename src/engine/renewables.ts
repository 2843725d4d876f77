/**
 * Hourly capacity-factor profiles for behind-the-meter solar and wind, from the region's historical
 * generation of that kind (EIA-930 net generation; ERCOT: its native fuel mix):
 *
 *   profile(t) = max(0, G(t)) / max_{t' ∈ year(t)} G(t')        (UTC calendar year; NaN stays NaN)
 *
 * and a site with capacity K gets K · profile(t), replayed onto the simulated years like carbon.
 * Biases (docs/grid-flexibility.md): the fleet's annual maximum is below its nameplate (not every plant
 * peaks together), so the profile reaches 1 and overstates a single plant's capacity factor; a fleet
 * growing within the year (ERCOT solar roughly doubled 2022–2024) makes early months look weaker. The
 * shape is the regional fleet's, smoother than one site's.
 */
import { HOUR_MS, type HourlySeries } from './series.js';

export function capacityFactorProfile(generationMW: HourlySeries): HourlySeries {
  const v = generationMW.values;
  const out = new Float64Array(v.length);
  let i = 0;
  while (i < v.length) {
    const year = new Date(generationMW.startMs + i * HOUR_MS).getUTCFullYear();
    const endMs = Date.UTC(year + 1, 0, 1);
    const j = Math.min(v.length, Math.round((endMs - generationMW.startMs) / HOUR_MS));
    let max = 0;
    for (let k = i; k < j; k++) if (Number.isFinite(v[k]) && (v[k] as number) > max) max = v[k] as number;
    for (let k = i; k < j; k++) {
      const x = v[k] as number;
      out[k] = Number.isFinite(x) ? (max > 0 ? Math.max(0, x) / max : 0) : Number.NaN;
    }
    i = j;
  }
  return { startMs: generationMW.startMs, values: out };
}
