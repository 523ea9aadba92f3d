"""Composition root of the station program: config -> engine -> services -> devices -> window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from db.anchor_copies import station_anchoring
from db.engine import make_engine
from db.errors import DatabaseProblem
from db.migrate import ensure_schema
from db.roles import refuse_privileged_station
from desktop.config import (
    STATION_KINDS,
    ConfigError,
    StationConfig,
    default_path,
    default_secret_key_file,
    load_config,
)
from desktop.first_run import needs_setup
from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings
from desktop.services.masterdata import (
    demo_floor,
    demo_hint,
    ensure_demo_floor,
    ensure_demo_plant,
)
from desktop.wiring import DeviceSinks, StationDevices, build_devices

if TYPE_CHECKING:  # the GUI's modules load Qt: imported where the window is built
    from desktop.services.offline import StationCapture
    from desktop.views.kit import StationKit
    from desktop.views.shell import MainWindow

log = logging.getLogger("lotline")
#: How long a closing station waits for its last device health report to be recorded.
CLOSING_REPORT_MS = 15_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m desktop", description="Lotline station")
    p.add_argument("--config", type=Path, help="station file (TOML)")
    p.add_argument("--database", help="database URL (overrides the station file)")
    p.add_argument("--station", help="station name (e.g. line-1)")
    p.add_argument("--kind", help="station kind: " + ", ".join(STATION_KINDS))
    p.add_argument("--language", help="en or zh_CN")
    p.add_argument("--selftest", action="store_true", help="walk every station offscreen")
    p.add_argument("--screenshots", type=Path, help="with --selftest: save screenshots here")
    p.add_argument(
        "--bench-latency",
        type=int,
        metavar="UNITS",
        help="offscreen: build UNITS units with scans (serial and keyboard wedge) and print the "
        "scan-to-screen latencies as JSON (lotline bench station runs this)",
    )
    return p.parse_args(argv)


def configure(args: argparse.Namespace) -> StationConfig:
    from dataclasses import replace

    cfg = load_config(args.config)
    changes = {
        k: v
        for k, v in {
            "database_url": args.database,
            "station": args.station,
            "kind": args.kind,
            "language": args.language,
        }.items()
        if v
    }
    return replace(cfg, **changes) if changes else cfg


def setup_logging() -> Path:
    folder = Path(platformdirs.user_log_dir("Lotline", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lotline.log"
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.FileHandler(path, encoding="utf-8"), logging.StreamHandler()],
    )
    return path


def open_backend(cfg: StationConfig) -> Context:
    """Engine migrated to head, the demo plant on an empty simulated station, the base context.

    In production the station refuses a database role that could rewrite history (superuser,
    table owner) before anything else, and anchors the audit chain (``[audit]``)."""
    engine = make_engine(cfg.database_url, timeouts=cfg.database)
    if cfg.production:
        refuse_privileged_station(engine)
    ensure_schema(engine)
    try:  # the key of TOTP secrets, made on a production station's first start
        secret_key = identity.load_or_create_key(default_secret_key_file(), create=cfg.production)
    except identity.SecretKeyProblem as problem:
        raise ConfigError(str(problem)) from None
    settings = Settings(
        cfg.lockout_threshold,
        frozenset(cfg.totp_roles),
        production=cfg.production,
        secret_key=secret_key,
    )
    anchoring = None
    if cfg.audit.anchor:
        anchoring = station_anchoring(
            engine,
            station=cfg.station,
            key_file=cfg.audit.key_file,
            anchor_folder=cfg.audit.anchor_folder,
            second_server=cfg.audit.second_server,
        )
    actor = Actor(None, "(not logged in)", "", None, cfg.station)
    base = Context(engine, actor, settings, anchoring)
    demo = identity.demo_accounts(base) if cfg.production else []
    if demo:
        raise ConfigError(
            f"production = true but this database still holds the demo plant's accounts "
            f"({', '.join(demo)}): use a database made for production, or have an "
            "administrator disable those accounts first"
        )
    if cfg.simulated and not cfg.production and ensure_demo_plant(base) is not None:
        ensure_demo_floor(base)  # a newcomer's first start: a unit to build at once
    return base


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging()
    first = not (args.selftest or args.bench_latency or args.database) and needs_setup(args.config)
    if first and not first_start(args.language):
        return 0  # the wizard was closed: no station file, nothing started
    try:
        cfg = configure(args)
        if args.selftest:
            return selftest(cfg, args.screenshots)
        if args.bench_latency:
            return bench_latency(cfg, args.bench_latency)
        base = open_backend(cfg)
    except (ConfigError, DatabaseProblem) as problem:
        print(f"lotline: {problem}", file=sys.stderr)
        return 1
    return run_gui(cfg, base)


def first_start(language: str | None) -> bool:
    """No station file yet: the first-run wizard (desktop/views/first_run.py). False when it
    was closed without writing one and without choosing the demo."""
    import os

    from desktop.views.first_run import run_first_run
    from desktop.views.station import application

    chosen = language or os.environ.get("LOTLINE_LANGUAGE") or "en"
    application(chosen)
    written, demo = run_first_run(default_path(), chosen)
    return written is not None or demo


@dataclass
class Station:
    """A station program put together: the window, and the devices it was given."""

    window: MainWindow
    devices: StationDevices
    kit: StationKit

    def close(self) -> None:
        """At exit: the devices stopped, their health reported for the person still logged
        in (waited for, within bounds), the station's journal and copy closed."""
        self.devices.stop()
        self.window.device_report.stop()
        if self.window.device_report.report():
            self.window.runner.wait(CLOSING_REPORT_MS)
        for counts in self.window.device_report.held.values():  # no next report to add it to
            log.warning("closing without recording the device health of %s: %s", counts.device,
                        counts)  # fmt: skip
        if self.kit.capture is not None:
            self.kit.capture.close()


def build_station(cfg: StationConfig, base: Context, demo_hint: str = "") -> Station:
    """Devices from the station file (desktop.wiring), their signals, the window on them.

    The Qt application must exist; the devices' workers are not started yet. Raises
    ConfigError when a device setting is wrong."""
    from desktop.views.device_signals import DeviceSignals
    from desktop.views.kit import StationKit
    from desktop.views.station import build_window

    signals = DeviceSignals({kind: d.simulated for kind, d in cfg.devices.items()})
    devices = build_devices(cfg, DeviceSinks(signals.scan, signals.weight, signals.health))
    try:
        capture = station_capture(cfg)
    except ConfigError:
        devices.stop()
        raise
    kit = StationKit(
        signals,
        take_scan=devices.scan_path,
        printer=devices.label_printer,
        simulators=devices.simulators,
        connected=devices.connected,
        wedge=devices.wedge,
        capture=capture,
        tallies=devices.tallies,
    )
    window = build_window(cfg, base, kit, demo_hint)
    signals.setParent(window)
    return Station(window, devices, kit)


def station_capture(cfg: StationConfig) -> StationCapture | None:
    """The station's journal and copy (``[offline]``), one per station program; None when
    ``enabled = false`` or when the database is the embedded SQLite file on this computer
    (it cannot be away). A folder that cannot be written raises ConfigError naming it."""
    url = cfg.database_url or ""
    if not cfg.offline.enabled or not url or url.startswith("sqlite"):
        return None
    from desktop.services.offline import StationCapture

    folder = cfg.offline.folder_of(cfg.station)
    try:
        return StationCapture(folder, max_copy_age_hours=cfg.offline.max_copy_age_hours)
    except OSError as problem:
        raise ConfigError(
            f"{cfg.source}: [offline] folder {folder} cannot hold the station's journal "
            f"({problem.strerror or problem}): give a folder this station may write, or "
            "enabled = false"
        ) from None


def settle_start_up_objects() -> None:
    """Move what start-up made (Qt objects, the ORM's mappers, translations, the demo plant)
    out of the cyclic garbage collector's reach: a full collection that lands in the middle
    of a scan then walks only what the shift made since, not the hundreds of thousands of
    objects that live as long as the program."""
    import gc

    gc.collect()
    gc.freeze()


def run_gui(cfg: StationConfig, base: Context) -> int:
    from desktop.views.station import application, run_window

    app = application(cfg.language)
    try:
        hint = demo_hint(demo_floor(base)) if cfg.simulated else ""
        station = build_station(cfg, base, hint)
    except ConfigError as problem:
        print(f"lotline: {problem}", file=sys.stderr)
        return 1
    station.devices.start()
    settle_start_up_objects()
    try:
        return run_window(app, station.window)
    finally:
        station.close()


def bench_latency(cfg: StationConfig, units: int) -> int:
    """Offscreen, simulated devices and a keyboard wedge, the database of ``cfg`` (a temporary
    SQLite file if none): the operator station takes ``units`` units' scans; JSON to stdout."""
    import json
    import os
    import tempfile
    import uuid
    from dataclasses import replace

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="lotline-latency-") as tmp:
        url = cfg.database_url or f"sqlite:///{Path(tmp) / 'latency.sqlite'}"
        cfg = replace(
            cfg, database_url=url, devices=StationConfig().devices, production=False, wedge={}
        )
        cfg = replace(cfg, offline=replace(cfg.offline, folder=Path(tmp) / "offline"))
        base = open_backend(cfg)
        from desktop.views.latency import LatencyFailed, as_json, measure, prepare_units
        from desktop.views.station import application

        prepared = prepare_units(base, units, uuid.uuid4().hex[:6].upper())
        application("en")
        station = build_station(cfg, base)
        station.devices.start()
        try:
            station.window.resize(1280, 800)
            station.window.show()
            settle_start_up_objects()
            samples = measure(station.window, prepared)
        except LatencyFailed as failure:
            print(f"lotline: latency bench failed: {failure}", file=sys.stderr)
            return 1
        finally:
            station.window.runner.wait(15_000)
            station.close()
            base.engine.dispose()
        backend = "sqlite" if url.startswith("sqlite") else "postgresql"
        print(json.dumps({"database": backend, "units": units, "samples": as_json(samples)}))
        return 0


def selftest(cfg: StationConfig, shots: Path | None) -> int:
    """Offscreen, a temporary SQLite database, simulated devices: every station walked."""
    import os
    import tempfile
    from dataclasses import replace

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="lotline-selftest-") as tmp:
        url = cfg.database_url or f"sqlite:///{Path(tmp) / 'selftest.sqlite'}"
        cfg = replace(cfg, database_url=url, devices=StationConfig().devices, production=False)
        cfg = replace(cfg, offline=replace(cfg.offline, folder=Path(tmp) / "offline"))
        base = open_backend(cfg)
        from desktop.views.selftest import run_selftest
        from desktop.views.station import application

        application(cfg.language)
        station = build_station(cfg, base, demo_hint(demo_floor(base)))
        station.devices.start()
        try:
            code = run_selftest(station.window, base, shots, cfg.language)
        finally:
            station.close()
        base.engine.dispose()
        return code
