/**
 * Policy `carbon`: shift deferrable work out of the dirtiest hours of each local day.
 *
 * For each local calendar day (hours grouped by the site's local standard hour, so a day runs from local
 * hour 0 to 23; partial days at the period edges are used as they are), rank the hours by grid intensity
 * I(t). In the K highest, request to shed `fraction` of IT power; in the K lowest, ask to add the same
 * share back (`recover`). The daily energy budget is the shed energy: what is shed is made up the same
 * day, as far as idle accelerators allow (the IT stage caps the make-up at a busy fraction of 1).
 * K is limited to half the hours of a (partial) day so the two sets never overlap.
 */
export function carbonShift(
  p: { readonly hoursPerDay: number; readonly fraction: number },
  carbonGPerKWh: Float64Array,
  localHour: Uint8Array,
  request: Float64Array,
  recover: Float64Array,
): void {
  const n = carbonGPerKWh.length;
  let from = 0;
  while (from < n) {
    let to = from + 1;
    while (to < n && (localHour[to] as number) !== 0) to++;
    const idx = Array.from({ length: to - from }, (_, k) => from + k);
    idx.sort((a, b) => (carbonGPerKWh[b] as number) - (carbonGPerKWh[a] as number) || a - b);
    const k = Math.min(p.hoursPerDay, Math.floor(idx.length / 2));
    // Hours of equal intensity at the two ends would make the shift pointless.
    for (let j = 0; j < k; j++) {
      const hi = idx[j] as number;
      const lo = idx[idx.length - 1 - j] as number;
      if ((carbonGPerKWh[hi] as number) <= (carbonGPerKWh[lo] as number)) break;
      request[hi] = Math.max(request[hi] as number, p.fraction);
      recover[lo] = Math.max(recover[lo] as number, p.fraction);
    }
    from = to;
  }
}
