/**
 * The campus register (data/campuses/us_ai_campuses.csv, see its PROVENANCE.md) and its documented,
 * repeatable conversion into the sites of a scenario (`scripts/make-us-buildout.ts` writes
 * `scenarios/us-buildout.yaml` from it). Pure: takes the CSV text, returns plain objects; no I/O.
 *
 * The conversion, rule by rule (each a labelled assumption unless a source is named; docs/buildout.md):
 * - MW basis (`power_basis=` at the start of `notes`) → IT MW. IT: as stated. Facility, grid
 *   connection, gross lease, tracker and unspecified figures: ÷ DESIGN_FACILITY_TO_IT (peak facility
 *   power over IT capacity). Generation (plant size): ÷ GENERATION_TO_FACILITY, then as facility.
 * - Size rule `near-term` (default) replaces the aspirational maxima the provenance names with the
 *   figure it gives for the first stage (NEAR_TERM); `announced` keeps the register's figure.
 * - Duplicate rule `drop` (default) leaves out the rows the provenance says may be the same facility as
 *   another row (DUPLICATES); `keep` keeps them.
 * - Rows with no MW figure are listed but not simulated.
 * - Dates: YYYY → 1 July, YYYY-MM → the 1st, YYYY-Qn → the 1st of the quarter's middle month.
 * - Balancing authority → a bundled region (BA_LOOKUP); BAs without bundled data map to the nearest
 *   bundled region, said so in `regionBasis`. Off-grid campuses get their own gas supply.
 */

/** One row of the register, as published (numbers parsed, blanks null). */
export interface CampusRecord {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly tenant: string;
  readonly city: string;
  /** County (parish) as the register gives it, notes in brackets kept; '' where it names none. */
  readonly county: string;
  readonly state: string;
  /** What the coordinates stand for: 'town', 'county' or 'state' centre ('' where blank). */
  readonly locationPrecision: string;
  readonly latitude: number;
  readonly longitude: number;
  /** EIA-930 code as given; '' where the register left it blank (off-grid or undetermined). */
  readonly balancingAuthority: string;
  readonly utility: string;
  readonly announcedMW: number | null;
  readonly firstPhaseMW: number | null;
  readonly firstOnline: string;
  readonly fullOnline: string;
  readonly accelerators: string;
  readonly capexUSD: number | null;
  readonly onsiteGeneration: string;
  readonly status: string;
  readonly sourceUrls: readonly string[];
  readonly sourceQuotes: string;
  readonly notes: string;
}

/** What a register MW figure measures. */
export type PowerBasis = 'it' | 'facility' | 'grid' | 'gross' | 'generation' | 'unspecified' | 'none';

/** Peak facility MW per MW of IT capacity, used to turn facility, grid and gross figures into IT MW. */
export const DESIGN_FACILITY_TO_IT = {
  value: 1.35,
  source:
    'register PROVENANCE.md: Hut 8 River Bend drew ~330 MW of utility power for its first 245 MW IT tranche (330/245 = 1.35); cross-check: Cipher Barber Lake 300 MW gross vs 207 MW IT (1.45)',
} as const;

/** Generation MW per MW of peak facility load for a campus on its own plant. */
export const GENERATION_TO_FACILITY = {
  value: 1.2,
  source:
    'ASSUMPTION: an islanded plant carries ~20 % spare over the peak load (N+1 on a fleet of turbines); no campus states its reserve',
} as const;

/** Figures the provenance calls aspirational maxima, with the first-stage figure it gives instead. */
export const NEAR_TERM: Readonly<Record<string, { mw: number | null; why: string }>> = {
  'fermi-project-matador': {
    mw: 1000,
    why: '11 GW is aspirational; "1 GW expected to be operational by late 2026"',
  },
  'crusoe-tallgrass-cheyenne': {
    mw: 1800,
    why: '10 GW is "designed to scale up to"; 1.8 GW is the initial campus',
  },
  'pacifico-gw-ranch': { mw: 1000, why: '7.65 GW is the gas permit; "Phase 1 is planned at 1 GW"' },
  'homer-city-energy-campus': {
    mw: null,
    why: '4.5 GW is generation that also supplies the grid; the data-center load is not stated',
  },
  'galaxy-helios': { mw: 1600, why: '3.5 GW is potential; ">1.6 GW approved" by ERCOT in Jan 2026' },
  'stargate-port-washington-lighthouse': {
    mw: 1300,
    why: "3.5 GW is We Energies' full build-out figure; 1.3 GW is the first connection",
  },
  'stargate-dona-ana-project-jupiter': {
    mw: 900,
    why: '2.8 GW is the permitted plant; the county was told 700–900 MW for the first phase',
  },
  'meta-hyperion': { mw: 2000, why: '"up to 5 GW"; Meta: "two gigawatts online by 2030"' },
};

/** Rows the provenance says may be the same facility as another row (not confirmed either way). */
export const DUPLICATES: Readonly<Record<string, string>> = {
  'anthropic-fluidstack-texas':
    'may be cipher-barber-lake and/or terawulf-fluidstack-abernathy (unconfirmed)',
  'anthropic-fluidstack-new-york': 'may be terawulf-lake-mariner (unconfirmed)',
};

/** Register rows whose first-phase figure is on a different basis from the total (from their notes). */
const FIRST_PHASE_BASIS: Readonly<Record<string, PowerBasis>> = {
  'galaxy-helios': 'it', // "first_phase 133 MW is CoreWeave IT tranche"
  'iren-childress': 'it', // "200 MW IT for Microsoft"
  'cipher-barber-lake': 'it', // "168" first phase of the "207 MW IT"
};

export type RegionIdLike = string;

/** How a balancing authority maps onto a bundled region. */
export interface RegionChoice {
  readonly regionId: RegionIdLike;
  /** True when the campus's own BA has no bundled data and a neighbour stands in. */
  readonly proxy: boolean;
  readonly basis: string;
}

/**
 * EIA-930 BA code → bundled region. A lookup, so that BAs whose data is bundled later slot in by
 * changing one line (the region must then exist in src/catalog/regions.ts).
 */
export const BA_LOOKUP: Readonly<Record<string, RegionChoice>> = {
  ERCO: { regionId: 'ERCOT', proxy: false, basis: 'register BA ERCO' },
  MISO: { regionId: 'MISO', proxy: false, basis: 'register BA MISO' },
  PJM: { regionId: 'PJM', proxy: false, basis: 'register BA PJM' },
  TVA: { regionId: 'TVA', proxy: false, basis: 'register BA TVA' },
  SOCO: { regionId: 'SOCO', proxy: false, basis: 'register BA SOCO' },
  NYIS: { regionId: 'NYISO', proxy: false, basis: 'register BA NYIS' },
  SWPP: { regionId: 'SPP', proxy: false, basis: 'register BA SWPP' },
  WACM: {
    regionId: 'SPP',
    proxy: true,
    basis:
      'ASSUMPTION: WACM (WAPA Rocky Mountain) has no bundled demand; SPP, the nearest bundled BA to Cheyenne, stands in',
  },
  EPE: {
    regionId: 'AZPS',
    proxy: true,
    basis:
      'ASSUMPTION: EPE (El Paso Electric) has no bundled demand; AZPS, the nearest bundled WECC desert-southwest BA, stands in',
  },
};

/** BA for a campus the register left blank but that is not off-grid: the Texas Panhandle / South Plains. */
export const BLANK_BA_ON_GRID: RegionChoice = {
  regionId: 'SPP',
  proxy: true,
  basis:
    'ASSUMPTION: BA not determinable; the Texas Panhandle and South Plains outside ERCOT are served by SPS, an SPP member',
};

/**
 * Off-grid campuses: those the register PROVENANCE.md describes as off-grid, behind-the-meter or microgrid
 * (its "balancing_authority" rule: GW Ranch, Fermi, Pecos/Kilby, Horizon, Project Jupiter).
 */
export const OFF_GRID_IDS: ReadonlySet<string> = new Set([
  'pacifico-gw-ranch',
  'fermi-project-matador',
  'microsoft-pecos-kilby',
  'poolside-project-horizon',
  'stargate-dona-ana-project-jupiter',
]);

export interface ConversionRules {
  readonly size: 'near-term' | 'announced';
  readonly duplicates: 'drop' | 'keep';
}
export const DEFAULT_RULES: ConversionRules = { size: 'near-term', duplicates: 'drop' };

/** A campus converted for simulation, or the reason it is not simulated. */
export interface ConvertedCampus {
  readonly record: CampusRecord;
  readonly basis: PowerBasis;
  /** The MW figure used (register or near-term), in its own basis; null when none. */
  readonly usedMW: number | null;
  readonly sizeNote: string;
  /** IT MW of the whole campus and of its first phase (null when not simulated). */
  readonly itMW: number | null;
  readonly firstPhaseITMW: number | null;
  readonly offGrid: boolean;
  readonly region: RegionChoice;
  /** Phase dates, ISO (first online, full online). */
  readonly firstOnline: string | null;
  readonly fullOnline: string | null;
  readonly dateNote: string;
  /** Why it is not simulated; null when it is. */
  readonly excluded: string | null;
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes. */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

const REQUIRED_COLUMNS = [
  'id',
  'name',
  'state',
  'latitude',
  'longitude',
  'balancing_authority',
  'announced_power_mw',
  'first_phase_mw',
  'first_online',
  'full_online',
  'status',
  'source_urls',
  'notes',
] as const;

/** Parses the register; errors name the file, the line and the column. */
export function parseRegister(text: string, file = 'us_ai_campuses.csv'): CampusRecord[] {
  const [header, ...rows] = parseCsvText(text);
  if (header === undefined) throw new Error(`${file}: empty file`);
  for (const c of REQUIRED_COLUMNS)
    if (!header.includes(c))
      throw new Error(`${file}: missing column '${c}' (columns: ${header.join(', ')})`);
  return rows.map((cells, i) => {
    const line = i + 2;
    const get = (c: string) => (cells[header.indexOf(c)] ?? '').trim();
    const num = (c: string, required = false): number | null => {
      const s = get(c);
      if (s === '') {
        if (required) throw new Error(`${file}:${line}: column '${c}' is empty; a number is required`);
        return null;
      }
      const x = Number(s);
      if (!Number.isFinite(x)) throw new Error(`${file}:${line}: column '${c}' is '${s}', not a number`);
      return x;
    };
    for (const c of ['first_online', 'full_online']) {
      const s = get(c);
      if (s !== '' && isoDateOf(s) === null)
        throw new Error(`${file}:${line}: column '${c}' is '${s}'; allowed: YYYY, YYYY-MM or YYYY-Qn`);
    }
    return {
      id: get('id'),
      name: get('name'),
      owner: get('developer_or_owner'),
      tenant: get('tenant_or_user'),
      city: get('city'),
      county: get('county'),
      state: get('state'),
      locationPrecision: get('location_precision'),
      latitude: num('latitude', true) as number,
      longitude: num('longitude', true) as number,
      balancingAuthority: get('balancing_authority'),
      utility: get('iso_zone_or_utility'),
      announcedMW: num('announced_power_mw'),
      firstPhaseMW: num('first_phase_mw'),
      firstOnline: get('first_online'),
      fullOnline: get('full_online'),
      accelerators: get('accelerators_stated'),
      capexUSD: num('capex_usd_stated'),
      onsiteGeneration: get('onsite_generation_stated'),
      status: get('status'),
      sourceUrls: get('source_urls')
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      sourceQuotes: get('source_quotes'),
      notes: get('notes'),
    };
  });
}

/** `YYYY` → 1 July, `YYYY-MM` → the 1st, `YYYY-Qn` → the 1st of the quarter's middle month; else null. */
export function isoDateOf(s: string): string | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) return `${m[1]}-07-01`;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-01`;
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) return `${m[1]}-${String(3 * Number(m[2]) - 1).padStart(2, '0')}-01`;
  return null;
}

/** The basis tag at the start of the notes (`power_basis=facility; …`). */
export function powerBasisOf(notes: string): PowerBasis {
  const m = /^power_basis=([^;( ]+)/.exec(notes);
  const tag = (m?.[1] ?? '').toLowerCase();
  if (tag === 'it') return 'it';
  if (tag.startsWith('generation')) return 'generation';
  if (tag === 'gross') return 'gross';
  if (tag.startsWith('grid') || tag === 'utility-planning' || tag === 'facility/grid') return 'grid';
  if (tag === 'facility' || tag === 'it/facility') return 'facility';
  if (tag === 'none') return 'none';
  return 'unspecified';
}

/** IT MW of a figure on a basis (see the file comment). */
export function itMWOf(mw: number, basis: PowerBasis): number {
  switch (basis) {
    case 'it':
      return mw;
    case 'generation':
      return mw / GENERATION_TO_FACILITY.value / DESIGN_FACILITY_TO_IT.value;
    default:
      return mw / DESIGN_FACILITY_TO_IT.value;
  }
}

/** The region a campus's load falls on. */
export function regionOf(r: CampusRecord, offGrid: boolean): RegionChoice {
  const hit = BA_LOOKUP[r.balancingAuthority];
  if (hit !== undefined) return hit;
  if (r.balancingAuthority !== '')
    return {
      regionId: 'SPP',
      proxy: true,
      basis: `ASSUMPTION: BA ${r.balancingAuthority} is not in the lookup; SPP stands in`,
    };
  if (offGrid)
    return {
      regionId: r.state === 'NM' ? 'AZPS' : 'ERCOT',
      proxy: true,
      basis:
        'off-grid: no grid load; the region only supplies the carbon and price series of the backup connection',
    };
  return BLANK_BA_ON_GRID;
}

const addYearsIso = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** ASSUMPTION: a campus with no announced date comes online in mid-2028 (most of ERCOT's queue targets 2028). */
export const UNDATED_FIRST_ONLINE = '2028-07-01';
/** ASSUMPTION: the rest of a campus comes online two years after its first phase when no full date is given. */
export const UNDATED_FULL_AFTER_YEARS = 2;

/** Converts one register row under the rules. */
export function convertCampus(r: CampusRecord, rules: ConversionRules = DEFAULT_RULES): ConvertedCampus {
  const basis = powerBasisOf(r.notes);
  const offGrid = OFF_GRID_IDS.has(r.id);
  const region = regionOf(r, offGrid);
  const near = NEAR_TERM[r.id];
  let usedMW = r.announcedMW;
  let sizeNote = 'register announced_power_mw';
  if (rules.size === 'near-term' && near !== undefined) {
    usedMW = near.mw;
    sizeNote = `near-term rule: ${near.why}`;
  }
  const base = { record: r, basis, usedMW, sizeNote, offGrid, region };
  const none = (excluded: string): ConvertedCampus => ({
    ...base,
    itMW: null,
    firstPhaseITMW: null,
    firstOnline: null,
    fullOnline: null,
    dateNote: '',
    excluded,
  });
  if (rules.duplicates === 'drop' && DUPLICATES[r.id] !== undefined)
    return none(`duplicate rule: ${DUPLICATES[r.id]}`);
  if (usedMW === null || basis === 'none')
    return none(
      near !== undefined && usedMW === null ? `near-term rule: ${near.why}` : 'no MW figure in the register',
    );
  const itMW = itMWOf(usedMW, basis);
  const fp = r.firstPhaseMW;
  let firstPhaseITMW = fp === null || fp >= usedMW ? null : itMWOf(fp, FIRST_PHASE_BASIS[r.id] ?? basis);
  if (firstPhaseITMW !== null && firstPhaseITMW >= itMW) firstPhaseITMW = null;
  const notes: string[] = [];
  let first = isoDateOf(r.firstOnline);
  if (first === null) {
    first = UNDATED_FIRST_ONLINE;
    notes.push(`no first date: ${UNDATED_FIRST_ONLINE} assumed`);
  }
  let full = isoDateOf(r.fullOnline);
  if (
    rules.size === 'near-term' &&
    near !== undefined &&
    full !== null &&
    full > addYearsIso(first, UNDATED_FULL_AFTER_YEARS)
  ) {
    notes.push(
      `full date ${r.fullOnline} is for the announced maximum; near-term size online by first + ${UNDATED_FULL_AFTER_YEARS} years`,
    );
    full = null;
  }
  if (full === null || full <= first) {
    full = addYearsIso(first, UNDATED_FULL_AFTER_YEARS);
    notes.push(`no later full date: first + ${UNDATED_FULL_AFTER_YEARS} years assumed`);
  }
  return {
    ...base,
    itMW,
    firstPhaseITMW,
    firstOnline: first,
    fullOnline: full,
    dateNote: notes.join('; '),
    excluded: null,
  };
}

export function convertRegister(
  records: readonly CampusRecord[],
  rules: ConversionRules = DEFAULT_RULES,
): ConvertedCampus[] {
  return records.map((r) => convertCampus(r, rules));
}
