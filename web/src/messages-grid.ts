/**
 * The National build-out and Grid headroom pages' messages (web/src/pages/National.tsx,
 * Headroom.tsx), English and French, merged into the catalogue of ./i18n.ts. The French object is
 * typed against the English keys: a missing one does not compile. Text the server sends (errors, a
 * stand-in BA's basis, the headroom method and source) stays in English.
 */

export const gridEn = {
  // National
  'nat.error': 'The build-out report failed: {error}',
  'nat.loading':
    'Computing the national build-out on the server (every announced campus, hourly, against six years of grid demand; the first request takes 10–50 s, then it is kept)… {s} s',
  'nat.intro':
    '{n} simulated campuses of the register ({scenario}), grid analysis on {dates} dates; method and sources: docs/buildout.md.',
  'nat.dates.announced': 'announced',
  'nat.dates.p50': 'P50',
  'nat.dates.p90': 'P90',
  'nat.year': 'Year',
  'nat.yearMissing': 'Year “{asked}” is not in the report ({first}–{last}); showing {year}.',
  'nat.offGrid': '{region} (off-grid)',
  'nat.isOnline': 'online',
  'nat.band.onTime': 'likely on time (≥ 75 %)',
  'nat.band.atRisk': 'at risk (25–75 %)',
  'nat.band.late': 'likely late (< 25 %)',
  'nat.mapTitle': 'Campuses and their schedule risk',
  'nat.mapSub':
    'Circle area ∝ IT MW installed by the end of {year}; colour = probability of meeting the announced date (supply-chain Monte Carlo, lowest over the campus’s phases not yet online)',
  'nat.mapLabel': 'Map of the campuses by schedule risk',
  'nat.mapDot': '{name}: {mw} IT, P(on time) {p}',
  'nat.mapTable': 'The campuses as a table',
  'nat.itEnd': 'IT, end of {year}',
  'nat.baTitle': 'Balancing authorities, {year}',
  'nat.baSub':
    'Campus load at the region’s 10 highest-demand hours of each historical year (mean); headroom = the largest further constant load the region could take with at most {limit} % of its energy curtailed (Norris et al. 2025), before → after the campuses; firm capacity = new firm capacity needed if the campuses never curtail; if flexible = the campuses curtail whenever the region would pass its historical peak threshold',
  'nat.headroomAt': 'headroom at {limit} %, before → after',
  'nat.allRegions': 'all regions',
  'nat.noBa': 'No BA in the register',
  'nat.standsIn': '{ba} ({campuses}): {standIn} stands in. {basis}',
  'nat.whoPays': 'Who pays, {year}',
  'nat.case.firm': 'firm',
  'nat.case.collar': 'firm, 2026/27 collar',
  'nat.case.flexible': 'flexible (curtailed at the peak)',
  'nat.case.byog': 'bring your own generation',
  'nat.pjmSub':
    'PJM capacity market: the PJM campuses’ {mw} at PJM’s peak added to the 2026/27 auction (peak {peak} MW, reserve margin {margin} %), price from the calibrated clearing relation P(x) = {a} × exp(−{b} x) $/MW-day, x = reserve margin − target (points), at most the VRR cap of $696/MW-day; the 2026/27 collar only where stated (it will not apply from 2028/29). Household: {kw} kW peak-load contribution (twice its mean load, an ASSUMPTION).',
  'nat.perMWDay': '{price} {sym}/MW-day',
  'nat.perYear': '{amount}/yr',
  'nat.perMonth': '{amount}/month',
  'nat.pjmNote':
    'Cost to other customers: the change against the same auction without the campuses; firm campuses pay their peak-load share. A negative figure is a saving: under the collar the price stays at its cap, so firm campuses take a share of an unchanged bill; with their own generation the margin rises slightly.',
  'nat.noPjm': 'No PJM campus load in {year}.',
  'nat.ercotSub':
    'ERCOT 4CP (16 TAC §25.192): transmission cost {tcos}/yr (TCOS at $100/kW-yr, an ASSUMPTION inside the published $50–150+ range) spread over the average June–September coincident peak of {year} demand.',
  'nat.tcos': '{sym}{n} billion',
  'nat.ercotAtPeaks': 'campuses at the 4 peaks',
  'nat.ercotFirm': 'campuses pay if firm',
  'nat.ercotOthers': 'others pay: campuses firm → campuses avoid the peaks',
  'nat.ercotShift': 'shifted to others by avoiding the peaks',
  'nat.noErcot': 'No ERCOT campus load in {year}.',
  'nat.onlineTitle': 'National IT online by 31 December',
  'nat.onlineSub':
    'As announced, the supply chain’s median (P50) and the level reached with 90 % probability (P90)',
  'nat.announced': 'announced',
  // Headroom
  'hr.error': 'The headroom analysis failed: {error}',
  'hr.loading':
    'Computing the headroom of every bundled balancing authority on the server (hourly EIA-930 demand, 2016–2024)…',
  'hr.tableTitle': 'Headroom of {n} balancing authorities',
  'hr.tableSub':
    'The largest constant new load each BA could serve with at most the given share of that load’s energy curtailed, against the BA’s own seasonal peaks (Norris et al. 2025); sorted by headroom at {limit} %',
  'hr.at': 'at {limit} %',
  'hr.total': 'total ({n} BAs)',
  'hr.byBa': 'by BA',
  'hr.sumNote': 'sum of each BA against its own peaks, not a coincident national figure',
  'hr.ours': '{gw} (ours {pct} %)',
  'hr.sources': 'Demand: {source}. Method: {method}.',
  'hr.q.imputed': '{pct} % of hours imputed or flagged',
  'hr.q.unflagged': '{h} h without a flag',
  'hr.q.summer': 'summer peak hour imputed/flagged',
  'hr.q.winter': 'winter peak hour imputed/flagged',
  'hr.pick': 'Balancing authority',
  'hr.curveLabel': 'Headroom of {region} against the curtailment limit',
  'hr.xAxis': 'curtailment limit, % of the new load’s energy (log scale)',
  'hr.yAxis': 'headroom, GW',
  'hr.curveError': 'The curtailment curve of {region} failed: {error}',
  'hr.curveLoading': 'Computing the curtailment curve of {region}…',
  'hr.curveTitle': 'Curtailment curve of {region}, {years}',
  'hr.curveSub': 'Headroom against the share of the new load’s energy that may be curtailed',
  'hr.curveTable': 'The curve as a table',
  'hr.hoursPerYear': '{h} h/yr',
} as const;

export type GridKey = keyof typeof gridEn;

export const gridFr: Record<GridKey, string> = {
  'nat.error': 'Le rapport de déploiement a échoué : {error}',
  'nat.loading':
    'Calcul du déploiement national sur le serveur (chaque campus annoncé, heure par heure, face à six années de demande du réseau ; la première requête prend 10 à 50 s, ensuite le résultat est conservé)… {s} s',
  'nat.intro':
    '{n} campus du registre simulés ({scenario}), analyse du réseau aux dates {dates} ; méthode et sources : docs/buildout.md.',
  'nat.dates.announced': 'annoncées',
  'nat.dates.p50': 'P50',
  'nat.dates.p90': 'P90',
  'nat.year': 'Année',
  'nat.yearMissing': 'L’année « {asked} » n’est pas dans le rapport ({first}–{last}) ; {year} est affichée.',
  'nat.offGrid': '{region} (hors réseau)',
  'nat.isOnline': 'en service',
  'nat.band.onTime': 'probablement à l’heure (≥ 75 %)',
  'nat.band.atRisk': 'à risque (25–75 %)',
  'nat.band.late': 'probablement en retard (< 25 %)',
  'nat.mapTitle': 'Les campus et leur risque de calendrier',
  'nat.mapSub':
    'Aire du cercle ∝ MW IT installés fin {year} ; couleur = probabilité de tenir la date annoncée (Monte-Carlo de la chaîne d’approvisionnement, la plus faible des phases du campus pas encore en service)',
  'nat.mapLabel': 'Carte des campus par risque de calendrier',
  'nat.mapDot': '{name} : {mw} IT, P(à l’heure) {p}',
  'nat.mapTable': 'Les campus sous forme de tableau',
  'nat.itEnd': 'IT, fin {year}',
  'nat.baTitle': 'Zones d’équilibrage, {year}',
  'nat.baSub':
    'Charge des campus aux 10 heures de plus forte demande de la zone pour chaque année historique (moyenne) ; marge = la plus grande charge constante supplémentaire que la zone pourrait accueillir avec au plus {limit} % de son énergie effacée (Norris et al. 2025), avant → après les campus ; capacité ferme = nouvelle capacité ferme nécessaire si les campus ne s’effacent jamais ; si flexibles = les campus s’effacent dès que la zone dépasserait son seuil de pointe historique',
  'nat.headroomAt': 'marge à {limit} %, avant → après',
  'nat.allRegions': 'toutes les zones',
  'nat.noBa': 'Aucune zone d’équilibrage dans le registre',
  'nat.standsIn': '{ba} ({campuses}) : {standIn} la remplace. {basis}',
  'nat.whoPays': 'Qui paie, {year}',
  'nat.case.firm': 'fermes',
  'nat.case.collar': 'fermes, plafond 2026/27',
  'nat.case.flexible': 'flexibles (effacés à la pointe)',
  'nat.case.byog': 'production propre',
  'nat.pjmSub':
    'Marché de capacité de PJM : les {mw} des campus PJM à la pointe de PJM ajoutés à l’enchère 2026/27 (pointe {peak} MW, marge de réserve {margin} %), prix tiré de la relation de compensation calibrée P(x) = {a} × exp(−{b} x) $/MW-jour, x = marge de réserve − cible (points), au plus le plafond VRR de 696 $/MW-jour ; le plafond 2026/27 seulement quand il est indiqué (il ne s’appliquera plus à partir de 2028/29). Foyer : contribution de {kw} kW à la charge de pointe (deux fois sa charge moyenne, une HYPOTHÈSE).',
  'nat.perMWDay': '{price} {sym}/MW-jour',
  'nat.perYear': '{amount}/an',
  'nat.perMonth': '{amount}/mois',
  'nat.pjmNote':
    'Coût pour les autres clients : l’écart avec la même enchère sans les campus ; les campus fermes paient leur part de la charge de pointe. Un chiffre négatif est une économie : sous le plafond, le prix reste à son maximum, donc les campus fermes prennent une part d’une facture inchangée ; avec leur propre production, la marge augmente légèrement.',
  'nat.noPjm': 'Pas de charge de campus dans PJM en {year}.',
  'nat.ercotSub':
    'ERCOT 4CP (16 TAC §25.192) : coût de transport de {tcos}/an (TCOS à 100 $/kW-an, une HYPOTHÈSE dans la fourchette publiée de 50 à 150+ $) réparti sur la pointe coïncidente moyenne de juin à septembre de la demande {year}.',
  'nat.tcos': '{n} milliards de {sym}',
  'nat.ercotAtPeaks': 'campus aux 4 pointes',
  'nat.ercotFirm': 'paiement des campus s’ils sont fermes',
  'nat.ercotOthers': 'paiement des autres : campus fermes → campus évitant les pointes',
  'nat.ercotShift': 'reporté sur les autres en évitant les pointes',
  'nat.noErcot': 'Pas de charge de campus dans ERCOT en {year}.',
  'nat.onlineTitle': 'IT nationale en service au 31 décembre',
  'nat.onlineSub':
    'Telle qu’annoncée, médiane de la chaîne d’approvisionnement (P50) et niveau atteint avec 90 % de probabilité (P90)',
  'nat.announced': 'annoncée',
  'hr.error': 'L’analyse de marge a échoué : {error}',
  'hr.loading':
    'Calcul sur le serveur de la marge de chaque zone d’équilibrage fournie (demande horaire EIA-930, 2016–2024)…',
  'hr.tableTitle': 'Marge de {n} zones d’équilibrage',
  'hr.tableSub':
    'La plus grande charge nouvelle constante que chaque zone pourrait servir avec au plus la part indiquée de l’énergie de cette charge effacée, face aux pointes saisonnières de la zone (Norris et al. 2025) ; triées par marge à {limit} %',
  'hr.at': 'à {limit} %',
  'hr.total': 'total ({n} zones)',
  'hr.byBa': 'par zone',
  'hr.sumNote': 'somme des zones, chacune face à ses propres pointes, pas un chiffre national coïncident',
  'hr.ours': '{gw} (nous : {pct} %)',
  'hr.sources': 'Demande : {source}. Méthode : {method}.',
  'hr.q.imputed': '{pct} % des heures imputées ou signalées',
  'hr.q.unflagged': '{h} h sans indicateur',
  'hr.q.summer': 'heure de pointe d’été imputée/signalée',
  'hr.q.winter': 'heure de pointe d’hiver imputée/signalée',
  'hr.pick': 'Zone d’équilibrage',
  'hr.curveLabel': 'Marge de {region} selon la limite d’effacement',
  'hr.xAxis': 'limite d’effacement, % de l’énergie de la nouvelle charge (échelle log)',
  'hr.yAxis': 'marge, GW',
  'hr.curveError': 'La courbe d’effacement de {region} a échoué : {error}',
  'hr.curveLoading': 'Calcul de la courbe d’effacement de {region}…',
  'hr.curveTitle': 'Courbe d’effacement de {region}, {years}',
  'hr.curveSub': 'Marge selon la part de l’énergie de la nouvelle charge qui peut être effacée',
  'hr.curveTable': 'La courbe sous forme de tableau',
  'hr.hoursPerYear': '{h} h/an',
};
