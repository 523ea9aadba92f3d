"""Screenshots of the plant dashboard after a demo shift whose pump weights drift, in English
and Chinese.

The shift is the demo's (`lotline demo`: every scan from a scanner simulator and every weight
from the scale simulator through the real drivers) with 14 pumps; then QC freezes the control
limits of "Weigh assembled pump" from its latest 12 readings (signed), and a second pump lot is
built whose weights creep up by 1.3 g a pump on the simulated scale (2401.3 g to 2410.4 g,
all within the specification 2380-2420 g): the readings break SPC run rules and raise anomaly
flags on the units and their lot. The last pump of that lot fails its functional test (NCR),
two more wait at their first steps, and the line scale reports what it saw. The work order of
the second lot is due tomorrow, so the output panel has a plan to draw.

The station window at a dashboard station ("office-1", the supervisor sam logged in) is saved
with ``widget.grab()`` at 1920x1080 into docs/screenshots/dashboard-<en|zh>.png and at 1280x800
into docs/screenshots/<language>/1280x800/dashboard.png, with the records behind the worst
figure (the flagged lot awaiting release, or else the failing step's yield bar) opened:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/dashboard_screenshots.py --language en
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/dashboard_screenshots.py --language zh_CN

``--work DIR`` keeps the shift's database in DIR and uses it again on the next run (the panels
count the last 24 hours, so run both languages within the day).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine  # noqa: E402

from db.engine import make_engine  # noqa: E402
from db.migrate import ensure_schema  # noqa: E402
from desktop.cli.demo_cmd import run_shift  # noqa: E402
from desktop.cli.demo_devices import Bench, DemoFailed  # noqa: E402
from desktop.cli.demo_report import Tally  # noqa: E402
from desktop.cli.demo_shift import (  # noqa: E402
    PASSWORD,
    PUMP_GTIN,
    SETTINGS,
    Crew,
    Plan,
    Shift,
    consume,
    eid,
    weigh,
)
from desktop.domain.insight import Panel  # noqa: E402
from desktop.domain.plant import DIScheme  # noqa: E402
from desktop.services import insight, production, receiving, spc  # noqa: E402
from desktop.services.core.context import Actor, Context  # noqa: E402
from desktop.services.masterdata import ensure_demo_plant  # noqa: E402
from desktop.services.production import commission_serials  # noqa: E402
from desktop.views.dashboard import DashboardScreen  # noqa: E402
from desktop.views.dashboard_chart import BarChart  # noqa: E402
from desktop.views.dashboard_parts import FigureRows  # noqa: E402
from desktop.views.device_signals import DeviceSignals  # noqa: E402
from desktop.views.kit import StationKit  # noqa: E402
from desktop.views.shell import MainWindow  # noqa: E402
from desktop.views.station import application, screen_factories  # noqa: E402

DB_FILE = "dashboard-demo.sqlite"
UNITS = 14  # the demo shift's pumps: readings enough for a baseline of 12
BASELINE = 12
WEIGH_STEP = "Weigh assembled pump"
#: The second lot's weights as the scale reads them: creeping up 1.3 g a pump.
DRIFT = tuple(f"{2401.3 + 1.3 * n:.2f}" for n in range(8))
WAITING = 2  # pumps of the second lot only started (components scanned)
STATION = "office-1"


def wait(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"dashboard screenshots: gave up waiting for {what}")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _receive(shift: Shift, part: str, supplier: str, lot: str, serials: list[str]) -> None:
    """A supplier lot received at pack-1, inspected and released (signed) at qc-1."""
    qc, pat = shift.crew.qc, shift.crew.packer
    scanned = shift.scan("pack-1", lot)
    receiving.receive_material(
        pat.ctx, part, supplier, scanned, len(serials) or 40, event_id=eid(),
        serials=[shift.scan("pack-1", s) for s in serials],
    )  # fmt: skip
    at_qc = shift.scan("qc-1", lot)
    receiving.inspect_material(qc.ctx, at_qc, True, "certificate checked", event_id=eid())
    receiving.release_material(
        qc.ctx, qc.login, at_qc, qc.password, username=qc.username, event_id=eid()
    )


def drifting_lot(engine: Engine, admin: Context, out: Path) -> None:
    """QC freezes the weigh step's limits; a second lot is weighed while the weights drift."""
    with Bench(out) as bench:
        crew = Crew.arrive(engine, admin)
        shift = Shift(engine, crew, bench, Tally("", out), Plan(UNITS, 20))
        qc, sup, op = crew.qc, crew.supervisor.ctx, crew.operator.ctx
        spc.freeze_baseline(
            qc.ctx, qc.login, PUMP_GTIN, WEIGH_STEP, qc.password, samples=BASELINE,
            username=qc.username, reason="first demo shift, weights within a 5 g band",
        )  # fmt: skip
        count = len(DRIFT) + WAITING
        housings = [f"HSG-2{n:04d}" for n in range(1, count + 1)]
        _receive(shift, "HOUSING-IP300", "SUP-ACME", "AP-24118", housings)
        _receive(shift, "BOARD-IP300", "SUP-BOARDS", "CW24-0313", [])
        number, due = "WO-DEMO-IP300-2", date.today() + timedelta(days=1)
        production.create_work_order(sup, number, PUMP_GTIN, count, due_on=due)
        production.release_work_order(sup, number)
        made = commission_serials(sup, number, count)
        head = made.first_serial.rstrip("0123456789")
        first = int(made.first_serial[len(head) :])
        width = len(made.first_serial) - len(head)
        serials = [f"{head}{first + n:0{width}d}" for n in range(count)]
        for n, serial in enumerate(serials):
            consume(shift, shift.scan("line-1", serial), housings[n])
            if n >= len(DRIFT):
                continue  # waits for its control board
            consume(shift, shift.scan("line-1", serial), "CW24-0313")
            production.record_measurement(
                op, shift.scan("line-1", serial), Decimal("1.00"), unit="N·m", event_id=eid()
            )
            weighed = weigh(shift, serial, DRIFT[n])  # on the scale simulator, read by MT-SICS
            if not weighed.ok:
                raise DemoFailed(f"{DRIFT[n]} g should pass the weigh step: {weighed.message}")
            passes = n != len(DRIFT) - 1  # the last pump fails its functional test
            verdict = shift.scan_event("line-1", "PASS" if passes else "FAIL")
            production.record_check(
                op, shift.scan("line-1", serial), verdict.text == "PASS",
                "alarms, occlusion and rate accuracy" if passes else "occlusion alarm silent",
                event_id=eid(),
            )  # fmt: skip
        now = datetime.now(UTC)
        readings = shift.tally.weighings
        insight.report_device_health(
            op, "line-1 scale", now - timedelta(hours=1), now,
            readings=readings, refused=0, reconnects=0,
        )  # fmt: skip


def prepare(work: Path) -> Path:
    """The demo shift and the drifting lot in ``work`` (kept from an earlier run if there)."""
    database = work / DB_FILE
    if database.exists():
        return database
    work.mkdir(parents=True, exist_ok=True)
    engine = make_engine(f"sqlite:///{database}")
    try:
        ensure_schema(engine)
        plant = ensure_demo_plant(Context(engine, Actor.system("demo"), SETTINGS), DIScheme.GS1)
        assert plant is not None, f"{database} is not empty"
        run_shift(engine, plant.admin, Plan(UNITS, 20), work / "shift", str(database))
        drifting_lot(engine, plant.admin, work / "drift")
    except BaseException:
        engine.dispose()
        database.unlink(missing_ok=True)
        raise
    engine.dispose()
    return database


def _open_worst(screen: DashboardScreen) -> None:
    """Open the records of the flagged lot awaiting release, or the failing step's bar."""
    rows = screen.box(Panel.RELEASE).body
    assert isinstance(rows, FigureRows)
    flagged = [i for i, f in enumerate(rows.figures) if f.alert]
    if flagged:
        rows.selectRow(flagged[0])
        screen.open_figure(rows.figures[flagged[0]])
        return
    chart = screen.box(Panel.YIELD).body
    assert isinstance(chart, BarChart)
    worst = min(range(len(chart.figures)), key=lambda i: chart.figures[i].value)
    chart.setFocus()
    chart.choose(worst)


def take(database: Path, language: str, out: Path) -> None:
    application(language)
    engine = make_engine(f"sqlite:///{database}")
    base = Context(engine, Actor(None, "(not logged in)", "", None, STATION), SETTINGS)
    kit = StationKit(DeviceSignals({}), take_scan=lambda scan: None)
    window = MainWindow(
        base, kit, station=STATION, station_kind="dashboard", simulated=False, idle_minutes=60,
        screens=screen_factories(),
    )  # fmt: skip
    try:
        window.show()
        window._password_login("sam", PASSWORD, "")
        wait(lambda: window.session is not None, "the log-in")
        screen = window.screens["dashboard"]
        assert isinstance(screen, DashboardScreen)
        wait(lambda: screen.read_at is not None and window.runner.pending == 0, "the panels")
        _open_worst(screen)
        wait(lambda: screen.records.records is not None, "the records")
        suffix = "en" if language == "en" else "zh"
        for (width, height), path in (
            ((1920, 1080), out / f"dashboard-{suffix}.png"),
            ((1280, 800), out / language / "1280x800" / "dashboard.png"),
        ):
            window.resize(width, height)
            _settle(window)
            path.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(path))
            print(path)
    finally:
        window.runner.wait(15_000)
        window.close()
        engine.dispose()


def _settle(widget: QWidget) -> None:
    for _ in range(20):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--work", default="/tmp/lotline-dashboard-shots")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    database = prepare(Path(args.work))
    take(database, args.language, Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
