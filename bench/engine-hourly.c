/*
 * C reference for the `engine-hourly` benchmark: the per-hour arithmetic of src/engine/simulate.ts
 * (environment -> fleet -> IT power -> facility -> supply -> impacts -> compute) written as one tight
 * loop per site, on the same inputs, producing the same output columns.
 *
 * Input: a little-endian float64 file written by bench/c-reference.ts (`encodeEngineInputs`), holding the
 * resolved EngineInputs: scenario constants, per site the cooling-system parameters, the phases, the
 * 8,760-hour typical weather year (dry and wet bulb), and the raw historical hourly carbon and price
 * series. Nothing is precomputed on the TS side.
 *
 * Per run and per site, as the TS engine does:
 *   - replay the carbon and price series onto the simulated hours (src/engine/replay.ts: complete-year
 *     scan, gap interpolation, calendar mapping with the Feb 29 rules);
 *   - per hour: UTC ms -> local standard time -> civil date (integer days-from-epoch arithmetic, where the
 *     TS constructs a Date) -> TMY row and local hour; fleet ramp of every phase; busy fraction by local
 *     hour; IT demand; PUE, its electrical/fixed/cooling terms and water from the cooling model
 *     (src/engine/cooling-model.ts, evaluated once per hour); interconnect limit; the facility energy
 *     balance of src/engine/facility.ts; grid import; CO2 and cost; FLOP;
 *   - the power curve (src/catalog/power-curve.ts, with pow) is evaluated once per phase, as in
 *     src/engine/it-power.ts and src/engine/compute.ts (its inputs do not vary by hour), with the chip's
 *     own idle share; host power per accelerator follows load between its idle and maximum figures
 *     (H_idle + (H_max - H_idle)·b·d); compute scales with the duty cycle d (runningFLOPS).
 * Output columns are allocated once and reused across runs (the headline figure); a second timing
 * allocates fresh zeroed columns every run, as the TS engine does (`freshArraysMedianMs`).
 *
 * Prints one JSON line: runs, median and best ms per run, the fresh-columns median, and the checksums (sums over sites and hours,
 * in the same order as bench/engine-hourly.ts) so the caller can check both did the same work.
 *
 * Build: cc -O2 -march=native -o engine-hourly engine-hourly.c -lm
 * Usage: engine-hourly INPUT.bin [MIN_SECONDS]
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOUR_MS 3600000LL
#define DAY_MS (24 * HOUR_MS)
#define KELVIN 273.15
#define EVAPORATION_L_PER_KWH_HEAT (3.6e6 / 2.45e6)
#define FORMAT_VERSION 2.0

/* ---------------------------------------------------------------------------------------------------- */
/* Input reading */

static const double *cur;
static const double *end;

static double next(void) {
  if (cur >= end) {
    fprintf(stderr, "engine-hourly.c: input file too short\n");
    exit(2);
  }
  return *cur++;
}
static const double *take(int64_t n) {
  if (n < 0 || end - cur < n) {
    fprintf(stderr, "engine-hourly.c: input file too short\n");
    exit(2);
  }
  const double *p = cur;
  cur += n;
  return p;
}

typedef struct {
  double minLoad, electricalLoss, electricalNoLoad, fixedOverhead, liquidCapture;
  int hasLiquidLoop;
  double liqSupplyC, liqRiseK, liqEvapC, liqFansPumps;
  double airSupplyC, airRiseK, airEvapC, airFansPumps;
  int econKind; /* 0 outside-air, 1 water-side */
  double econApproachK, econHighLimitC;
  int plantKind; /* 0 cooling-tower, 1 dry-cooler, 2 hybrid */
  double plantFansPumps, towerApproachK, evaporativeShare, cycles, dryApproachK, switchDryBulbC, switchBandK;
  double carnot, condenserAboveSinkK, minLiftK;
} Cooling;

typedef struct {
  double onlineMs, rampDays, count, boardPowerW, hostW, powerCapW, peakFLOPS;
  /* the chip's power curve (catalog idle share: src/catalog/accelerators.ts acceleratorPowerCurve) and
     its hosts' idle draw per accelerator (src/engine/it-power.ts hostPowerW; hostW is the maximum) */
  double idleFraction, dynamicFraction, hostIdleW;
} Phase;

typedef struct {
  double startMs;
  int64_t n;
  const double *values;
} Series;

typedef struct {
  double interconnectMW, busyFraction, dutyCycle;
  int hasShape;
  double shape[24];
  double tzOffsetHours;
  Cooling cool;
  int nPhases;
  Phase *phases;
  int64_t weatherRows;
  const double *dryBulb, *wetBulb;
  Series carbon;
  int priceFlat;
  double priceValue;
  Series price;
} Site;

typedef struct {
  double startMs;
  int64_t hours;
  int nSites;
  double mfu;
  double idleFraction, dynamicFraction, exponent, capHoldFraction, clockPowerExponent;
  double replay; /* -1 latest, -2 cycle, else a year */
  Site *sites;
} Inputs;

static Series readSeries(void) {
  Series s;
  s.startMs = next();
  s.n = (int64_t)next();
  s.values = take(s.n);
  return s;
}

static void readInputs(Inputs *in) {
  if (next() != FORMAT_VERSION) {
    fprintf(stderr, "engine-hourly.c: unknown input format\n");
    exit(2);
  }
  in->startMs = next();
  in->hours = (int64_t)next();
  in->nSites = (int)next();
  in->mfu = next();
  in->idleFraction = next();
  in->dynamicFraction = next();
  in->exponent = next();
  in->capHoldFraction = next();
  in->clockPowerExponent = next();
  in->replay = next();
  in->sites = calloc((size_t)in->nSites, sizeof(Site));
  for (int i = 0; i < in->nSites; i++) {
    Site *s = &in->sites[i];
    s->interconnectMW = next();
    s->busyFraction = next();
    s->dutyCycle = next();
    s->hasShape = next() != 0;
    for (int h = 0; h < 24; h++) s->shape[h] = next();
    s->tzOffsetHours = next();
    Cooling *c = &s->cool;
    c->minLoad = next();
    c->electricalLoss = next();
    c->electricalNoLoad = next();
    c->fixedOverhead = next();
    c->liquidCapture = next();
    c->hasLiquidLoop = next() != 0;
    c->liqSupplyC = next();
    c->liqRiseK = next();
    c->liqEvapC = next();
    c->liqFansPumps = next();
    c->airSupplyC = next();
    c->airRiseK = next();
    c->airEvapC = next();
    c->airFansPumps = next();
    c->econKind = (int)next();
    c->econApproachK = next();
    c->econHighLimitC = next();
    c->plantKind = (int)next();
    c->plantFansPumps = next();
    c->towerApproachK = next();
    c->evaporativeShare = next();
    c->cycles = next();
    c->dryApproachK = next();
    c->switchDryBulbC = next();
    c->switchBandK = next();
    c->carnot = next();
    c->condenserAboveSinkK = next();
    c->minLiftK = next();
    s->nPhases = (int)next();
    s->phases = calloc((size_t)s->nPhases, sizeof(Phase));
    for (int p = 0; p < s->nPhases; p++) {
      Phase *ph = &s->phases[p];
      ph->onlineMs = next();
      ph->rampDays = next();
      ph->count = next();
      ph->boardPowerW = next();
      ph->hostW = next();
      ph->powerCapW = next();
      ph->peakFLOPS = next();
      ph->idleFraction = next();
      ph->dynamicFraction = next();
      ph->hostIdleW = next();
    }
    s->weatherRows = (int64_t)next();
    s->dryBulb = take(s->weatherRows);
    s->wetBulb = take(s->weatherRows);
    s->carbon = readSeries();
    s->priceFlat = next() != 0;
    if (s->priceFlat)
      s->priceValue = next();
    else
      s->price = readSeries();
  }
}

/* ---------------------------------------------------------------------------------------------------- */
/* Calendar (proleptic Gregorian, H. Hinnant's days_from_civil / civil_from_days) */

static int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civilFromDays(int64_t z, int64_t *year, int *month, int *day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *month = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

static int isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static double yearStartMs(int64_t y) { return (double)(daysFromCivil(y, 1, 1) * DAY_MS); }
static int64_t hoursInYear(int64_t y) { return isLeap(y) ? 8784 : 8760; }
static int64_t yearOfMs(double ms) {
  int64_t y;
  int m, d;
  civilFromDays(floorDiv((int64_t)ms, DAY_MS), &y, &m, &d);
  return y;
}
/* JavaScript Math.round: half up. */
static double jsRound(double x) { return floor(x + 0.5); }

static const int CUMULATIVE_DAYS[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

/* ---------------------------------------------------------------------------------------------------- */
/* Replay (src/engine/replay.ts) */

static int completeYears(const Series *s, int64_t *years, int maxYears) {
  const int64_t n = s->n;
  if (n == 0) return 0;
  const int64_t first = yearOfMs(s->startMs);
  const int64_t last = yearOfMs(s->startMs + (double)(n - 1) * HOUR_MS);
  int count = 0;
  for (int64_t y = first; y <= last && count < maxYears; y++) {
    double a = jsRound((yearStartMs(y) - s->startMs) / HOUR_MS);
    double b = jsRound((yearStartMs(y + 1) - s->startMs) / HOUR_MS);
    const int64_t i0 = a > 0 ? (int64_t)a : 0;
    const int64_t i1 = b < (double)n ? (int64_t)b : n;
    int64_t finite = 0;
    for (int64_t i = i0; i < i1; i++)
      if (isfinite(s->values[i])) finite++;
    if ((double)finite / (double)hoursInYear(y) >= 0.99) years[count++] = y;
  }
  return count;
}

static void interpolateGaps(const double *v, int64_t n, double *out) {
  memcpy(out, v, (size_t)n * sizeof(double));
  int64_t prev = -1;
  for (int64_t i = 0; i < n; i++) {
    if (!isfinite(v[i])) continue;
    if (i - prev > 1) {
      const double a = prev < 0 ? v[i] : v[prev];
      const double b = v[i];
      for (int64_t j = prev + 1; j < i; j++)
        out[j] = prev < 0 ? b : a + ((b - a) * (double)(j - prev)) / (double)(i - prev);
    }
    prev = i;
  }
  if (prev >= 0)
    for (int64_t j = prev + 1; j < n; j++) out[j] = v[prev];
}

/* Fills values[0..simHours) ; `filled` is scratch of length s->n. Returns the filled-hour count. */
static int64_t replaySeries(const Series *s, double simStartMs, int64_t simHours, double policy,
                            double *filled, double *values) {
  int64_t years[256];
  const int nYears = completeYears(s, years, 256);
  if (nYears == 0) {
    fprintf(stderr, "engine-hourly.c: series has no complete year\n");
    exit(3);
  }
  const double *src = s->values;
  const int64_t n = s->n;
  interpolateGaps(src, n, filled);
  int64_t filledHours = 0;
  const double simEndMs = simStartMs + (double)simHours * HOUR_MS;
  const int64_t firstSimYear = yearOfMs(simStartMs);
  for (int64_t y = firstSimYear; simHours > 0 && yearStartMs(y) < simEndMs; y++) {
    int64_t sy;
    if (policy == -1)
      sy = years[nYears - 1];
    else if (policy == -2)
      sy = years[(((y - firstSimYear) % nYears) + nYears) % nYears];
    else
      sy = (int64_t)policy;
    const int simLeap = isLeap(y);
    const int srcLeap = isLeap(sy);
    const double srcBase = jsRound((yearStartMs(sy) - s->startMs) / HOUR_MS);
    const double ys = yearStartMs(y);
    const double from = simStartMs > ys ? simStartMs : ys;
    const double ye = yearStartMs(y + 1);
    const double to = simEndMs < ye ? simEndMs : ye;
    int64_t hourOfYear = (int64_t)((from - ys) / HOUR_MS);
    int64_t o = (int64_t)((from - simStartMs) / HOUR_MS);
    for (double t = from; t < to; t += HOUR_MS, hourOfYear++, o++) {
      const int64_t day = hourOfYear / 24;
      int64_t srcDay = day;
      if (simLeap && !srcLeap && day >= 59)
        srcDay = day - 1;
      else if (!simLeap && srcLeap && day >= 59)
        srcDay = day + 1;
      int64_t i = (int64_t)srcBase + srcDay * 24 + (hourOfYear - day * 24);
      const int missing = i < 0 || i >= n || !isfinite(src[i]);
      if (missing) filledHours++;
      if (i < 0)
        i = 0;
      else if (i >= n)
        i = n - 1;
      values[o] = filled[i];
    }
  }
  return filledHours;
}

/* ---------------------------------------------------------------------------------------------------- */
/* Power curve (src/catalog/power-curve.ts), per phase */

static double clampUnit(double u) { return u < 0 ? 0 : u > 1 ? 1 : u; }
static double capFraction(double board, double cap) { return cap >= board ? 1 : cap / board; }

static double acceleratorPowerW(const Inputs *in, const Phase *ph, double u, double board, double cap) {
  const double x = clampUnit(u);
  const double demand = ph->idleFraction + ph->dynamicFraction * pow(x, in->exponent);
  const double hold = in->capHoldFraction * capFraction(board, cap);
  return board * (demand < hold ? demand : hold);
}

static double capThroughputFactor(const Inputs *in, const Phase *ph, double u, double board, double cap) {
  const double x = clampUnit(u);
  const double dynDemand = ph->dynamicFraction * pow(x, in->exponent);
  const double allowed = in->capHoldFraction * capFraction(board, cap) - ph->idleFraction;
  if (dynDemand <= allowed) return 1;
  return pow(allowed / dynDemand, 1 / in->clockPowerExponent);
}

/* ---------------------------------------------------------------------------------------------------- */
/* Cooling model (src/engine/cooling-model.ts): the terms of one hour, per unit of IT power */

typedef struct {
  double pue, electricalLoss, fixed, cooling, waterLPerKWh;
} CoolingTerms;

static inline double freeFraction(double supplyC, double riseK, double sinkC) {
  const double f = (supplyC + riseK - sinkC) / riseK;
  return f <= 0 ? 0 : f >= 1 ? 1 : f;
}

static inline double coolingAt(const Cooling *c, double dryBulbC, double wetBulbC, double loadFraction,
                               CoolingTerms *out) {
  const double load = loadFraction > c->minLoad ? loadFraction : c->minLoad;
  const double wb = wetBulbC > dryBulbC ? dryBulbC : wetBulbC;
  const double db = dryBulbC;
  const double electrical = c->electricalLoss + c->electricalNoLoad / load;
  const double fixed = c->fixedOverhead / load;

  double wetShare = 0;
  double plantSinkC;
  if (c->plantKind == 0) {
    wetShare = 1;
    plantSinkC = wb + c->towerApproachK;
  } else if (c->plantKind == 1) {
    plantSinkC = db + c->dryApproachK;
  } else {
    const double band = c->switchBandK;
    const double x = band > 0 ? (db - c->switchDryBulbC) / band + 0.5 : db >= c->switchDryBulbC ? 1 : 0;
    wetShare = x <= 0 ? 0 : x >= 1 ? 1 : x;
    plantSinkC = (1 - wetShare) * (db + c->dryApproachK) + wetShare * (wb + c->towerApproachK);
  }
  const double condensingC = plantSinkC + c->condenserAboveSinkK;
  const double carnot = c->carnot;
  const double minLift = c->minLiftK;

  double moving = 0, chiller = 0, rejected = 0;
  const double phi = c->liquidCapture;
  if (c->hasLiquidLoop && phi > 0) {
    const double m = c->liqFansPumps * phi;
    const double q = phi + m;
    const double f = freeFraction(c->liqSupplyC, c->liqRiseK, plantSinkC);
    const double tev = c->liqEvapC;
    const double lift = condensingC - tev;
    const double w = f < 1 ? ((1 - f) * q * (lift > minLift ? lift : minLift)) / (carnot * (tev + KELVIN)) : 0;
    moving += m;
    chiller += w;
    rejected += q + w;
  }
  {
    const double base = 1 - phi + electrical;
    const double m = c->airFansPumps * base;
    const double q = base + m;
    double f;
    int viaPlant;
    if (c->econKind == 0) {
      f = db <= c->econHighLimitC ? freeFraction(c->airSupplyC, c->airRiseK, db + c->econApproachK) : 0;
      viaPlant = 0;
    } else {
      f = freeFraction(c->airSupplyC, c->airRiseK, plantSinkC);
      viaPlant = 1;
    }
    const double tev = c->airEvapC;
    const double lift = condensingC - tev;
    const double w = f < 1 ? ((1 - f) * q * (lift > minLift ? lift : minLift)) / (carnot * (tev + KELVIN)) : 0;
    moving += m;
    chiller += w;
    rejected += (viaPlant ? q : (1 - f) * q) + w;
  }
  const double heatRejection = c->plantFansPumps * rejected;
  const double cooling = moving + chiller + heatRejection;
  const double pue = 1 + electrical + fixed + cooling;
  double wtr = 0;
  if (wetShare > 0 && c->plantKind != 1) {
    const double cc = c->cycles;
    wtr = wetShare * c->evaporativeShare * rejected * EVAPORATION_L_PER_KWH_HEAT * (cc / (cc - 1));
  }
  out->pue = pue;
  out->electricalLoss = electrical;
  out->fixed = fixed;
  out->cooling = cooling;
  out->waterLPerKWh = wtr;
  return pue;
}

/* ---------------------------------------------------------------------------------------------------- */
/* The hourly arrays of one site (src/engine/site-hourly.ts) */

typedef struct {
  double *dryBulbC, *wetBulbC, *carbon, *price;
  uint8_t *localHour;
  double *acceleratorsOnline;
  double **phaseOnline;
  double *busyFraction, *acceleratorDemandMW, *hostNetworkDemandMW, *itDemandMW, *itInstalledMW;
  double *loadFraction, *pue, *itMW, *acceleratorMW, *unservedITMW, *coolingMW, *electricalLossMW, *fixedLoadMW;
  double *overheadMW, *facilityMW, *waterM3;
  double *gridImportMW, *co2Tonnes, *energyCostUSD, *computeFLOP;
  double *carbonScratch, *priceScratch;
  void *block; /* what allocHourly calloc'ed for the columns */
} Hourly;

static void *allocOrDie(size_t bytes) {
  void *p = calloc(1, bytes > 0 ? bytes : 1);
  if (!p) {
    fprintf(stderr, "engine-hourly.c: out of memory\n");
    exit(4);
  }
  return p;
}

/*
 * The columns of a site are carved from one block, column i starting i cache lines past a 4 KiB
 * boundary. Separately malloc'ed columns all start at the same offset within a page, so the fused loop's
 * ~27 store streams then compete for the same L1 sets (4K aliasing): measured on the development machine,
 * that alone made the loop ~10x slower. Staggering is what a tuned C implementation would do.
 */
#define HOURLY_COLUMNS 25
typedef struct {
  char *base;
  size_t stride;
  int next;
} Arena;

static double *column(Arena *a) {
  double *p = (double *)(a->base + (size_t)a->next * a->stride + (size_t)(a->next % 64) * 64);
  a->next++;
  return p;
}

static void allocHourly(Hourly *o, const Site *s, int64_t hours) {
  const int columns = HOURLY_COLUMNS + s->nPhases;
  Arena a;
  a.stride = (((size_t)hours * sizeof(double) + 4096) / 4096 + 1) * 4096;
  o->block = allocOrDie((size_t)columns * a.stride + 4096);
  a.base = (char *)o->block + (4096 - (uintptr_t)o->block % 4096) % 4096;
  a.next = 0;
  o->dryBulbC = column(&a);
  o->wetBulbC = column(&a);
  o->carbon = column(&a);
  o->price = column(&a);
  o->acceleratorsOnline = column(&a);
  o->phaseOnline = allocOrDie((size_t)s->nPhases * sizeof(double *));
  for (int p = 0; p < s->nPhases; p++) o->phaseOnline[p] = column(&a);
  o->busyFraction = column(&a);
  o->acceleratorDemandMW = column(&a);
  o->hostNetworkDemandMW = column(&a);
  o->itDemandMW = column(&a);
  o->itInstalledMW = column(&a);
  o->loadFraction = column(&a);
  o->pue = column(&a);
  o->itMW = column(&a);
  o->acceleratorMW = column(&a);
  o->unservedITMW = column(&a);
  o->coolingMW = column(&a);
  o->electricalLossMW = column(&a);
  o->fixedLoadMW = column(&a);
  o->overheadMW = column(&a);
  o->facilityMW = column(&a);
  o->waterM3 = column(&a);
  o->gridImportMW = column(&a);
  o->co2Tonnes = column(&a);
  o->energyCostUSD = column(&a);
  o->computeFLOP = column(&a);
  if (a.next > columns) {
    fprintf(stderr, "engine-hourly.c: column count\n");
    exit(4);
  }
  o->localHour = allocOrDie((size_t)hours);
  o->carbonScratch = allocOrDie((size_t)s->carbon.n * sizeof(double));
  o->priceScratch = allocOrDie((size_t)(s->priceFlat ? 1 : s->price.n) * sizeof(double));
}

static void freeHourly(Hourly *o) {
  free(o->block);
  free(o->phaseOnline);
  free(o->localHour);
  free(o->carbonScratch);
  free(o->priceScratch);
}

#define MAX_PHASES 64

/* One site, all hours. */
static void simulateSite(const Inputs *in, const Site *s, Hourly *o) {
  const int64_t hours = in->hours;
  const double startMs = in->startMs;

  /* environment: grid series */
  replaySeries(&s->carbon, startMs, hours, in->replay, o->carbonScratch, o->carbon);
  if (s->priceFlat)
    for (int64_t h = 0; h < hours; h++) o->price[h] = s->priceValue;
  else
    replaySeries(&s->price, startMs, hours, in->replay, o->priceScratch, o->price);

  /* per-phase constants: power curve and compute rate */
  const int np = s->nPhases;
  double runW[MAX_PHASES], idleW[MAX_PHASES], hostIdleW[MAX_PHASES], hostSpanW[MAX_PHASES];
  double fullMW[MAX_PHASES], perRunningHour[MAX_PHASES];
  const double d = s->dutyCycle;
  for (int p = 0; p < np; p++) {
    const Phase *ph = &s->phases[p];
    runW[p] = acceleratorPowerW(in, ph, d, ph->boardPowerW, ph->powerCapW);
    idleW[p] = acceleratorPowerW(in, ph, 0, ph->boardPowerW, ph->powerCapW);
    hostIdleW[p] = ph->hostIdleW;
    hostSpanW[p] = ph->hostW - ph->hostIdleW;
    fullMW[p] = (ph->boardPowerW + ph->hostW) / 1e6;
    /* src/engine/compute.ts runningFLOPS: peak · MFU · d · F(d, cap) / F(1, board); 0 when d <= 0 */
    if (d <= 0)
      perRunningHour[p] = 0;
    else {
      const double atCap = capThroughputFactor(in, ph, d, ph->boardPowerW, ph->powerCapW);
      const double reference = capThroughputFactor(in, ph, 1, ph->boardPowerW, ph->boardPowerW);
      perRunningHour[p] = ph->peakFLOPS * in->mfu * d * (atCap / reference) * 3600;
    }
  }
  /* busy fraction by local hour */
  double busy[24];
  double mean = 1;
  if (s->hasShape) {
    double sum = 0;
    for (int hr = 0; hr < 24; hr++) sum += s->shape[hr];
    mean = sum / 24;
  }
  for (int hr = 0; hr < 24; hr++) {
    const double rel = s->hasShape && mean > 0 ? s->shape[hr] / mean : 1;
    const double b = s->busyFraction * rel;
    busy[hr] = fmin(1, fmax(0, b));
  }

  /* Output columns as local restrict pointers: no store can alias another column or the inputs. */
  double *restrict dryBulbC = o->dryBulbC, *restrict wetBulbC = o->wetBulbC;
  const double *restrict carbon = o->carbon, *restrict price = o->price;
  uint8_t *restrict localHour = o->localHour;
  double *restrict acceleratorsOnline = o->acceleratorsOnline, *restrict busyFraction = o->busyFraction;
  double *restrict acceleratorDemandMW = o->acceleratorDemandMW, *restrict hostNetworkDemandMW = o->hostNetworkDemandMW;
  double *restrict itDemandMW = o->itDemandMW, *restrict itInstalledMW = o->itInstalledMW;
  double *restrict loadFraction = o->loadFraction, *restrict pueOut = o->pue, *restrict itMW = o->itMW;
  double *restrict acceleratorMW = o->acceleratorMW, *restrict unservedITMW = o->unservedITMW;
  double *restrict coolingMW = o->coolingMW, *restrict electricalLossMW = o->electricalLossMW;
  double *restrict fixedLoadMW = o->fixedLoadMW;
  double *restrict overheadMW = o->overheadMW, *restrict facilityMW = o->facilityMW, *restrict waterM3 = o->waterM3;
  double *restrict gridImportMW = o->gridImportMW, *restrict co2Tonnes = o->co2Tonnes;
  double *restrict energyCostUSD = o->energyCostUSD, *restrict computeFLOP = o->computeFLOP;
  double *restrict phaseOnline[MAX_PHASES];
  Phase phases[MAX_PHASES];
  for (int p = 0; p < np; p++) {
    phaseOnline[p] = o->phaseOnline[p];
    phases[p] = s->phases[p];
  }
  const Cooling cool = s->cool;
  const double *restrict dryBulb = s->dryBulb, *restrict wetBulb = s->wetBulb;
  const double limit = s->interconnectMW;
  const int64_t offsetMs = (int64_t)(s->tzOffsetHours * HOUR_MS);
  const int64_t rows = s->weatherRows;
  double online[MAX_PHASES];

  for (int64_t h = 0; h < hours; h++) {
    /* environment: weather row from the local standard time */
    const double hourStartMs = startMs + (double)h * HOUR_MS;
    const int64_t localMs = (int64_t)startMs + h * HOUR_MS + offsetMs;
    const int64_t days = floorDiv(localMs, DAY_MS);
    const int hourOfDay = (int)((localMs - days * DAY_MS) / HOUR_MS);
    int64_t year;
    int month, day;
    civilFromDays(days, &year, &month, &day);
    if (month == 2 && day == 29) day = 28;
    int64_t row = (int64_t)(CUMULATIVE_DAYS[month - 1] + day - 1) * 24 + hourOfDay;
    if (row >= rows) row = rows - 1;
    const double db = dryBulb[row];
    const double wb = wetBulb[row];
    dryBulbC[h] = db;
    wetBulbC[h] = wb;
    localHour[h] = (uint8_t)hourOfDay;

    /* fleet */
    double total = 0;
    for (int p = 0; p < np; p++) {
      const Phase *ph = &phases[p];
      double n;
      if (hourStartMs < ph->onlineMs)
        n = 0;
      else if (ph->rampDays <= 0)
        n = ph->count;
      else {
        const double done = (hourStartMs - ph->onlineMs + HOUR_MS) / (ph->rampDays * DAY_MS);
        n = done >= 1 ? ph->count : ph->count * done;
      }
      online[p] = n;
      phaseOnline[p][h] = n;
      total += n;
    }
    acceleratorsOnline[h] = total;

    /* IT power */
    const double b = busy[hourOfDay];
    busyFraction[h] = b;
    double acc = 0, host = 0, inst = 0;
    for (int p = 0; p < np; p++) {
      const double n = online[p];
      if (n == 0) continue;
      acc += (n * (b * runW[p] + (1 - b) * idleW[p])) / 1e6;
      host += (n * (hostIdleW[p] + hostSpanW[p] * b * d)) / 1e6;
      inst += n * fullMW[p];
    }
    acceleratorDemandMW[h] = acc;
    hostNetworkDemandMW[h] = host;
    itInstalledMW[h] = inst;
    const double demand = acc + host;
    itDemandMW[h] = demand;

    /* facility */
    double facility = 0, served = 0;
    if (demand <= 0) {
      loadFraction[h] = 0;
      pueOut[h] = 0;
      itMW[h] = 0;
      acceleratorMW[h] = 0;
      unservedITMW[h] = 0;
      coolingMW[h] = 0;
      electricalLossMW[h] = 0;
      fixedLoadMW[h] = 0;
      overheadMW[h] = 0;
      facilityMW[h] = 0;
      waterM3[h] = 0;
    } else {
      const double q = demand / inst;
      const double lf = q < 1 ? q : 1;
      CoolingTerms terms;
      const double pue = coolingAt(&cool, db, wb, lf, &terms);
      served = demand * pue > limit ? limit / pue : demand;
      const double cooling = served * terms.cooling;
      const double electrical = served * terms.electricalLoss;
      const double fixed = served * terms.fixed;
      const double overhead = cooling + electrical + fixed;
      facility = served + overhead;
      loadFraction[h] = lf;
      pueOut[h] = pue;
      itMW[h] = served;
      acceleratorMW[h] = acc * (served / demand);
      unservedITMW[h] = demand - served;
      coolingMW[h] = cooling;
      electricalLossMW[h] = electrical;
      fixedLoadMW[h] = fixed;
      overheadMW[h] = overhead;
      facilityMW[h] = facility;
      waterM3[h] = served * terms.waterLPerKWh;
    }

    /* supply and impacts */
    gridImportMW[h] = facility;
    co2Tonnes[h] = (facility * carbon[h]) / 1000;
    energyCostUSD[h] = facility * price[h];

    /* compute */
    double flop = 0;
    if (demand > 0) {
      const double share = served / demand;
      for (int p = 0; p < np; p++) {
        const double n = online[p];
        if (n == 0) continue;
        flop += n * b * share * perRunningHour[p];
      }
    }
    computeFLOP[h] = flop;
  }
}

/* ---------------------------------------------------------------------------------------------------- */

static double nowMs(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmpDouble(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static double sumArray(const double *a, int64_t n) {
  double s = 0;
  for (int64_t i = 0; i < n; i++) s += a[i];
  return s;
}

typedef struct {
  int runs;
  double medianMs, bestMs;
} Timing;

/* Times whole runs (every site) until `minSeconds` and at least 10 runs; `fresh`: allocate per run. */
static Timing timeRuns(const Inputs *in, Hourly *out, int fresh, double minSeconds) {
  int cap = 1024, runs = 0;
  double *times = malloc((size_t)cap * sizeof(double));
  const double t0 = nowMs();
  while (runs < 10 || nowMs() - t0 < minSeconds * 1e3) {
    const double a = nowMs();
    for (int i = 0; i < in->nSites; i++) {
      if (fresh) {
        freeHourly(&out[i]);
        allocHourly(&out[i], &in->sites[i], in->hours);
      }
      simulateSite(in, &in->sites[i], &out[i]);
    }
    if (runs == cap) {
      cap *= 2;
      times = realloc(times, (size_t)cap * sizeof(double));
    }
    times[runs++] = nowMs() - a;
  }
  qsort(times, (size_t)runs, sizeof(double), cmpDouble);
  Timing t = {runs, runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2, times[0]};
  free(times);
  return t;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s INPUT.bin [MIN_SECONDS]\n", argv[0]);
    return 1;
  }
  const double minSeconds = argc > 2 ? atof(argv[2]) : 2;
  FILE *fp = fopen(argv[1], "rb");
  if (!fp) {
    perror(argv[1]);
    return 1;
  }
  fseek(fp, 0, SEEK_END);
  const long bytes = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  double *buf = malloc((size_t)bytes);
  if (!buf || fread(buf, 1, (size_t)bytes, fp) != (size_t)bytes) {
    fprintf(stderr, "engine-hourly.c: cannot read %s\n", argv[1]);
    return 1;
  }
  fclose(fp);
  cur = buf;
  end = buf + bytes / (long)sizeof(double);

  Inputs in;
  readInputs(&in);
  for (int i = 0; i < in.nSites; i++)
    if (in.sites[i].nPhases > MAX_PHASES) {
      fprintf(stderr, "engine-hourly.c: more than %d phases\n", MAX_PHASES);
      return 1;
    }
  Hourly *out = calloc((size_t)in.nSites, sizeof(Hourly));
  for (int i = 0; i < in.nSites; i++) allocHourly(&out[i], &in.sites[i], in.hours);

  /* Reused output columns (the tight loop): warm-up, then timed runs until minSeconds and >= 10 runs. */
  for (int r = 0; r < 3; r++)
    for (int i = 0; i < in.nSites; i++) simulateSite(&in, &in.sites[i], &out[i]);
  Timing reused = timeRuns(&in, out, 0, minSeconds);
  /* Fresh zeroed columns every run, as the TS engine allocates them (calloc + first touch + free). */
  Timing fresh = timeRuns(&in, out, 1, minSeconds / 2);

  double facility = 0, it = 0, cooling = 0, co2 = 0, water = 0, cost = 0, flop = 0;
  for (int i = 0; i < in.nSites; i++) {
    facility += sumArray(out[i].facilityMW, in.hours);
    it += sumArray(out[i].itMW, in.hours);
    cooling += sumArray(out[i].coolingMW, in.hours);
    co2 += sumArray(out[i].co2Tonnes, in.hours);
    water += sumArray(out[i].waterM3, in.hours);
    cost += sumArray(out[i].energyCostUSD, in.hours);
    flop += sumArray(out[i].computeFLOP, in.hours);
  }
  printf(
      "{\"runs\":%d,\"medianMs\":%.6f,\"bestMs\":%.6f,\"freshArraysMedianMs\":%.6f,\"checksums\":{\"facilityMWh\":%.17g,\"itMWh\":%.17g,"
      "\"coolingMWh\":%.17g,\"co2Tonnes\":%.17g,\"waterM3\":%.17g,\"energyCostUSD\":%.17g,\"computeFLOP\":%.17g}}\n",
      reused.runs, reused.medianMs, reused.bestMs, fresh.medianMs, facility, it, cooling, co2, water, cost, flop);
  return 0;
}
