"""Make the example batch record in this folder: the demo pump lot (4 units, one weighed out of
tolerance -> NCR -> rework, released with a signature, labels printed, one voided at scan-back
and reprinted, packed into a case and shipped to St Mary's with its proof of delivery; one
pump installed, returned under an RMA and repaired with a board of another lot) built through
the services in a fresh SQLite database, then rendered.

    .venv/bin/python docs/batch-record/make_example.py

Writes example.pdf, example-page-N.png (pdftoppm, 80 dpi), example.json and csv/, and the
record in Simplified Chinese as example-zh.pdf with its first two pages as PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from db.engine import make_engine  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from desktop.reports.language import translator  # noqa: E402
from desktop.reports.record_files import write_csv, write_json  # noqa: E402
from desktop.reports.record_pdf import render_pdf  # noqa: E402
from desktop.services.distribution import (  # noqa: E402
    record_delivery,
    record_service_event,
    replace_part,
    ship,
)
from desktop.services.documents import build_record  # noqa: E402
from desktop.services.packing import close_case, create_case, pack_unit  # noqa: E402
from tests.integration.trace_reports.conftest import FakePrinter  # noqa: E402
from tests.integration.trace_reports.scenario import (  # noqa: E402
    pump_lot,
    receive_board_lot,
    release_and_label,
    zones,
)
from tests.support.plant import Plant  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/example.sqlite")
        upgrade(engine)
        plant = Plant(engine)
        zones(plant, Path(tmp) / "zones")
        receive_board_lot(plant, "CW-24-0917")
        built = pump_lot(plant, 4, "CW-24-0917", heavy=(2,), wo="WO-2411-007")
        release_and_label(plant, FakePrinter(), built, void_first=True)
        pack = plant.ctx("packaging")
        case = create_case(pack)
        for serial in built.serials:
            pack_unit(pack, case.sscc, serial)
        close_case(pack, case.sscc)
        shipment = ship(pack, "CUST-STMARY", "9506000000015", [case.sscc])
        record_delivery(pack, shipment.number, "Nora Nurse", datetime.now(UTC))
        sam, serial = plant.ctx("supervisor"), built.serials[1]
        record_service_event(sam, serial, "installation", "9506000000015", "ward 3, bed 12")
        record_service_event(sam, serial, "return", None, "RMA-0042: display stays dark")
        receive_board_lot(plant, "CW-24-0950", 5)
        replace_part(sam, serial, "CW-24-0917", "CW-24-0950", "display dead: board replaced")
        record = build_record(plant.ctx("qc_inspector"), built.lot)
        engine.dispose()
    for old in [*HERE.glob("example-page-*.png"), *HERE.glob("example-zh-page-*.png")]:
        old.unlink()
    shutil.rmtree(HERE / "csv", ignore_errors=True)
    pdf = render_pdf(record, HERE / "example.pdf")
    write_json(record, HERE / "example.json")
    write_csv(record, HERE / "csv")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", str(pdf), str(HERE / "example-page")], check=True
    )
    chinese = render_pdf(record, HERE / "example-zh.pdf", translator("zh_CN"))
    subprocess.run(  # the first two pages in Chinese: the title block, steps and NCRs
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(chinese),
         str(HERE / "example-zh-page")],
        check=True,
    )  # fmt: skip
    print(f"wrote {pdf} and {len(list(HERE.glob('example-page-*.png')))} page images, {chinese}")


if __name__ == "__main__":
    main()
