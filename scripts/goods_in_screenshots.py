"""Screenshots of the receiving station and the label templates screen, in English and Chinese.

Runs offscreen against a temporary SQLite database with the demo plant (plus two parts that
carry a supplier's GTIN), scans from the simulated scanner through the real scanner driver, and
saves each screen's work area with ``widget.grab()`` at 1280x800 into
``docs/screenshots/<language>/1280x800/``:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/goods_in_screenshots.py --language en
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/goods_in_screenshots.py --language zh_CN
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.engine import make_engine  # noqa: E402
from db.migrate import ensure_schema  # noqa: E402
from desktop.config import DeviceConfig, StationConfig  # noqa: E402
from desktop.services import identity, labelling, receiving  # noqa: E402
from desktop.services.core.context import Actor, Context, Settings  # noqa: E402
from desktop.services.core.printing import PrinterOutcome  # noqa: E402
from desktop.services.masterdata import DEMO_ADMIN, ensure_demo_plant, load_folder  # noqa: E402
from desktop.views.device_signals import DeviceSignals  # noqa: E402
from desktop.views.kit import StationKit  # noqa: E402
from desktop.views.receiving import ReceivingScreen  # noqa: E402
from desktop.views.screen import Screen  # noqa: E402
from desktop.views.station import application  # noqa: E402
from desktop.views.tasks import Runner  # noqa: E402
from desktop.views.templates import TemplatesScreen  # noqa: E402
from desktop.wiring import DeviceSinks, build_devices  # noqa: E402

PASSWORD = "demo-password"
SETTINGS = Settings(lockout_threshold=5, totp_roles=frozenset())
SEAL, VALVE = "09506000117843", "09506000117867"
PARTS = f"""
[[parts]]
part_number = "SEAL-IP300"
name = "Pump seal"
tracking = "lot"
gtin = "{SEAL}"

[[parts]]
part_number = "VALVE-IP300"
name = "Check valve"
tracking = "serial"
gtin = "{VALVE}"
incoming_plan = [
  {{ characteristic = "Cracking pressure", lower = "0.3", upper = "0.5", unit = "bar" }},
]
"""


class Printer:
    """Answers "printed" (the bin label shown is the real render of what was sent)."""

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        return PrinterOutcome.printed("screenshot printer")


def wait(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"screenshots: gave up waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def day(days: int) -> str:
    return (date.today() + timedelta(days=days)).strftime("%y%m%d")


class Shots:
    def __init__(self, language: str, out: Path, engine: object) -> None:
        self.language, self.out, self.engine = language, out, engine
        self.runner = Runner()
        self.devices: list[object] = []

    def open(self, cls: type[Screen], username: str, station: str) -> Screen:
        cfg = StationConfig(station=station, devices={"scanner": DeviceConfig("scanner")})
        signals = DeviceSignals({"scanner": True})
        devices = build_devices(cfg, DeviceSinks(signals.scan, signals.weight, signals.health))
        kit = StationKit(
            signals, devices.scan_path, Printer(), devices.simulators, devices.connected
        )
        self.devices.append(devices)
        screen = cls(self.runner, kit)
        signals.scanned.connect(screen.on_scan)
        devices.start()
        wait(devices.connected, "the simulated scanner")
        base = Context(self.engine, Actor(None, username, "", None, station), SETTINGS)  # type: ignore[arg-type]
        login = identity.login(base, username, PASSWORD)
        screen.resize(1280, 800)
        screen.show()
        screen.activate(Context(self.engine, login.actor, SETTINGS), login)  # type: ignore[arg-type]
        self.settle()
        return screen

    def settle(self) -> None:
        wait(lambda: self.runner.pending == 0, "the screen's background calls")
        for _ in range(5):
            QCoreApplication.processEvents()

    def scan(self, screen: Screen, text: str) -> None:
        scanner = screen.kit.simulators.scanner
        assert scanner is not None
        got: list[object] = []
        screen.kit.signals.scanned.connect(got.append)
        scanner.scan(text)
        wait(lambda: bool(got), f"the scan {text!r}")
        screen.kit.signals.scanned.disconnect(got.append)
        self.settle()

    def save(self, widget: QWidget, name: str) -> None:
        self.settle()
        folder = self.out / self.language / "1280x800"
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / f"{name}.png"))
        print(f"saved {folder / name}.png")

    def stop(self) -> None:
        self.runner.wait()
        for devices in self.devices:
            devices.stop()  # type: ignore[attr-defined]


def seed(engine: object, folder: Path) -> None:
    base = Context(engine, Actor(None, "(setup)", "", None, "admin-1"), SETTINGS)  # type: ignore[arg-type]
    ensure_demo_plant(base)
    name, _full, password = DEMO_ADMIN
    admin = base.as_actor(identity.login(base, name, password).actor)
    (folder / "parts.toml").write_text(PARTS, encoding="utf-8")
    load_folder(admin, folder)
    labelling.register_templates(admin)
    pack = base.as_actor(identity.login(base, "pat", PASSWORD).actor)
    receiving.receive_scanned(pack, f"]d201{SEAL}17{day(400)}10SL-1", "SUP-ACME", 40)
    receiving.receive_scanned(
        pack, f"]d201{VALVE}17{day(600)}10DEL-3", "SUP-ACME", 3,
        serials=["V-101", "V-102", "V-103"],
    )  # fmt: skip
    qc_login = identity.login(base, "quinn", PASSWORD)
    qc = base.as_actor(qc_login.actor)
    labelling.approve_template(qc, qc_login, "udi-4x2", 1, PASSWORD, username="quinn")
    ok = {"Cracking pressure": "0.41"}
    receiving.inspect_material(qc, "DEL-3", True, "visual OK", serial="V-101", readings=ok)
    receiving.inspect_material(qc, "DEL-3", False, "bent stem", serial="V-102")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    application(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/shots.db")
        ensure_schema(engine)
        seed(engine, Path(tmp))
        shots = Shots(args.language, Path(args.out), engine)
        try:
            take(shots, Path(tmp))
        finally:
            shots.stop()
            engine.dispose()  # type: ignore[attr-defined]
    return 0


def take(shots: Shots, tmp: Path) -> None:
    pack = shots.open(ReceivingScreen, "pat", "pack-1")
    assert isinstance(pack, ReceivingScreen)
    shots.scan(pack, f"]d2010950600011785017{day(300)}10X-1")
    shots.save(pack, "receiving-refused")
    pack.result.acknowledge()
    shots.scan(pack, f"]d201{SEAL}17{day(400)}10SL-501")
    cert = tmp / "CoC-SL-501.pdf"
    cert.write_bytes(b"%PDF certificate of conformance SL-501")
    pack.receive_tab.quantity.setText("40")
    pack.receive_tab.certificate.setText(str(cert))
    pack.receive()
    shots.settle()
    shots.save(pack, "receiving")
    qc = shots.open(ReceivingScreen, "quinn", "qc-1")
    assert isinstance(qc, ReceivingScreen)
    shots.scan(qc, "DEL-3")
    shots.scan(qc, "V-103")
    qc.inspect_tab.plan.item(0, 2).setText("0.62")
    qc.inspect_tab.notes.setText("opens late")
    qc.inspect(False)
    shots.settle()
    shots.save(qc, "receiving-inspection")
    templates = shots.open(TemplatesScreen, "quinn", "qc-1")
    assert isinstance(templates, TemplatesScreen)
    shipped = resources.files("desktop.labels").joinpath("templates", "udi-4x2.json")
    revised = json.loads(shipped.read_text("utf-8")) | {
        "description": "4 x 2 inch UDI label, rev. B"
    }
    (tmp / "udi-4x2-revB.json").write_text(json.dumps(revised), encoding="utf-8")
    templates.file.setText(str(tmp / "udi-4x2-revB.json"))  # type: ignore[attr-defined]
    templates.register()  # type: ignore[attr-defined]
    shots.settle()
    shots.save(templates, "templates")


if __name__ == "__main__":
    sys.exit(main())
