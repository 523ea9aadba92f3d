"""Screenshots of the recall screen, in English and Chinese.

Runs offscreen on a copy of the demo shift's SQLite database (`lotline demo`: its recall
RCL-000001 on board lot CW24-0312, three pumps shipped to St Mary's and Northside), scans from
the simulated scanner through the real scanner driver, and saves the screen's work area with
``widget.grab()`` at 1280x800 into ``docs/screenshots/<language>/1280x800/``:

    .venv/bin/python -m desktop.cli demo --out /tmp/demo
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/recall_screenshots.py \
        --demo /tmp/demo/lotline-demo.sqlite --language en
    (and --language zh_CN)

Shots: recall (St Mary's told, a returned pump scanned), recall-refused (a pump outside the
scope scanned as returned: refused in words), recall-closed (every pump dispositioned, the
recall closed with the supervisor's signature).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from goods_in_screenshots import PASSWORD, Shots  # noqa: E402

from db.engine import make_engine  # noqa: E402
from db.migrate import ensure_schema  # noqa: E402
from desktop.views.recall import RecallScreen, ScanMode  # noqa: E402
from desktop.views.station import application  # noqa: E402


def _choose(screen: RecallScreen, number: str) -> None:
    table = screen.list_panel.table
    table.selectRow(next(r for r in range(table.rowCount()) if table.item(r, 0).text() == number))


def _units(screen: RecallScreen) -> list[str]:
    units = screen.campaign.units
    return [units.text(r, 0).split(" ")[-1] for r in range(units.rowCount())]


def take(shots: Shots) -> None:
    screen = shots.open(RecallScreen, "sam", "line-1")
    assert isinstance(screen, RecallScreen)
    _choose(screen, "RCL-000001")
    shots.settle()
    first, second, third = _units(screen)
    customers = screen.campaign.customers
    stmary = next(r for r in range(customers.rowCount()) if "STMARY" in customers.item(r, 0).text())
    customers.selectRow(stmary)
    screen.campaign.told.setText("R. Chen, pharmacy manager")
    screen.campaign.how.setText("phone, then letter")
    screen.notify_customer()
    shots.settle()
    screen.set_mode(ScanMode.RETURN)
    shots.scan(screen, "]C0" + first)
    screen.campaign.tabs.setCurrentIndex(0)
    shots.save(screen, "recall")
    shots.scan(screen, "]C0SN-000001")
    shots.save(screen, "recall-refused")
    screen.result.acknowledge()
    screen.set_mode(ScanMode.DISPOSITION)
    box = screen.campaign.disposition
    screen.campaign.disposition_reason.setText("returned, boards of lot CW24-0312: scrapped")
    box.setCurrentIndex(box.findData("scrapped"))
    shots.scan(screen, "]C0" + first)
    screen.campaign.disposition_reason.setText("board replaced on site by our engineer")
    box.setCurrentIndex(box.findData("corrected_in_field"))
    shots.scan(screen, "]C0" + second)
    shots.scan(screen, "]C0" + third)
    screen.close_recall()
    dialog = screen.dialog
    assert dialog is not None
    dialog.reason.setText("every pump of lot CW24-0312 accounted for")
    if dialog.ask_username:
        dialog.username.setText("sam")
    dialog.password.setText(PASSWORD)
    dialog._submit()
    shots.settle()
    dialog.close()
    shots.settle()
    shots.save(screen, "recall-closed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", required=True, help="the demo shift's SQLite database")
    parser.add_argument("--language", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    application(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "shots.sqlite"
        shutil.copy(args.demo, copy)
        engine = make_engine(f"sqlite:///{copy}")
        ensure_schema(engine)
        shots = Shots(args.language, Path(args.out), engine)
        try:
            take(shots)
        finally:
            shots.stop()
            engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
