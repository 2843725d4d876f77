/**
 * Defaults of the financial model (cash flows, NPV, IRR, levelized cost) with their source or basis.
 * Cost items with no published figure default to 0 and say so: they are then left out, not guessed.
 * See docs/economics.md.
 */
import { estimated } from './provenance.js';

/** NVIDIA H100 SXM dense BF16 peak, TFLOP/s (reference-figures.md §3.1, HW1): the price-parity unit. */
export const H100_BF16_DENSE_TFLOPS = 989.4;

/**
 * Price of one H100-hour of cloud compute, $. Quoted April 2026: $1.65/h (Vast), from $1.90/h
 * (Hyperstack), $6.88/h (AWS) (reference-figures.md §3.3, PR2, PR3); the median of the three.
 */
export const H100_HOUR_PRICE_USD = estimated(
  1.9,
  'median of the quoted H100 cloud prices $1.65 (Vast), $1.90 (Hyperstack), $6.88 (AWS) per hour, Apr 2026 (PR2, PR3)',
);

/**
 * Default revenue per busy accelerator-hour: the H100-hour price scaled by the accelerator's dense
 * peak at the run's precision relative to the H100's (price parity per FLOP). An assumption: no
 * GB200/GB300 rental prices are published in reference-figures.md.
 */
export const PRICE_PARITY_BASIS =
  'assumption: price parity per dense FLOP with the H100 cloud price ($1.90/h, median of PR2/PR3 quotes), scaled by dense peak / 989.4 TFLOP/s';

/**
 * Facility capex is spent evenly over this many months before a phase comes online. Basis: Stargate
 * Abilene began construction in June 2024 and its first 200+ MW came online in H1 2025, about 12
 * months (CB1, CB2); Colossus was built in 122 days (XA1). Accelerators are paid as they come online.
 */
export const CONSTRUCTION_MONTHS = estimated(
  12,
  'Stargate Abilene: construction June 2024, first 200+ MW online H1 2025 (CB1, CB2); Colossus 122 days (XA1)',
);

/**
 * Split of facility capex into land and buildings, electrical plant and cooling plant. No split is
 * published for these campuses; the total ($/MW) is sourced. Cooling for liquid systems is at least
 * the ~$50K per ~132 kW rack of liquid-cooling bill of materials (SY7) = $0.38M/MW ≈ 3 % of
 * $12.5M/MW; the rest is an assumption that electrical plant is the largest share of a data-centre
 * shell, as is usually said. Only the reported categories depend on it, not totals, NPV or IRR.
 */
export const FACILITY_SPLIT = estimated(
  { landAndBuildings: 0.35, electrical: 0.45, cooling: 0.2 },
  'assumption: no published split for AI campuses (total is sourced, CB1-CB4); cooling ≥ 3 % from the liquid BOM (SY7); affects categories only',
);

/**
 * Tokens from delivered FLOP: a dense transformer forward pass costs ≈ 2·N FLOP per token for N
 * parameters (Kaplan et al. 2020). Default N: Llama 3 405B (Dubey et al. 2024), the model whose MFU
 * the compute stage uses. An assumption: the models actually served are not published.
 */
export const MODEL_PARAMETERS = estimated(
  405e9,
  'assumption: a dense 405B-parameter model (Llama 3 405B, Dubey et al. 2024) at 2·N FLOP per token (Kaplan et al. 2020)',
);
