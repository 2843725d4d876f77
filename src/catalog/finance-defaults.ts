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

/**
 * Opex defaults (docs/economics.md, "Defaults and their basis"). Each is labelled with its basis; where no
 * published figure for AI campuses was found the value is an assumption that says so.
 */

/**
 * BLS Occupational Employment and Wage Statistics, May 2022: annual mean wage of computer and
 * mathematical occupations $108,130 (OEWS news release of 25 April 2023, bls.gov/oes).
 */
const BLS_OEWS_COMPUTER_MEAN_WAGE_USD = 108_130;
/**
 * BLS Employer Costs for Employee Compensation: wages and salaries are ~70 % of employer compensation
 * cost in private industry (69.5 % in June 2015; 68.3 % of civilian in Sept 2018), the rest benefits.
 */
const BLS_ECEC_WAGE_SHARE = 0.7;

/** Employer cost of one permanent job for a year, $: the wage loaded with benefits. */
export const STAFF_USD_PER_JOB_YEAR = estimated(
  Math.round(BLS_OEWS_COMPUTER_MEAN_WAGE_USD / BLS_ECEC_WAGE_SHARE),
  'BLS OEWS May 2022 annual mean wage of computer and mathematical occupations $108,130 / BLS ECEC wage share of employer compensation ~0.70 (private industry 69.5 %, Jun 2015) = $154,471; the occupation mix of campus jobs (technicians, electricians, security) is not published',
);

/**
 * Facility operations and maintenance (maintenance contracts of electrical and cooling plant, spares,
 * consumables; staff is its own line), $ per MW of installed IT capacity per year. No published
 * figure for AI campuses was found: an assumption of 2 % of the sourced facility capex per year.
 */
export const OPERATIONS_USD_PER_MW_YEAR = estimated(
  0.02 * (15e9 / 1200),
  'assumption: 2 % a year of the $12.5M/MW facility capex (Stargate Abilene, CB1-CB4) = $250,000/MW-yr; no published O&M figure for AI campuses found',
);

/**
 * Property tax per year as a share of capex spent so far. The US average effective property tax rate
 * was 1.15 % in 2016 (ATTOM Data Solutions, owner-occupied homes); data centres are often granted
 * abatements (e.g. Texas Tax Code ch. 312), so this may overstate, and equipment is taxed differently
 * by state.
 */
export const PROPERTY_TAX_FRACTION_PER_YEAR = estimated(
  0.0115,
  'US average effective property tax rate 1.15 % (ATTOM Data Solutions, 2016, homes) applied to capex spent so far; abatements for data centres (e.g. Texas Tax Code ch. 312) would lower it',
);

/** Property and business-interruption insurance per year as a share of capex spent so far. */
export const INSURANCE_FRACTION_PER_YEAR = estimated(
  0.005,
  'assumption: 0.5 % a year of capex spent so far; no published premium for AI campuses found',
);
