/**
 * Large-load tariffs and Texas SB 6: what a campus owes when it is late or underused, and which SB 6
 * obligations apply. Pure. Terms from docs/markets-and-supply-chain.md §1.4 (source keys TF*, SB*).
 */

export interface MinimumDemandTariff {
  readonly id: string;
  readonly name: string;
  /** Share of the contracted (subscribed) demand billed whatever the use. */
  readonly minimumShare: number;
  /** A second share for generation demand where the tariff has one (Dominion GS-5: 60 %). */
  readonly generationMinimumShare?: number;
  readonly termYears: number;
  readonly thresholdMW: number;
  readonly source: string;
}

export const TARIFFS: Readonly<Record<string, MinimumDemandTariff>> = {
  'aep-ohio': {
    id: 'aep-ohio',
    name: 'AEP Ohio Data Center Tariff (PUCO case 24-0508-EL-ATA, Jul 2025)',
    minimumShare: 0.85,
    termYears: 12,
    thresholdMW: 25,
    source:
      'TF1, TF2, TF4: "pay for a minimum of 85% of their subscribed electricity usage ... for up to 12 years", incl. a 4-year ramp-up; the 25 MW threshold is ASSUMED (not in the excerpts)',
  },
  'dominion-gs5': {
    id: 'dominion-gs5',
    name: 'Dominion Energy Virginia GS-5 (SCC PUR-2025-00058, from Jan 2027)',
    minimumShare: 0.85,
    generationMinimumShare: 0.6,
    termYears: 14,
    thresholdMW: 25,
    source:
      'TF5, TF6: ≥ 25 MW and ≥ 75 % load factor; 14-year agreements; minimum 85 % of T&D and 60 % of generation demand',
  },
};

/** The tariff a campus falls under, from the register's utility field; undefined when none modelled. */
export function tariffFor(utility: string, state: string): MinimumDemandTariff | undefined {
  if (/AEP Ohio/i.test(utility)) return TARIFFS['aep-ohio'];
  if (state === 'VA' && /Dominion/i.test(utility)) return TARIFFS['dominion-gs5'];
  return undefined;
}

export interface LateBill {
  readonly tariff: string;
  readonly contractMW: number;
  readonly monthsLate: number;
  /** Demand billed while nothing runs: minimum share × contract × months, MW-months. */
  readonly billedIdleMWMonths: number;
  /** The same at a demand charge, $ (null when no rate is given: none is sourced). */
  readonly billedIdleUSD: number | null;
}

/**
 * What a campus is billed for demand it does not use while late: the minimum share of its contracted
 * demand for each month between the announced and the realistic date (capped at the tariff's term).
 */
export function lateBill(
  tariff: MinimumDemandTariff,
  contractMW: number,
  monthsLate: number,
  demandChargeUSDPerKWMonth?: number,
): LateBill {
  const months = Math.min(Math.max(0, monthsLate), 12 * tariff.termYears);
  const mwMonths = tariff.minimumShare * contractMW * months;
  return {
    tariff: tariff.id,
    contractMW,
    monthsLate: months,
    billedIdleMWMonths: mwMonths,
    billedIdleUSD:
      demandChargeUSDPerKWMonth === undefined ? null : mwMonths * 1000 * demandChargeUSDPerKWMonth,
  };
}

/** Texas SB 6 (89th Leg., SB3 enrolled text) thresholds. */
export const SB6 = {
  thresholdMW: 75,
  screeningFeeUSD: 100_000,
  backupDisclosureShare: 0.5,
  source: 'SB3 (enrolled text), SB1, SB2',
} as const;

export interface SB6Obligations {
  readonly applies: boolean;
  readonly obligations: readonly string[];
}

/** The SB 6 obligations of an ERCOT campus of a given peak demand, with or without on-site backup. */
export function sb6Obligations(peakMW: number, onsiteBackupMW: number): SB6Obligations {
  if (peakMW < SB6.thresholdMW) return { applies: false, obligations: [] };
  const out = [
    `screening study fee of at least $${SB6.screeningFeeUSD.toLocaleString('en-US')}`,
    'contributes to the interconnecting utility’s costs to interconnect',
    'discloses concurrent interconnection requests elsewhere in Texas; proves site control',
    'eligible for ERCOT’s demand-reduction reliability service (24-hour notice)',
  ];
  if (onsiteBackupMW >= SB6.backupDisclosureShare * peakMW)
    out.push(
      'discloses on-site backup (≥ 50 % of demand); ERCOT may direct it to run or the load to curtail in an energy emergency',
    );
  return { applies: true, obligations: out };
}
