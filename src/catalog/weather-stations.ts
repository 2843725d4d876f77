/**
 * Typical-year weather stations bundled in data/weather/ (station metadata from data/weather/PROVENANCE.md,
 * which copies it from each file's EPW LOCATION header or TMY2 header).
 *
 * Every file holds 8,760 hourly rows in local STANDARD time (no daylight saving); `tzOffsetHours` is the
 * station's standard-time offset east of UTC. TMY3 (NREL 2008) months are drawn from 1976–2005, TMY2
 * (NREL 1995) months from 1961–1990: treat TMY2 stations as an older, cooler-era climate.
 */

export interface WeatherStation {
  /** Short readable id, e.g. `sterling-va`. */
  readonly id: string;
  /** Station name as in the source header. */
  readonly name: string;
  /** US state (two-letter postal code). */
  readonly state: string;
  /** Degrees north. */
  readonly latitude: number;
  /** Degrees east (negative = west). */
  readonly longitude: number;
  /** Station elevation above sea level, m. */
  readonly elevationM: number;
  /** Hours east of UTC of local standard time. */
  readonly tzOffsetHours: number;
  readonly dataset: 'TMY2' | 'TMY3';
  /** CSV file name relative to data/weather. */
  readonly file: string;
  /** WMO station id (for TMY2 stations mapped from the WBAN number, see PROVENANCE.md). */
  readonly wmo?: string;
  /** Where the data come from (original file, repository, licence). */
  readonly source: string;
}

const PROVENANCE = 'data/weather/PROVENANCE.md';
const TMY3_EPW = 'NREL TMY3 (TMY Data Set 2008, months from 1976–2005), EnergyPlus EPW';
const TMY2_GRIDLABD =
  'NREL TMY2 (NSRDB 1961–1990), fixed-width TMY2 from gridlab-d/gridlab-d@c2c9c761 climate/tmy/ (GridLAB-D License, BSD-style)';

export const WEATHER_STATIONS: readonly WeatherStation[] = [
  {
    id: 'abilene-tx',
    name: 'Abilene Regional Airport (WBAN 13962)',
    state: 'TX',
    latitude: 32.4333,
    longitude: -99.6833,
    elevationM: 534,
    tzOffsetHours: -6,
    dataset: 'TMY2',
    file: 'TX_Abilene_TMY2.csv',
    wmo: '722660',
    source: `${TMY2_GRIDLABD}, file TX-Abilene.tmy2; ${PROVENANCE}`,
  },
  {
    id: 'dallas-fort-worth-tx',
    name: 'Dallas Fort Worth Intl Ap',
    state: 'TX',
    latitude: 32.9,
    longitude: -97.02,
    elevationM: 171,
    tzOffsetHours: -6,
    dataset: 'TMY3',
    file: 'TX_DallasFortWorth_TMY3.csv',
    wmo: '722590',
    source: `${TMY3_EPW} USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw from urbanopt/urbanopt-cli@7fb1d24f (BSD-3-Clause-style); ${PROVENANCE}`,
  },
  {
    id: 'buffalo-ny',
    name: 'Buffalo Niagara Intl Ap',
    state: 'NY',
    latitude: 42.93,
    longitude: -78.73,
    elevationM: 215,
    tzOffsetHours: -5,
    dataset: 'TMY3',
    file: 'NY_Buffalo_TMY3.csv',
    wmo: '725280',
    source: `${TMY3_EPW} USA_NY_Buffalo-Greater.Buffalo.Intl.AP.725280_TMY3.epw from urbanopt/urbanopt-cli@7fb1d24f (BSD-3-Clause-style); ${PROVENANCE}`,
  },
  {
    id: 'south-bend-in',
    name: 'South Bend (WBAN 14848)',
    state: 'IN',
    latitude: 41.7,
    longitude: -86.3167,
    elevationM: 236,
    tzOffsetHours: -5,
    dataset: 'TMY2',
    file: 'IN_SouthBend_TMY2.csv',
    wmo: '725350',
    source: `${TMY2_GRIDLABD}, file IN-South_bend.tmy2; ${PROVENANCE}`,
  },
  {
    id: 'memphis-tn',
    name: 'Memphis International Airport (WBAN 13893)',
    state: 'TN',
    latitude: 35.05,
    longitude: -89.9833,
    elevationM: 87,
    tzOffsetHours: -6,
    dataset: 'TMY2',
    file: 'TN_Memphis_TMY2.csv',
    wmo: '723340',
    source: `${TMY2_GRIDLABD}, file TN-Memphis.tmy2; ${PROVENANCE}`,
  },
  {
    id: 'phoenix-az',
    name: 'Phoenix Sky Harbor Intl Ap',
    state: 'AZ',
    latitude: 33.45,
    longitude: -111.98,
    elevationM: 337,
    tzOffsetHours: -7,
    dataset: 'TMY3',
    file: 'AZ_Phoenix_TMY3.csv',
    wmo: '722780',
    source: `${TMY3_EPW} USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw from urbanopt/urbanopt-cli@7fb1d24f (BSD-3-Clause-style); ${PROVENANCE}`,
  },
  {
    id: 'sterling-va',
    name: 'Washington Dulles Intl Ap (Sterling)',
    state: 'VA',
    latitude: 38.98,
    longitude: -77.47,
    elevationM: 82,
    tzOffsetHours: -5,
    dataset: 'TMY3',
    file: 'VA_Sterling_TMY3.csv',
    wmo: '724030',
    source: `${TMY3_EPW} USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw from architecture-building-systems/ASF_Simulation@8cabb20d (no licence stated; same data as the EPW shipped with EnergyPlus); ${PROVENANCE}`,
  },
  {
    id: 'atlanta-ga',
    name: 'Atlanta Hartsfield Intl Ap',
    state: 'GA',
    latitude: 33.63,
    longitude: -84.43,
    elevationM: 308,
    tzOffsetHours: -5,
    dataset: 'TMY3',
    file: 'GA_Atlanta_TMY3.csv',
    wmo: '722190',
    source: `${TMY3_EPW} USA_GA_Atlanta-Hartsfield-Jackson.Intl.AP.722190_TMY3.epw from urbanopt/urbanopt-cli@7fb1d24f (BSD-3-Clause-style); ${PROVENANCE}`,
  },
  {
    id: 'columbus-oh',
    name: 'Columbus Port Columbus Intl Ap',
    state: 'OH',
    latitude: 39.98,
    longitude: -82.88,
    elevationM: 247,
    tzOffsetHours: -5,
    dataset: 'TMY3',
    file: 'OH_Columbus_TMY3.csv',
    wmo: '724280',
    source: `${TMY3_EPW} USA_OH_Columbus-Port.Columbus.Intl.AP.724280_TMY3.epw from avivmel/thermal@a4dc5136 (no licence stated); ${PROVENANCE}`,
  },
  {
    id: 'shreveport-la',
    name: 'Shreveport Regional Airport (WBAN 13957)',
    state: 'LA',
    latitude: 32.4667,
    longitude: -93.8167,
    elevationM: 79,
    tzOffsetHours: -6,
    dataset: 'TMY2',
    file: 'LA_Shreveport_TMY2.csv',
    wmo: '722480',
    source: `${TMY2_GRIDLABD}, file LA-Shreveport.tmy2; ${PROVENANCE}`,
  },
  {
    id: 'milwaukee-wi',
    name: 'Milwaukee Mitchell Intl Ap',
    state: 'WI',
    latitude: 42.95,
    longitude: -87.9,
    elevationM: 205,
    tzOffsetHours: -6,
    dataset: 'TMY3',
    file: 'WI_Milwaukee_TMY3.csv',
    wmo: '726400',
    source: `${TMY3_EPW} USA_WI_Milwaukee-Mitchell.Intl.AP.726400_TMY3.epw from IMMM-SFA/diyepw@2abb9c2c (BSD 2-Clause); ${PROVENANCE}`,
  },
];

/** The station with this id, or undefined. */
export function getWeatherStation(id: string): WeatherStation | undefined {
  return WEATHER_STATIONS.find((s) => s.id === id);
}
