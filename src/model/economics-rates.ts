/** The capex and jobs rates a scenario resolves to (src/model/resolve.ts), used by src/analysis/economics.ts. */

export interface EconomicsRates {
  /** Facility $/MW of IT capacity, by site index. */
  readonly facilityUSDPerMW: readonly number[];
  /** Price per accelerator, $, by site index then phase index. */
  readonly acceleratorPriceUSD: readonly (readonly number[])[];
  readonly networkUSDPerAccelerator: number;
  readonly permanentJobsPerBillionUSD: number;
  readonly constructionJobsPerBillionUSD: number;
  /** Total overrides from the scenario (apportioned to phases by capex). */
  readonly permanentJobsTotal?: number;
  readonly constructionJobsTotal?: number;
}
