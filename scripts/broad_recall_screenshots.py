"""The recall screen on a broad recall: screenshots while the units fill and after, and figures.

Runs offscreen on a copy of a data set from bench/generate.py (its seal lot SL-SEAL-00000 is in
20 % of the units), with the demo plant's people and stations added to the copy (its
generator's user removed first: the demo plant goes only into a database without users); sam opens a
recall on the seal lot from the screen as a supervisor would (reason typed, lot typed, Enter),
the units fill page by page, then the whole scope is written to a CSV file from the screen
(F9). Saves ``recall-broad-listing`` (units still arriving), ``recall-broad-export`` (the CSV
being written) and ``recall-broad-listed`` into ``docs/screenshots/<language>/1280x800/``,
and prints the figures: time to the scope known (the recall's KPI), to the first page and the
last unit listed, to the file written, and this process's peak RSS.

    .venv/bin/python -m bench.generate --units 1000000 --database sqlite:////tmp/big.sqlite
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/broad_recall_screenshots.py \\
        --data /tmp/big.sqlite --language en
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from goods_in_screenshots import SETTINGS, Shots, wait  # noqa: E402

from db.engine import make_engine  # noqa: E402
from db.migrate import ensure_schema  # noqa: E402
from desktop.services.core.context import Actor, Context  # noqa: E402
from desktop.services.masterdata import ensure_demo_plant  # noqa: E402
from desktop.views.recall import RecallScreen  # noqa: E402
from desktop.views.station import application  # noqa: E402

SEAL = "SL-SEAL-00000"


def _forget_generator_user(path: Path) -> None:
    """The demo plant is loaded only into a database without users: the copy's one user (the
    generator's, named by its synthetic installation records) is removed first. Synthetic data,
    a throw-away copy: those records then name whoever gets its id."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM users WHERE username = 'bench-generator'")
    conn.close()


def _grab(shots: Shots, screen: RecallScreen, name: str) -> None:
    """Save the screen as it is now (without waiting for its background calls)."""
    QCoreApplication.processEvents()
    folder = shots.out / shots.language / "1280x800"
    folder.mkdir(parents=True, exist_ok=True)
    screen.grab().save(str(folder / f"{name}.png"))
    print(f"saved {folder / name}.png", file=sys.stderr)


def take(shots: Shots, csv_path: Path) -> dict[str, float | int | str]:
    screen = shots.open(RecallScreen, "sam", "line-1")
    assert isinstance(screen, RecallScreen)
    units, bar = screen.campaign.units, screen.campaign.units.bar
    screen.list_panel.reason.setText("seal lot SL-SEAL-00000 leaks at 40 °C")
    screen.list_panel.scope.setText(SEAL)
    started = time.perf_counter()
    screen.open_recall()
    wait(lambda: screen.current is not None or screen.result.refused, "the recall opened", 600)
    if screen.current is None:
        raise SystemExit(f"not opened: {screen.result.title.text()}: {screen.result.detail.text()}")
    opened = time.perf_counter() - started
    wait(lambda: units.rowCount() > 0, "the first page", 120)
    first = time.perf_counter() - started
    total = screen.current.items_total if screen.current else 0
    wait(lambda: units.rowCount() >= total // 5, "a fifth of the list", 600)
    if units.rowCount() < total:
        _grab(shots, screen, "recall-broad-listing")
    wait(lambda: bar.value() == total and bar.maximum() == total, "every unit listed", 900)
    listed = time.perf_counter() - started
    shots.settle()
    exporting = time.perf_counter()
    screen.export_to(str(csv_path))
    export_bar = screen.campaign.export_bar
    under_way = lambda: export_bar.value() >= export_bar.maximum() // 4 > 0  # noqa: E731
    wait(lambda: under_way() or not screen.runner.pending, "the export under way", 600)
    if screen.runner.pending:
        _grab(shots, screen, "recall-broad-export")
    shots.settle()
    written = time.perf_counter() - exporting
    shots.save(screen, "recall-broad-listed")
    view = screen.current
    assert view is not None
    return {
        "recall": view.number,
        "units": total,
        "customer_sites": len(view.customers),
        "scope_known_s": round(view.time_to_scope.total_seconds(), 2) if view.time_to_scope else -1,
        "opened_on_screen_s": round(opened, 2),
        "first_page_s": round(first, 2),
        "all_units_listed_s": round(listed, 2),
        "csv_written_s": round(written, 2),
        "csv_rows": export_bar.value(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", required=True, help="a generated SQLite data set (copied)")
    parser.add_argument("--language", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    application(args.language)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "broad.sqlite"
        shutil.copy(args.data, copy)
        engine = make_engine(f"sqlite:///{copy}")
        ensure_schema(engine)  # the data set at this code's schema, before its user goes
        engine.dispose()
        _forget_generator_user(copy)
        engine = make_engine(f"sqlite:///{copy}")
        base = Context(engine, Actor(None, "(setup)", "", None, "admin-1"), SETTINGS)
        ensure_demo_plant(base)  # its administrator takes the freed id: no row points nowhere
        shots = Shots(args.language, Path(args.out), engine)
        try:
            figures = take(shots, Path(tmp) / "scope.csv")
        finally:
            shots.stop()
            engine.dispose()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
