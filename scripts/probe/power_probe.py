#!/usr/bin/env python3
"""Duty-cycle power probe for one NVIDIA GPU: board power against busy fraction.

Same method as the H200 probe in data/calibration (PROVENANCE.md):

  idle                 the card with its buffers allocated and nothing running, IDLE_S seconds
  gemm_bf16_dutyNN     8192 x 8192 x 8192 bf16 matrix products (random data), busy NN % of wall time:
                       bursts of BURST_PRODUCTS products, timed to completion, then a sleep of
                       t_burst * (1 - d) / d, so the burst share of wall time is d; PHASE_S seconds each,
                       in the H200 order 100, 75, 50, 25 %, back to back
  cooldown             COOLDOWN_S seconds of samples after the last phase (samples file only)

Measured per phase:
  energy_j       difference of the board's cumulative energy counter (nvmlDeviceGetTotalEnergyConsumption,
                 mJ) between the phase's start and end; falls back to the trapezoid integral of the
                 power samples where the counter is not supported (energy_source says which)
  mean_power_w   energy_j / seconds                                                          [W]
  throughput     products * 2 * N^3 / seconds / 1e12                                         [TFLOP/s]
Sampled every SAMPLE_S seconds by a background thread (NVML): board power (W), SM and memory clock (MHz),
GPU temperature (C), GPU utilisation (%); written to <prefix>_power_samples.csv with the H200 file's columns.

Recorded once: GPU name, driver, enforced and default power limit (W), max SM clock (MHz), CUDA and torch
versions, start time (UTC). Reads only: it changes no clock, power limit or other setting of the card.

    python3 scripts/probe/power_probe.py --out DIR          # on a GPU machine (torch + nvidia-ml-py)
    python3 scripts/probe/power_probe.py --dry-run --out DIR  # no GPU: a simulated card, checks the logic

The output folder defaults to $OUT. Files: <prefix>_power_summary.json, <prefix>_power_samples.csv,
<prefix>_power_probe.log, where prefix is derived from the GPU name (h100, h200, ...) unless --prefix is given.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import platform
import re
import sys
import threading
import time
from dataclasses import dataclass, field

N = 8192  # matrix side
FLOP_PER_PRODUCT = 2 * N**3  # multiply-adds counted as 2 FLOP
BURST_PRODUCTS = 4
DUTIES_PERCENT = (100, 75, 50, 25)  # the H200 probe's order
IDLE_S = 8.0
PHASE_S = 12.0
COOLDOWN_S = 5.0
SAMPLE_S = 0.05
SETTLE_S = 3.0  # after the warm-up, before the idle phase (not recorded)

CSV_COLUMNS = ["unix_s", "phase", "power_w", "sm_clock_mhz", "mem_clock_mhz", "temp_c", "util_pct"]


# ----------------------------------------------------------------------------------------------------
# The card: NVML on a real GPU, a simulated card for --dry-run.


class NvmlCard:
    """Read-only NVML access to GPU 0."""

    def __init__(self) -> None:
        import pynvml  # nvidia-ml-py

        self.nv = pynvml
        pynvml.nvmlInit()
        self.h = pynvml.nvmlDeviceGetHandleByIndex(0)
        self._energy_ok = True
        try:
            pynvml.nvmlDeviceGetTotalEnergyConsumption(self.h)
        except pynvml.NVMLError as e:
            self._energy_ok = False
            log(f"energy counter not available ({e}); phase energy will integrate the power samples")
        self._reasons_fn = getattr(pynvml, "nvmlDeviceGetCurrentClocksEventReasons", None) or getattr(
            pynvml, "nvmlDeviceGetCurrentClocksThrottleReasons", None
        )

    def _s(self, x) -> str:
        return x.decode() if isinstance(x, bytes) else str(x)

    def info(self) -> dict:
        nv, h = self.nv, self.h
        out: dict = {}
        fields = {
            "device": lambda: self._s(nv.nvmlDeviceGetName(h)),
            "power_limit_w": lambda: nv.nvmlDeviceGetEnforcedPowerLimit(h) / 1000.0,
            "default_power_limit_w": lambda: nv.nvmlDeviceGetPowerManagementDefaultLimit(h) / 1000.0,
            "max_sm_clock_mhz": lambda: nv.nvmlDeviceGetMaxClockInfo(h, nv.NVML_CLOCK_SM),
            "driver": lambda: self._s(nv.nvmlSystemGetDriverVersion()),
            "power_limit_range_w": lambda: [v / 1000.0 for v in nv.nvmlDeviceGetPowerManagementLimitConstraints(h)],
            "max_mem_clock_mhz": lambda: nv.nvmlDeviceGetMaxClockInfo(h, nv.NVML_CLOCK_MEM),
            "memory_total_gib": lambda: round(nv.nvmlDeviceGetMemoryInfo(h).total / 2**30, 1),
            "vbios": lambda: self._s(nv.nvmlDeviceGetVbiosVersion(h)),
            "pci_device_id": lambda: hex(nv.nvmlDeviceGetPciInfo(h).pciDeviceId),
        }
        for k, fn in fields.items():
            try:
                out[k] = fn()
            except Exception as e:  # optional fields; record why they are missing
                out[k] = None
                log(f"info {k}: {e}")
        return out

    @property
    def has_energy_counter(self) -> bool:
        return self._energy_ok

    def energy_j(self) -> float:
        return self.nv.nvmlDeviceGetTotalEnergyConsumption(self.h) / 1000.0

    def sample(self) -> tuple[float, int, int, int, int]:
        nv, h = self.nv, self.h
        power_w = nv.nvmlDeviceGetPowerUsage(h) / 1000.0
        sm = nv.nvmlDeviceGetClockInfo(h, nv.NVML_CLOCK_SM)
        mem = nv.nvmlDeviceGetClockInfo(h, nv.NVML_CLOCK_MEM)
        temp = nv.nvmlDeviceGetTemperature(h, nv.NVML_TEMPERATURE_GPU)
        util = nv.nvmlDeviceGetUtilizationRates(h).gpu
        return power_w, sm, mem, temp, util

    def power_capped(self) -> bool | None:
        """True while the driver reports the software power cap as a clock-lowering reason."""
        if self._reasons_fn is None:
            return None
        try:
            reasons = self._reasons_fn(self.h)
        except Exception:
            return None
        sw_power_cap = getattr(self.nv, "nvmlClocksEventReasonSwPowerCap", None) or getattr(
            self.nv, "nvmlClocksThrottleReasonSwPowerCap", 0x4
        )
        return bool(reasons & sw_power_cap)

    def close(self) -> None:
        self.nv.nvmlShutdown()


class SimulatedCard:
    """--dry-run stand-in: a card whose power follows the busy flag through a ~1 s moving average."""

    def __init__(self, gemm: "SimulatedGemm") -> None:
        self.gemm = gemm
        self._energy = 0.0
        self._last = time.time()
        self._lock = threading.Lock()
        self._p = 70.0

    def info(self) -> dict:
        return {
            "device": "Simulated GPU (dry run)",
            "power_limit_w": 700.0,
            "default_power_limit_w": 700.0,
            "max_sm_clock_mhz": 1980,
            "driver": "dry-run",
        }

    has_energy_counter = True

    def _advance(self) -> float:
        with self._lock:
            now = time.time()
            target = 70.0 + 600.0 * self.gemm.recent_busy_fraction()
            dt_s = now - self._last
            self._p += (target - self._p) * min(1.0, dt_s / 1.0)
            self._energy += self._p * dt_s
            self._last = now
            return self._p

    def energy_j(self) -> float:
        self._advance()
        return self._energy

    def sample(self) -> tuple[float, int, int, int, int]:
        p = self._advance()
        return p, 1980 if p > 100 else 345, 2619, 40, int(min(100, p / 6.7))

    def power_capped(self) -> bool | None:
        return False

    def close(self) -> None:
        pass


# ----------------------------------------------------------------------------------------------------
# The workload: 8192^3 bf16 products on the GPU, or timed sleeps for --dry-run.


class TorchGemm:
    def __init__(self) -> None:
        import torch

        self.torch = torch
        if not torch.cuda.is_available():
            raise SystemExit("no CUDA device visible to torch")
        self.dev = torch.device("cuda:0")
        g = torch.Generator(device=self.dev).manual_seed(1234)
        # Random data, never zeros (zeros run faster and would understate power).
        self.a = torch.randn(N, N, device=self.dev, dtype=torch.bfloat16, generator=g)
        self.b = torch.randn(N, N, device=self.dev, dtype=torch.bfloat16, generator=g)
        self.c = torch.empty(N, N, device=self.dev, dtype=torch.bfloat16)

    def versions(self) -> dict:
        return {"torch": self.torch.__version__, "cuda_runtime": self.torch.version.cuda}

    def burst(self, n: int) -> None:
        """n products, to completion."""
        for _ in range(n):
            self.torch.matmul(self.a, self.b, out=self.c)
        self.torch.cuda.synchronize()

    def check(self) -> float:
        """‖C − ref‖/‖ref‖ for 64 rows of the product against a float32 reference; raises on NaN or misfit."""
        t = self.torch
        self.c.fill_(float("nan"))  # poison: every element must be written
        self.burst(1)
        if not bool(t.isfinite(self.c).all()):
            raise SystemExit("GEMM check: non-finite output")
        ref = self.a[:64].float() @ self.b.float()
        err = (t.linalg.norm(self.c[:64].float() - ref) / t.linalg.norm(ref)).item()
        if not err < 1e-2:
            raise SystemExit(f"GEMM check: relative error {err:.3g} above 1e-2")
        return err


class SimulatedGemm:
    PRODUCT_S = 0.0014  # ~790 TFLOP/s

    def __init__(self) -> None:
        self._busy_since: float | None = None
        self._history: list[tuple[float, float]] = []  # (start, end) of recent bursts
        self._lock = threading.Lock()

    def versions(self) -> dict:
        return {"torch": None, "cuda_runtime": None}

    def burst(self, n: int) -> None:
        t0 = time.time()
        time.sleep(self.PRODUCT_S * n)
        with self._lock:
            self._history.append((t0, time.time()))
            cutoff = time.time() - 0.5
            while self._history and self._history[0][1] < cutoff:
                self._history.pop(0)

    def recent_busy_fraction(self) -> float:
        now = time.time()
        with self._lock:
            busy = sum(min(e, now) - max(s, now - 0.5) for s, e in self._history if e > now - 0.5)
        return max(0.0, min(1.0, busy / 0.5))

    def check(self) -> float:
        return 0.0


# ----------------------------------------------------------------------------------------------------
# Sampling and phases


@dataclass
class Sampler:
    card: object
    period_s: float = SAMPLE_S
    phase: str = "idle"
    rows: list = field(default_factory=list)
    capped: list = field(default_factory=list)  # (phase, bool | None) per sample
    errors: int = 0

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        next_t = time.perf_counter()
        while not self._stop.is_set():
            try:
                p, sm, mem, temp, util = self.card.sample()
                self.rows.append((time.time(), self.phase, p, sm, mem, temp, util))
                self.capped.append((self.phase, self.card.power_capped()))
            except Exception as e:
                self.errors += 1
                if self.errors <= 5:
                    log(f"sample error: {e}")
            next_t += self.period_s
            self._stop.wait(max(0.0, next_t - time.perf_counter()))


def burst_sleep_s(burst_s: float, duty: float) -> float:
    """Sleep after a burst of burst_s seconds so that the burst is the fraction `duty` of wall time, s."""
    if not 0.0 < duty <= 1.0:
        raise ValueError(f"duty must be in (0, 1], got {duty}")
    return burst_s * (1.0 - duty) / duty


def trapezoid_energy_j(rows: list, phase: str) -> float:
    pts = [(r[0], r[2]) for r in rows if r[1] == phase]
    return sum((t1 - t0) * (p0 + p1) / 2 for (t0, p0), (t1, p1) in zip(pts, pts[1:]))


def run_phase(card, sampler: Sampler, name: str, seconds: float, work) -> dict:
    """Runs `work(deadline)` (returns products done) under label `name`; energy from the counter."""
    sampler.phase = name
    e0 = card.energy_j() if card.has_energy_counter else None
    t0 = time.perf_counter()
    products = work(t0 + seconds)
    t1 = time.perf_counter()
    e1 = card.energy_j() if card.has_energy_counter else None
    secs = t1 - t0
    if e0 is not None and e1 is not None:
        energy, source = e1 - e0, "energy_counter"
    else:
        energy, source = trapezoid_energy_j(sampler.rows, name), "power_samples_trapezoid"
    out = {
        "phase": name,
        "seconds": round(secs, 3),
        "energy_j": round(energy, 1),
        "mean_power_w": round(energy / secs, 1),
    }
    out["_products"] = products
    out["_energy_source"] = source
    return out


def duty_work(gemm, duty: float):
    def work(deadline: float) -> int:
        products = 0
        while time.perf_counter() < deadline:
            b0 = time.perf_counter()
            gemm.burst(BURST_PRODUCTS)
            products += BURST_PRODUCTS
            burst_s = time.perf_counter() - b0
            if duty < 1.0:
                time.sleep(min(burst_sleep_s(burst_s, duty), max(0.0, deadline - time.perf_counter())))
        return products

    return work


def idle_work(deadline: float) -> int:
    time.sleep(max(0.0, deadline - time.perf_counter()))
    return 0


def median(xs: list) -> float | None:
    xs = sorted(xs)
    if not xs:
        return None
    m = len(xs) // 2
    med = xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2
    return int(med) if med == int(med) else med


def chip_prefix(name: str) -> str:
    m = re.search(r"\b([A-Z]{1,2}\d{2,4}[A-Z]?)\b", name.upper())
    return m.group(1).lower() if m else "gpu"


# ----------------------------------------------------------------------------------------------------

LOG: list[str] = []


def log(msg: str) -> None:
    line = f"[{time.strftime('%H:%M:%S')}] {msg}"
    LOG.append(line)
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.environ.get("OUT"), help="output folder (default $OUT)")
    ap.add_argument("--prefix", default=None, help="file prefix (default from the GPU name, e.g. h100)")
    ap.add_argument("--dry-run", action="store_true", help="simulated card and workload: no torch, no NVML")
    ap.add_argument("--idle-s", type=float, default=IDLE_S)
    ap.add_argument("--phase-s", type=float, default=PHASE_S)
    ap.add_argument("--cooldown-s", type=float, default=COOLDOWN_S)
    ap.add_argument("--duties", default=",".join(str(d) for d in DUTIES_PERCENT), help="percent, in run order")
    args = ap.parse_args(argv)
    if not args.out:
        ap.error("no output folder: pass --out or set $OUT")
    os.makedirs(args.out, exist_ok=True)
    duties = [int(x) for x in args.duties.split(",") if x.strip()]
    for d in duties:
        if not 0 < d <= 100:
            ap.error(f"duty {d} % outside (0, 100]")

    started = dt.datetime.now(dt.timezone.utc)
    if args.dry_run:
        gemm = SimulatedGemm()
        card = SimulatedCard(gemm)
    else:
        card = NvmlCard()
        gemm = TorchGemm()
    info = card.info()
    prefix = args.prefix or chip_prefix(info["device"] or "")
    log(f"device {info['device']}, driver {info['driver']}, power limit {info['power_limit_w']} W "
        f"(default {info['default_power_limit_w']} W), max SM clock {info['max_sm_clock_mhz']} MHz")

    # Warm-up: library load, cuBLAS handle, clocks; then a correctness check; then let the card settle.
    gemm.burst(2 * BURST_PRODUCTS)
    err = gemm.check()
    log(f"GEMM check: relative error {err:.2e} (64 rows vs float32 reference)")
    t = time.perf_counter()
    gemm.burst(5 * BURST_PRODUCTS)
    t_burst = (time.perf_counter() - t) / 5
    log(f"burst of {BURST_PRODUCTS} products: {t_burst * 1e3:.2f} ms "
        f"({BURST_PRODUCTS * FLOP_PER_PRODUCT / t_burst / 1e12:.0f} TFLOP/s)")
    time.sleep(SETTLE_S)

    sampler = Sampler(card)
    sampler.start()
    phases = [run_phase(card, sampler, "idle", args.idle_s, idle_work)]
    for d in duties:
        name = f"gemm_bf16_duty{d}"
        ph = run_phase(card, sampler, name, args.phase_s, duty_work(gemm, d / 100.0))
        ph["duty"] = d / 100.0
        ph["throughput"] = round(ph["_products"] * FLOP_PER_PRODUCT / ph["seconds"] / 1e12, 2)
        ph["throughput_unit"] = "TFLOP/s"
        phases.append(ph)
        log(f"{name}: {ph['mean_power_w']} W, {ph['throughput']} TFLOP/s")
    sampler.phase = "cooldown"
    time.sleep(args.cooldown_s)
    sampler.stop()
    card.close()

    # Per-phase sample statistics (extras beside the H200 file's fields).
    for ph in phases:
        rows = [r for r in sampler.rows if r[1] == ph["phase"]]
        caps = [c for p, c in sampler.capped if p == ph["phase"] and c is not None]
        ph["samples"] = len(rows)
        ph["median_sm_clock_mhz"] = median([r[3] for r in rows])
        ph["max_temp_c"] = max((r[5] for r in rows), default=None)
        ph["sample_mean_power_w"] = round(sum(r[2] for r in rows) / len(rows), 1) if rows else None
        ph["sw_power_cap_share"] = round(sum(caps) / len(caps), 3) if caps else None
        ph["energy_source"] = ph.pop("_energy_source")
        ph.pop("_products")

    summary = {
        **{k: info[k] for k in ("device", "power_limit_w", "default_power_limit_w", "max_sm_clock_mhz", "driver")},
        "phases": phases,
        "probe": {
            "script": "scripts/probe/power_probe.py",
            "started_utc": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "dry_run": args.dry_run,
            "host": platform.node(),
            "kernel": platform.release(),
            "python": platform.python_version(),
            **gemm.versions(),
            **{k: v for k, v in info.items() if k not in ("device", "power_limit_w", "default_power_limit_w",
                                                          "max_sm_clock_mhz", "driver")},
            "matrix": f"{N}x{N}x{N} bf16, random normal",
            "burst_products": BURST_PRODUCTS,
            "sample_period_s": SAMPLE_S,
            "sample_errors": sampler.errors,
            "gemm_check_rel_err": err,
            "warm_burst_ms": round(t_burst * 1e3, 3),
        },
    }
    summary_path = os.path.join(args.out, f"{prefix}_power_summary.json")
    with open(summary_path, "w") as f:
        json.dump(summary, f, indent=1)
    samples_path = os.path.join(args.out, f"{prefix}_power_samples.csv")
    with open(samples_path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in sampler.rows:
            w.writerow([repr(r[0]), r[1], round(r[2], 3), r[3], r[4], r[5], r[6]])

    log(f"wrote {summary_path} and {samples_path} ({len(sampler.rows)} samples)")
    print("\nphase                 s      J        mean W  sample W  TFLOP/s  med SM MHz  max C  cap share")
    for ph in phases:
        print(f"{ph['phase']:<20} {ph['seconds']:6.2f} {ph['energy_j']:8.1f} {ph['mean_power_w']:8.1f} "
              f"{ph['sample_mean_power_w'] or math.nan:8.1f}  {ph.get('throughput', math.nan):7.1f}  "
              f"{ph['median_sm_clock_mhz'] or 0:10}  {ph['max_temp_c']}  {ph['sw_power_cap_share']}")
    with open(os.path.join(args.out, f"{prefix}_power_probe.log"), "w") as f:
        f.write("\n".join(LOG) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
