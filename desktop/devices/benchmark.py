"""Driver overhead over a real pseudo-terminal: simulator's last byte -> event at the callback.

The clock starts just before the simulator hands the frame's last byte to the kernel and stops
when the worker's callback receives the event, so it includes the pty, pyserial, framing,
parsing, the worker thread and the hand-off (a conservative bound on the driver's overhead).
Run on demand (``lotline bench devices``); tests never assert on these times.
"""

from __future__ import annotations

import os
import queue
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from desktop.devices.factory import scale_worker, scanner_worker
from desktop.devices.port import Port
from desktop.devices.scale import Scale
from desktop.devices.scanner import ScanEvent, Scanner
from desktop.devices.settings import PortSettings
from desktop.devices.sim import ScaleSim, ScannerSim, profile_from_dict
from desktop.devices.weights import WeightReading
from desktop.devices.worker import DeviceWorker

KEYS = (
    "scan_overhead_ms_p50",
    "scan_overhead_ms_p99",
    "weigh_overhead_ms_p50",
    "weigh_overhead_ms_p99",
)


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (same rule as bench/_report.py)."""
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, min(len(ordered), round(pct / 100.0 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _wait_connected(worker: DeviceWorker[Any], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not worker.health.connected:
        if time.monotonic() > deadline:
            raise TimeoutError("the driver did not connect to the simulator")
        time.sleep(0.01)


def scan_overhead(samples: int = 300, warmup: int = 20) -> list[float]:
    """Milliseconds per scan, one scan at a time (the driver idle when each arrives)."""
    delivered: queue.Queue[tuple[ScanEvent, int]] = queue.Queue()
    with ScannerSim() as sim:
        port = Port(PortSettings(sim.port_url, terminator="CR"), device_id="bench-scanner")
        worker = scanner_worker(
            Scanner(port), on_event=lambda e: delivered.put((e, time.monotonic_ns()))
        )
        worker.start()
        try:
            _wait_connected(worker)
            results: list[float] = []
            for i in range(samples + warmup):
                text = f"]C0BENCH{i:06d}"
                sent = sim.scan(text)
                event, got = delivered.get(timeout=5.0)
                if event.symbol_text != text:
                    raise RuntimeError(f"scan {text!r} came back as {event.symbol_text!r}")
                if i >= warmup:
                    results.append((got - sent) / 1e6)
                time.sleep(0.002)
        finally:
            worker.stop()
    return results


def weigh_overhead(samples: int = 300, warmup: int = 20, rate_hz: float = 100.0) -> list[float]:
    """Milliseconds per streamed MT-SICS reading (SIR at ``rate_hz``)."""
    written: deque[tuple[bytes, int]] = deque()
    delivered: queue.Queue[tuple[WeightReading, int]] = queue.Queue()
    profile = profile_from_dict({"kind": "scale", "device": {"update_hz": rate_hz}})
    with ScaleSim(profile) as sim:
        sim.fault("drift", value=rate_hz * 2 / 100)  # tags frames: 0.02 g more in each one
        sim.on_write = lambda data, ns: written.append((data, ns)) if data[:2] == b"S " else None
        port = Port(PortSettings(sim.port_url), device_id="bench-scale")
        worker = scale_worker(
            Scale(port), on_event=lambda r: delivered.put((r, time.monotonic_ns()))
        )
        worker.start()
        try:
            results = _match_stream(written, delivered, samples + warmup)[warmup:]
        finally:
            worker.stop()
    return results


def _match_stream(
    written: deque[tuple[bytes, int]],
    delivered: queue.Queue[tuple[WeightReading, int]],
    count: int,
) -> list[float]:
    """Pair each delivered reading with the frame that carried it (frames differ by drift);
    a frame the driver never delivered (dropped on a stream restart) is skipped."""
    results: list[float] = []
    while len(results) < count:
        reading, got = delivered.get(timeout=5.0)
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            if not written:
                time.sleep(0.0005)
                continue
            data, sent = written.popleft()
            if data.rstrip(b"\r\n") == reading.raw:
                results.append((got - sent) / 1e6)
                break
    return results


@dataclass(frozen=True)
class Measurement:
    scans: list[float]
    weighs: list[float]
    load: tuple[float, float, float]  # the machine's load average when the run started

    def figures(self) -> dict[str, float]:
        """The four figures ``lotline bench devices --json`` prints (milliseconds)."""
        return {
            "scan_overhead_ms_p50": round(percentile(self.scans, 50), 3),
            "scan_overhead_ms_p99": round(percentile(self.scans, 99), 3),
            "weigh_overhead_ms_p50": round(percentile(self.weighs, 50), 3),
            "weigh_overhead_ms_p99": round(percentile(self.weighs, 99), 3),
        }


def measure(samples: int = 300) -> Measurement:
    load = os.getloadavg()
    return Measurement(scan_overhead(samples), weigh_overhead(samples), load)


def run(samples: int = 300) -> dict[str, float]:
    return measure(samples).figures()


def markdown(m: Measurement, machine: str) -> str:
    goal = 2.0
    f = m.figures()
    rows = [
        ("scan", f["scan_overhead_ms_p50"], f["scan_overhead_ms_p99"], max(m.scans)),
        ("weight reading (MT-SICS SIR stream)", f["weigh_overhead_ms_p50"],
         f["weigh_overhead_ms_p99"], max(m.weighs)),
    ]  # fmt: skip
    lines = [
        "## Devices: driver overhead over a pseudo-terminal",
        "",
        f"Measured {machine}; {len(m.scans)} scans and {len(m.weighs)} readings after a "
        f"warm-up; load average {m.load[0]:.2f} when the run started ({os.cpu_count()} CPUs).",
        "From just before the simulator writes a frame's last byte to the event reaching the",
        "worker's callback: pty, pyserial, framing, parsing, the worker thread and the hand-off.",
        "Simulator and driver share one process (and its GIL).",
        "",
        "| what | p50 (ms) | p99 (ms) | max (ms) | goal: p99 <= 2 ms |",
        "|---|---:|---:|---:|---|",
    ]
    for name, p50, p99, worst in rows:
        verdict = "met" if p99 <= goal else "not met"
        lines.append(f"| {name} | {p50:.3f} | {p99:.3f} | {worst:.3f} | {verdict} |")
    return "\n".join(lines) + "\n"
