/**
 * English and French, and the display currency (US dollars or euros at a stated rate).
 *
 * The language comes from `?lang=` in the URL, else the last choice (localStorage), else the
 * browser's (`navigator.language`); the currency and rate likewise from `?currency=` and
 * `?usdPerEur=`. Messages are one object per language, and the French one is typed against the
 * English keys, so a missing French string is a type error.
 */

import { gridEn, gridFr } from './messages-grid';
import type { SweepsKey } from './messages-sweeps';

export type Locale = 'en' | 'fr';
export type Currency = 'USD' | 'EUR';

const en = {
  // Navigation and preferences
  'nav.main': 'Main',
  'nav.scenarios': 'Scenarios',
  'nav.defaultCampus': 'Texas + New York',
  'nav.compare': 'Compare',
  'nav.national': 'National',
  'nav.headroom': 'Headroom',
  'nav.sweeps': 'Sweeps',
  'prefs.language': 'Language',
  'prefs.theme': 'Theme',
  'prefs.theme.system': 'system',
  'prefs.theme.light': 'light',
  'prefs.theme.dark': 'dark',
  'prefs.currency': 'Currency',
  'prefs.rate': 'US$ per €',
  'prefs.rateNote':
    'Dollar figures are converted to euros at this rate (US dollars per euro). Default 1.16: an ASSUMPTION near the announcement of 12 November 2025. A market report of 13 November 2025 put EUR/USD at 1.1615, just below a high above 1.1630; the ECB’s own reference rate for the day could not be checked. Type the rate you want.',
  'money.note.usd': 'Money in US dollars (nominal), as computed.',
  'money.note.eur':
    'Money in euros, converted from US dollars at {rate} US$ per € (the rate set beside the currency switch).',
  // Gallery
  'gallery.title': 'Scenarios',
  'gallery.loading': 'Loading scenarios…',
  'gallery.lede':
    'Pick a campus to see what it draws hour by hour, what it emits, how much water it uses, what it costs and how much compute it delivers. Every number is simulated in your browser from real weather, grid and price data.',
  'gallery.interconnect': 'interconnect',
  'gallery.compareLink': 'Compare two scenarios side by side →',
  // Campus page
  'campus.notFoundTitle': 'Scenario not found',
  'campus.notFound': 'No scenario called “{name}”',
  'campus.notFoundText': 'There is no built-in scenario with that name.',
  'campus.seeAll': 'See every scenario',
  'campus.orRun': ', or run your own file with',
  'campus.parameters': 'Parameters',
  'campus.downloadYaml': 'Download the scenario as YAML',
  'campus.yamlLabel': 'Scenario YAML',
  'campus.accelerators': '{phase} accelerators ({accelerator})',
  'campus.itCapacity': '{phase} IT capacity ({accelerator})',
  'campus.busy': 'Busy fraction',
  'campus.interconnect': 'Grid interconnect',
  'campus.cooling': 'Cooling system',
  'campus.reset': 'Reset to the scenario as published',
  'campus.serverRun': 'Showing the server’s run; simulating every hour in your browser…',
  'campus.simulating': 'simulating…',
  'campus.simulated': 'Simulated {hours} hours in your browser in {ms} ms',
  'campus.fetching': ' (+ {ms} ms fetching data)',
  'campus.problems': ' · {n} problem(s): showing the last valid run',
  'campus.discard': 'Discard your edits to {name}?',
  'campus.badLink': 'The edits in this link could not be read; showing the published scenario.',
  'campus.loading': 'Loading and simulating…',
  // Campus results
  'results.viewsFor': 'Hourly and monthly views for',
  'results.allSites': 'all sites (sum)',
  'results.hourlyPower': 'Hourly power',
  'results.serverMeans': '{n}-hour means from the server; every hour once your browser has simulated it.',
  'results.monthlyEnergy': 'Monthly energy',
  'results.utcMonths': 'Calendar months in UTC',
  'results.monthlyPue': 'Monthly PUE',
  'results.pueSub': 'Facility energy / IT energy of the month',
  'results.monthlyCo2': 'Monthly CO2',
  'results.co2Sub': 'Grid average intensity, lifecycle factors',
  'results.monthlyWater': 'Monthly water',
  'results.waterSub': 'Consumed on site (evaporation + blow-down)',
  'results.compute': 'Compute delivered by year',
  'results.phases': 'Capex and jobs by phase',
  'results.allMetrics': 'All metrics',
  'results.metric': 'metric',
  'results.total': 'total',
  'results.note':
    '{hours} hours simulated, {start} → {end} (UTC). {n} values come from defaults, catalogs and data (see `gigawatt run --explain`). Peak: {peak}.',
  'series.it': 'IT',
  'series.overhead': 'Overhead (cooling + losses)',
  'series.cooling': 'Cooling',
  'series.facility': 'Facility',
  'series.gridImport': 'Grid import',
  'series.unserved': 'Unserved IT (interconnect)',
  'series.curtailed': 'Curtailed (flexibility)',
  'series.water': 'Water',
  'series.compute': 'Compute',
  // Map
  'map.title': 'Sites',
  'map.sub': 'Circle area ∝ peak facility power (MW); colour = grid region',
  'map.label': 'Map of the sites',
  'map.table': 'The sites as a table',
  'map.site': 'site',
  'map.region': 'region',
  'map.lat': 'latitude (°N)',
  'map.lon': 'longitude (°E)',
  'map.peak': 'peak facility power',
  'map.peakTitle': '{site}: {power} peak, {region}',
  // Metric labels (units.ts)
  'metric.pue': 'PUE (facility / IT energy)',
  'metric.acceleratorCount': 'Accelerators',
  'metric.itEnergyMWh': 'IT energy',
  'metric.facilityEnergyMWh': 'Facility energy',
  'metric.coolingEnergyMWh': 'Cooling energy',
  'metric.gridImportMWh': 'Grid import',
  'metric.unservedITEnergyMWh': 'IT energy not served',
  'metric.peakITMW': 'Peak IT power',
  'metric.peakFacilityMW': 'Peak facility power',
  'metric.co2Tonnes': 'CO2 (grid lifecycle + on-site gas)',
  'metric.waterM3': 'Water consumed on site',
  'metric.energyCostUSD': 'Energy cost',
  'metric.computeDeliveredFLOP': 'Compute delivered',
  'metric.capexUSD': 'Capex',
  'metric.jobsPermanent': 'Permanent jobs',
  'metric.jobsConstruction': 'Construction jobs',
  'unit.millionM3': 'million m³',
  'unit.thousandM3': 'thousand m³',
  // Compare
  'compare.title': 'Compare',
  'compare.pageTitle': 'Compare {a} and {b}',
  'compare.simulating': 'Simulating both in your browser…',
  'compare.totals': "Totals over each scenario's period",
  'compare.economics': 'Economics',
  'compare.economicsSub': 'Each over its own period and at its own discount rate; not differenced.',
  'compare.energyByYear': 'Facility energy by year',
  'compare.co2ByYear': 'CO2 by year',
  'compare.pueByMonth': 'PUE by calendar month',
  'compare.pueSub': 'Facility / IT energy of each calendar month (UTC), over all years of each scenario',
  'compare.discount': 'Discount rate',
  'compare.paybackYear': 'Payback year',
  'compare.notInPeriod': 'not in period',
  'compare.totalsOver': 'Totals over {window}',
  'compare.commonWindow': 'the common window {start} → {end} ({hours} h)',
  'compare.commonOption': 'the common window {start} → {end}',
  'compare.samePeriod': 'the same period {start} → {end}',
  'compare.ownPeriods': "each scenario's own period",
  'compare.noOverlap': "The two periods do not overlap: totals are over each scenario's own period.",
  'compare.windowNote':
    "Hourly sums and coincident peaks over the same hours. Capex, jobs, accelerators and curtailment counts are not split by hour: see them over each scenario's own period.",
  'compare.byYear': 'By year',
  'compare.byYearSub': 'Calendar years (UTC) of {window}; hours of each year in that window.',
  'compare.metricPick': 'Metric',
  'compare.year': 'year',
  'compare.hoursOf': 'hours {side}',
  'compare.periods': '({start} → {end})',
  // Economics
  'econ.title': 'Economics',
  'econ.npvAt': 'NPV at {rate} %',
  'econ.payback': 'Payback',
  'econ.breakEven': 'Break-even (profit ≥ 0 from)',
  'econ.perAccelHour': 'Levelized cost per accelerator-hour',
  'econ.perPflopDay': 'Levelized cost per PFLOP-day',
  'econ.perMtok': 'Levelized cost per million tokens',
  'econ.cashFlowChart': 'Capex, opex and revenue by year',
  'econ.opexChart': 'Opex by year',
  'econ.cashFlows': 'Cash flows by year',
  'econ.year': 'year',
  // Other sections
  'workloads.title': 'Workloads',
  'flex.title': 'Grid flexibility',
  'headroom.title': 'Grid headroom',
  'national.title': 'National build-out',
  'notFound.page': 'Page not found',
  'wl.training': 'Training runs',
  'wl.trainingSub': 'Dates in UTC; a run ends when its last checkpoint completes.',
  'wl.run': 'run',
  'wl.start': 'start',
  'wl.completion': 'completion',
  'wl.progress': 'progress',
  'wl.goodput': 'goodput',
  'wl.interruptions': 'interruptions',
  'wl.mtbf': 'MTBF',
  'wl.checkpointEvery': 'checkpoint every',
  'wl.cause': 'interruption cause',
  'wl.count': 'count',
  'wl.inference': 'Inference services',
  'wl.service': 'service',
  'wl.tokens': 'tokens served',
  'wl.peakAccel': 'peak accelerators',
  'wl.shortHours': 'hours short of demand',
  'wl.energyPerToken': 'energy per token',
  'wl.co2PerMtok': 'CO2 per million tokens',
  'wl.energy': 'energy',
  'flex.hours': 'hours curtailed',
  'flex.events': 'events',
  'flex.longest': 'longest event',
  'flex.energy': 'energy curtailed',
  'flex.computeLost': 'compute lost',
  'flex.costSaved': 'energy cost saved',
  'flex.caught': '4CP caught',
  'flex.chargeAvoided': '4CP charge avoided',
  'flex.hourUtc': 'hour (UTC)',
  'flex.ercotDemand': 'ERCOT demand',
  'flex.siteDraw': 'site grid draw',
  'flex.without': 'without curtailment',
  'econ.value': 'value',
  'econ.used': 'used',
  'econ.kind': 'kind',
  'econ.source': 'source',
  'cf.energy': 'Energy',
  'cf.transmission': 'Transmission (4CP)',
  'cf.operations': 'Operations',
  'cf.staff': 'Staff',
  'cf.insurance': 'Insurance',
  'cf.propertyTax': 'Property tax',
  'cf.fuel': 'Fuel',
  'cf.capex': 'Capex',
  'cf.opex': 'Opex',
  'cf.revenue': 'Revenue',
  'cf.depreciation': 'Depreciation',
  'cf.tax': 'Tax',
  'cf.terminal': 'Terminal value',
  'cf.net': 'Net cash flow',
  'cf.cumulative': 'Cumulative',
  'cf.discounted': 'Discounted',
  'hourly.help':
    'Drag to zoom, double-click to reset; click a legend entry (or Tab to it and press Enter) to hide a series.',
  'hourly.markers': ' Dashed lines: the {n} ERCOT 4CP hours.',
  'hourly.timesIn': 'Times in',
  'hourly.zoomIn': 'Zoom in',
  'hourly.zoomOut': 'Zoom out',
  'hourly.earlier': 'Earlier',
  'hourly.later': 'Later',
  'hourly.whole': 'Whole period',
  'econ.irr': 'IRR',
  'econ.years': '{n} years',
  'econ.opexSub': 'Energy, 4CP transmission, operations, staff, insurance, property tax, fuel',
  'hourly.time': 'Time',
  'econ.revenueNote':
    'Revenue: {basis}. Cash flows are nominal US dollars by calendar year (UTC); capex falls in the years it is spent, before each phase comes online.',
  'econ.notStated': 'not stated',
  'hr.ba': 'balancing authority',
  'hr.years': 'years',
  'hr.quality': 'data quality',
  'hr.limit': 'curtailment limit',
  'hr.headroom': 'headroom',
  'hr.curtailed': 'curtailed',
  'nat.loadAtPeak': 'campus load at peak',
  'nat.firm': 'firm capacity needed',
  'nat.ifFlexible': 'if flexible: curtailed (h/yr, % of energy)',
  'nat.campusesRun': 'campuses run',
  'nat.price': 'price',
  'nat.costOthers': 'cost to other customers',
  'nat.perHousehold': 'per household',
  'nat.campus': 'campus',
  'nat.pOnTime': 'P(on time)',
  'nat.risk': 'schedule risk',
  'nat.online': 'online P10 / P50 / P90 (last phase)',
  'nat.critical': 'critical item',
  // Charts: export buttons and table alternatives (web/src/charts/)
  'chart.png': 'Download the chart as PNG',
  'chart.svg': 'Download the chart as SVG',
  'chart.csv': 'Download the data as CSV',
  'table.withUnit': '{label} ({unit})',
  'fan.legend': 'Band: P5 to P95 of the samples; line: P50.',
  'fan.table': 'The fan chart as a table',
  'fan.year': 'year',
  'hist.table': 'The histogram as a table',
  'hist.share': 'share',
  'bars.table': 'The chart as a table',
  'bars.month': 'month',
  'ranges.table': 'The distributions as a table',
  'ranges.output': 'output',
  'ranges.mean': 'mean',
  'ranges.min': 'min',
  'ranges.max': 'max',
  'ranges.n': 'samples with a value',
  'ranges.span': '{label}: P5 {p5} to P95 {p95}',
  'tornado.table': 'The tornado as a table',
  'tornado.input': 'input',
  'tornado.rho': 'Spearman ρ',
  'tornado.low': 'mean {output}, input ≤ median',
  'tornado.high': 'mean {output}, input > median',
  // Shown before the sweeps page's chunk (and its messages, ./messages-sweeps.ts) has loaded
  'sweeps.loadingView': 'Loading the sweeps view…',
  'sweeps.loadFailed': 'The sweeps view could not be loaded from the server; reload the page.',
  ...gridEn,
} as const;

/** Keys of the first view's messages (above), which French must all have. */
type CoreKey = keyof typeof en;
/** Every key: the first view's and those of lazily loaded pages (added by `addMessages` with their chunk). */
export type MessageKey = CoreKey | SweepsKey;

/** Every key of the English messages, in French: leaving one out does not type-check. */
const fr: Record<CoreKey, string> = {
  'nav.main': 'Principale',
  'nav.scenarios': 'Scénarios',
  'nav.defaultCampus': 'Texas + New York',
  'nav.compare': 'Comparer',
  'nav.national': 'National',
  'nav.headroom': 'Marge réseau',
  'nav.sweeps': 'Simulations Monte-Carlo',
  'prefs.language': 'Langue',
  'prefs.theme': 'Thème',
  'prefs.theme.system': 'système',
  'prefs.theme.light': 'clair',
  'prefs.theme.dark': 'sombre',
  'prefs.currency': 'Devise',
  'prefs.rate': 'US$ pour 1 €',
  'prefs.rateNote':
    'Les montants en dollars sont convertis en euros à ce taux (dollars US pour un euro). Par défaut 1,16 : une HYPOTHÈSE proche de l’annonce du 12 novembre 2025. Une note de marché du 13 novembre 2025 donnait l’EUR/USD à 1,1615, juste sous un plus haut au-dessus de 1,1630 ; le taux de référence de la BCE pour ce jour n’a pas pu être vérifié. Saisissez le taux voulu.',
  'money.note.usd': 'Montants en dollars US (nominaux), tels que calculés.',
  'money.note.eur':
    'Montants en euros, convertis depuis les dollars US à {rate} US$ pour 1 € (le taux saisi à côté du choix de devise).',
  'gallery.title': 'Scénarios',
  'gallery.loading': 'Chargement des scénarios…',
  'gallery.lede':
    'Choisissez un campus pour voir ce qu’il consomme heure par heure, ce qu’il émet, l’eau qu’il utilise, ce qu’il coûte et le calcul qu’il fournit. Chaque nombre est simulé dans votre navigateur à partir de données réelles de météo, de réseau et de prix.',
  'gallery.interconnect': 'de raccordement',
  'gallery.compareLink': 'Comparer deux scénarios côte à côte →',
  'campus.notFoundTitle': 'Scénario introuvable',
  'campus.notFound': 'Aucun scénario nommé « {name} »',
  'campus.notFoundText': 'Il n’y a pas de scénario intégré de ce nom.',
  'campus.seeAll': 'Voir tous les scénarios',
  'campus.orRun': ', ou simulez votre propre fichier avec',
  'campus.parameters': 'Paramètres',
  'campus.downloadYaml': 'Télécharger le scénario en YAML',
  'campus.yamlLabel': 'YAML du scénario',
  'campus.accelerators': 'Accélérateurs de {phase} ({accelerator})',
  'campus.itCapacity': 'Capacité IT de {phase} ({accelerator})',
  'campus.busy': 'Taux d’occupation',
  'campus.interconnect': 'Raccordement au réseau',
  'campus.cooling': 'Refroidissement',
  'campus.reset': 'Revenir au scénario publié',
  'campus.serverRun':
    'Simulation du serveur affichée ; simulation heure par heure en cours dans votre navigateur…',
  'campus.simulating': 'simulation…',
  'campus.simulated': '{hours} heures simulées dans votre navigateur en {ms} ms',
  'campus.fetching': ' (+ {ms} ms de chargement des données)',
  'campus.problems': ' · {n} problème(s) : dernière simulation valide affichée',
  'campus.discard': 'Abandonner vos modifications de {name} ?',
  'campus.badLink': 'Les modifications de ce lien sont illisibles ; le scénario publié est affiché.',
  'campus.loading': 'Chargement et simulation…',
  'results.viewsFor': 'Vues horaires et mensuelles pour',
  'results.allSites': 'tous les sites (somme)',
  'results.hourlyPower': 'Puissance horaire',
  'results.serverMeans':
    'Moyennes sur {n} heures du serveur ; chaque heure dès que votre navigateur l’a simulée.',
  'results.monthlyEnergy': 'Énergie mensuelle',
  'results.utcMonths': 'Mois calendaires en UTC',
  'results.monthlyPue': 'PUE mensuel',
  'results.pueSub': 'Énergie du site / énergie IT du mois',
  'results.monthlyCo2': 'CO2 mensuel',
  'results.co2Sub': 'Intensité moyenne du réseau, facteurs en cycle de vie',
  'results.monthlyWater': 'Eau mensuelle',
  'results.waterSub': 'Consommée sur site (évaporation + purge)',
  'results.compute': 'Calcul fourni par an',
  'results.phases': 'Investissement et emplois par phase',
  'results.allMetrics': 'Tous les indicateurs',
  'results.metric': 'indicateur',
  'results.total': 'total',
  'results.note':
    '{hours} heures simulées, du {start} au {end} (UTC). {n} valeurs viennent des valeurs par défaut, des catalogues et des données (voir `gigawatt run --explain`). Pointe : {peak}.',
  'series.it': 'IT',
  'series.overhead': 'Surcoût (refroidissement + pertes)',
  'series.cooling': 'Refroidissement',
  'series.facility': 'Site',
  'series.gridImport': 'Soutirage réseau',
  'series.unserved': 'IT non servie (raccordement)',
  'series.curtailed': 'Effacée (flexibilité)',
  'series.water': 'Eau',
  'series.compute': 'Calcul',
  'map.title': 'Sites',
  'map.sub': 'Aire du cercle ∝ puissance de pointe du site (MW) ; couleur = zone du réseau',
  'map.label': 'Carte des sites',
  'map.table': 'Les sites sous forme de tableau',
  'map.site': 'site',
  'map.region': 'zone',
  'map.lat': 'latitude (°N)',
  'map.lon': 'longitude (°E)',
  'map.peak': 'puissance de pointe du site',
  'map.peakTitle': '{site} : {power} en pointe, {region}',
  'metric.pue': 'PUE (énergie du site / énergie IT)',
  'metric.acceleratorCount': 'Accélérateurs',
  'metric.itEnergyMWh': 'Énergie IT',
  'metric.facilityEnergyMWh': 'Énergie du site',
  'metric.coolingEnergyMWh': 'Énergie de refroidissement',
  'metric.gridImportMWh': 'Soutirage réseau',
  'metric.unservedITEnergyMWh': 'Énergie IT non servie',
  'metric.peakITMW': 'Puissance IT de pointe',
  'metric.peakFacilityMW': 'Puissance de pointe du site',
  'metric.co2Tonnes': 'CO2 (réseau en cycle de vie + gaz sur site)',
  'metric.waterM3': 'Eau consommée sur site',
  'metric.energyCostUSD': 'Coût de l’énergie',
  'metric.computeDeliveredFLOP': 'Calcul fourni',
  'metric.capexUSD': 'Investissement',
  'metric.jobsPermanent': 'Emplois permanents',
  'metric.jobsConstruction': 'Emplois de construction',
  'unit.millionM3': 'millions de m³',
  'unit.thousandM3': 'milliers de m³',
  'compare.title': 'Comparer',
  'compare.pageTitle': 'Comparer {a} et {b}',
  'compare.simulating': 'Simulation des deux dans votre navigateur…',
  'compare.totals': 'Totaux sur la période de chaque scénario',
  'compare.economics': 'Économie',
  'compare.economicsSub': 'Chacun sur sa période et à son taux d’actualisation ; sans différence.',
  'compare.energyByYear': 'Énergie du site par an',
  'compare.co2ByYear': 'CO2 par an',
  'compare.pueByMonth': 'PUE par mois calendaire',
  'compare.pueSub':
    'Énergie du site / énergie IT de chaque mois calendaire (UTC), sur toutes les années de chaque scénario',
  'compare.discount': 'Taux d’actualisation',
  'compare.paybackYear': 'Année de retour sur investissement',
  'compare.notInPeriod': 'hors période',
  'compare.totalsOver': 'Totaux sur {window}',
  'compare.commonWindow': 'la fenêtre commune du {start} au {end} ({hours} h)',
  'compare.commonOption': 'la fenêtre commune du {start} au {end}',
  'compare.samePeriod': 'la même période du {start} au {end}',
  'compare.ownPeriods': 'la période de chaque scénario',
  'compare.noOverlap':
    'Les deux périodes ne se recouvrent pas : les totaux portent sur la période de chaque scénario.',
  'compare.windowNote':
    'Sommes horaires et pointes simultanées sur les mêmes heures. Capex, emplois, accélérateurs et décomptes d’effacement ne se répartissent pas par heure : voir la période de chaque scénario.',
  'compare.byYear': 'Par année',
  'compare.byYearSub': 'Années civiles (UTC) de {window} ; heures de chaque année dans cette fenêtre.',
  'compare.metricPick': 'Indicateur',
  'compare.year': 'année',
  'compare.hoursOf': 'heures {side}',
  'compare.periods': '(du {start} au {end})',
  'econ.title': 'Économie',
  'econ.npvAt': 'VAN à {rate} %',
  'econ.payback': 'Retour sur investissement',
  'econ.breakEven': 'Seuil de rentabilité (bénéfice ≥ 0 dès)',
  'econ.perAccelHour': 'Coût actualisé par heure-accélérateur',
  'econ.perPflopDay': 'Coût actualisé par PFLOP-jour',
  'econ.perMtok': 'Coût actualisé par million de jetons',
  'econ.cashFlowChart': 'Investissement, exploitation et revenus par an',
  'econ.opexChart': 'Dépenses d’exploitation par an',
  'econ.cashFlows': 'Flux de trésorerie par an',
  'econ.year': 'année',
  'workloads.title': 'Charges de travail',
  'flex.title': 'Flexibilité réseau',
  'headroom.title': 'Marge du réseau',
  'national.title': 'Déploiement national',
  'notFound.page': 'Page introuvable',
  'wl.training': 'Entraînements',
  'wl.trainingSub': 'Dates en UTC ; un entraînement finit quand son dernier point de reprise est écrit.',
  'wl.run': 'entraînement',
  'wl.start': 'début',
  'wl.completion': 'fin',
  'wl.progress': 'avancement',
  'wl.goodput': 'rendement utile',
  'wl.interruptions': 'interruptions',
  'wl.mtbf': 'MTBF',
  'wl.checkpointEvery': 'point de reprise toutes les',
  'wl.cause': 'cause d’interruption',
  'wl.count': 'nombre',
  'wl.inference': 'Services d’inférence',
  'wl.service': 'service',
  'wl.tokens': 'jetons servis',
  'wl.peakAccel': 'accélérateurs en pointe',
  'wl.shortHours': 'heures sous la demande',
  'wl.energyPerToken': 'énergie par jeton',
  'wl.co2PerMtok': 'CO2 par million de jetons',
  'wl.energy': 'énergie',
  'flex.hours': 'heures effacées',
  'flex.events': 'épisodes',
  'flex.longest': 'plus long épisode',
  'flex.energy': 'énergie effacée',
  'flex.computeLost': 'calcul perdu',
  'flex.costSaved': 'coût d’énergie évité',
  'flex.caught': '4CP captés',
  'flex.chargeAvoided': 'charge 4CP évitée',
  'flex.hourUtc': 'heure (UTC)',
  'flex.ercotDemand': 'demande ERCOT',
  'flex.siteDraw': 'soutirage du site',
  'flex.without': 'sans effacement',
  'econ.value': 'valeur',
  'econ.used': 'utilisée',
  'econ.kind': 'nature',
  'econ.source': 'source',
  'cf.energy': 'Énergie',
  'cf.transmission': 'Transport (4CP)',
  'cf.operations': 'Opérations',
  'cf.staff': 'Personnel',
  'cf.insurance': 'Assurance',
  'cf.propertyTax': 'Taxe foncière',
  'cf.fuel': 'Combustible',
  'cf.capex': 'Investissement',
  'cf.opex': 'Exploitation (opex)',
  'cf.revenue': 'Revenus',
  'cf.depreciation': 'Amortissement',
  'cf.tax': 'Impôt',
  'cf.terminal': 'Valeur terminale',
  'cf.net': 'Flux net',
  'cf.cumulative': 'Cumulé',
  'cf.discounted': 'Actualisé',
  'hourly.help':
    'Faites glisser pour zoomer, double-cliquez pour revenir ; cliquez sur une entrée de la légende (ou atteignez-la avec Tab et appuyez sur Entrée) pour masquer une série.',
  'hourly.markers': ' Lignes pointillées : les {n} heures 4CP d’ERCOT.',
  'hourly.timesIn': 'Heures en',
  'hourly.zoomIn': 'Zoom avant',
  'hourly.zoomOut': 'Zoom arrière',
  'hourly.earlier': 'Plus tôt',
  'hourly.later': 'Plus tard',
  'hourly.whole': 'Toute la période',
  'econ.irr': 'TRI',
  'econ.years': '{n} ans',
  'econ.opexSub': 'Énergie, transport 4CP, opérations, personnel, assurance, taxe foncière, combustible',
  'hourly.time': 'Heure',
  'econ.revenueNote':
    'Revenus : {basis}. Les flux de trésorerie sont calculés en dollars US nominaux par année calendaire (UTC) ; l’investissement tombe les années où il est dépensé, avant la mise en service de chaque phase.',
  'econ.notStated': 'non indiqué',
  'hr.ba': 'zone d’équilibrage',
  'hr.years': 'années',
  'hr.quality': 'qualité des données',
  'hr.limit': 'limite d’effacement',
  'hr.headroom': 'marge',
  'hr.curtailed': 'effacé',
  'nat.loadAtPeak': 'charge des campus en pointe',
  'nat.firm': 'capacité ferme nécessaire',
  'nat.ifFlexible': 'si flexibles : effacement (h/an, % de l’énergie)',
  'nat.campusesRun': 'fonctionnement des campus',
  'nat.price': 'prix',
  'nat.costOthers': 'coût pour les autres clients',
  'nat.perHousehold': 'par foyer',
  'nat.campus': 'campus',
  'nat.pOnTime': 'P(à l’heure)',
  'nat.risk': 'risque de calendrier',
  'nat.online': 'mise en service P10 / P50 / P90 (dernière phase)',
  'nat.critical': 'élément critique',
  'chart.png': 'Télécharger le graphique en PNG',
  'chart.svg': 'Télécharger le graphique en SVG',
  'chart.csv': 'Télécharger les données en CSV',
  'table.withUnit': '{label} ({unit})',
  'fan.legend': 'Bande : P5 à P95 des tirages ; ligne : P50.',
  'fan.table': 'L’éventail sous forme de tableau',
  'fan.year': 'année',
  'hist.table': 'L’histogramme sous forme de tableau',
  'hist.share': 'part',
  'bars.table': 'Le graphique sous forme de tableau',
  'bars.month': 'mois',
  'ranges.table': 'Les distributions sous forme de tableau',
  'ranges.output': 'résultat',
  'ranges.mean': 'moyenne',
  'ranges.min': 'min',
  'ranges.max': 'max',
  'ranges.n': 'tirages avec une valeur',
  'ranges.span': '{label} : P5 {p5} à P95 {p95}',
  'tornado.table': 'La tornade sous forme de tableau',
  'tornado.input': 'entrée',
  'tornado.rho': 'ρ de Spearman',
  'tornado.low': 'moyenne de {output}, entrée ≤ médiane',
  'tornado.high': 'moyenne de {output}, entrée > médiane',
  'sweeps.loadingView': 'Chargement de la vue des simulations…',
  'sweeps.loadFailed':
    'La vue des simulations n’a pas pu être chargée depuis le serveur ; rechargez la page.',
  ...gridFr,
};

const MESSAGES: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...en }, fr: { ...fr } };

/**
 * Adds a lazily loaded page's messages to the catalogue, when its chunk loads (the Sweeps page's,
 * ./messages-sweeps.ts: French typed against its English keys there).
 */
export function addMessages<K extends MessageKey>(
  m: Readonly<Record<Locale, Readonly<Record<K, string>>>>,
): void {
  Object.assign(MESSAGES.en, m.en);
  Object.assign(MESSAGES.fr, m.fr);
}

/**
 * Default euro rate (US dollars per euro). An ASSUMPTION: about the ECB euro reference rate around
 * the build-out's announcement (12 November 2025), given from memory and not verified against the
 * ECB's published figure; the user states the rate in the field beside the currency switch.
 */
export const DEFAULT_USD_PER_EUR = 1.16;

const KEYS = { locale: 'gigawatt.lang', currency: 'gigawatt.currency', rate: 'gigawatt.usdPerEur' };
const EVENT = 'gigawatt:prefs';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: the choice still holds for this page (and its URL)
  }
}

const hasDom = typeof location !== 'undefined';
const params = new URLSearchParams(hasDom ? location.search : '');

/** "fr", "fr-CA", "FR" → fr; anything else → en. */
export function parseLocale(s: string | null | undefined): Locale | undefined {
  if (!s) return undefined;
  const l = s.toLowerCase();
  return l === 'fr' || l.startsWith('fr-') ? 'fr' : l === 'en' || l.startsWith('en-') ? 'en' : undefined;
}

/** A positive, finite rate, or undefined. */
export function parseRate(s: string | null | undefined): number | undefined {
  if (s === null || s === undefined || s.trim() === '') return undefined;
  const x = Number(s.trim().replace(',', '.'));
  return Number.isFinite(x) && x > 0 ? x : undefined;
}

let current = {
  locale:
    parseLocale(params.get('lang')) ??
    parseLocale(read(KEYS.locale)) ??
    (typeof navigator !== 'undefined' ? parseLocale(navigator.language) : undefined) ??
    'en',
  currency: ((params.get('currency') ?? read(KEYS.currency))?.toUpperCase() === 'EUR'
    ? 'EUR'
    : 'USD') as Currency,
  usdPerEur: parseRate(params.get('usdPerEur')) ?? parseRate(read(KEYS.rate)) ?? DEFAULT_USD_PER_EUR,
};

export const locale = (): Locale => current.locale;
/** The Intl locale of the language: "en-US" (1,234.5) or "fr-FR" (1 234,5). */
export const intlLocale = (): string => (current.locale === 'fr' ? 'fr-FR' : 'en-US');
export const currency = (): Currency => current.currency;
/** US dollars per euro, as stated by the user (default DEFAULT_USD_PER_EUR). */
export const usdPerEur = (): number => current.usdPerEur;

/** A message in the current language, `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  // A key whose page has not loaded its messages yet shows as itself (never `undefined`).
  const s = MESSAGES[current.locale][key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/**
 * A message as parts, its `{name}` placeholders replaced by `vars` as they are (e.g. `<code>` elements),
 * for text that mixes words and markup: `<p>{tParts('sweeps.saved', { cmd: <code>…</code> })}</p>`.
 */
export function tParts<T>(
  key: MessageKey,
  vars: Readonly<Record<string, T | string | number>>,
): (string | T)[] {
  return (MESSAGES[current.locale][key] ?? key)
    .split(/(\{\w+\})/)
    .filter((s) => s !== '')
    .map((s) => {
      const name = /^\{(\w+)\}$/.exec(s)?.[1];
      if (name === undefined || !(name in vars)) return s;
      const v = vars[name] as T | string | number;
      return typeof v === 'number' ? String(v) : v;
    });
}

/** The URL's query with the preferences that differ from the defaults, the hash kept. */
function syncUrl(): void {
  const q = new URLSearchParams(location.search);
  q.set('lang', current.locale);
  if (current.currency === 'EUR') {
    q.set('currency', 'EUR');
    q.set('usdPerEur', String(current.usdPerEur));
  } else {
    q.delete('currency');
    q.delete('usdPerEur');
  }
  history.replaceState(history.state, '', `${location.pathname}?${q.toString()}${location.hash}`);
}

/** Puts the language on <html lang> (and in the URL once the user has chosen). */
export function applyLocale(): void {
  document.documentElement.lang = current.locale;
}

/** A key that changes with the language, the currency or (in euros) the rate: pages redraw under a new key. */
export const prefsKey = (): string =>
  `${current.locale}|${current.currency}|${current.currency === 'EUR' ? current.usdPerEur : ''}`;

export function setPrefs(p: Partial<typeof current>): void {
  current = { ...current, ...p };
  write(KEYS.locale, current.locale);
  write(KEYS.currency, current.currency);
  write(KEYS.rate, String(current.usdPerEur));
  applyLocale();
  syncUrl();
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `f` after every change of preferences; returns the unsubscribe. */
export function onPrefs(f: () => void): () => void {
  window.addEventListener(EVENT, f);
  return () => window.removeEventListener(EVENT, f);
}
