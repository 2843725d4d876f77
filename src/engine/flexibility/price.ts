/**
 * Policy `price`: curtail when the hourly wholesale price is above a threshold.
 *   request(t) = fraction · [price(t) > threshold]
 * The price is the site's replayed hourly series (validation refuses a flat price).
 */
export function priceRequest(
  p: { readonly aboveUSDPerMWh: number; readonly fraction: number },
  priceUSDPerMWh: Float64Array,
  out: Float64Array,
): void {
  for (let h = 0; h < priceUSDPerMWh.length; h++)
    if ((priceUSDPerMWh[h] as number) > p.aboveUSDPerMWh) out[h] = Math.max(out[h] as number, p.fraction);
}
