"""Screenshots of the shipping station, in English and Chinese.

Runs offscreen on a copy of the demo shift's SQLite database (`lotline demo`: its pumps and kits
shipped to St Mary's and Northside), scans from the simulated scanner through the real scanner
driver, and saves the screen's work area with ``widget.grab()`` at 1280x800 into
``docs/screenshots/<language>/1280x800/``:

    .venv/bin/python -m desktop.cli demo --out /tmp/demo
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/shipping_screenshots.py \
        --demo /tmp/demo/lotline-demo.sqlite --language en
    (and --language zh_CN)

Shots: shipping (a new shipment, a case scanned that left already: refused with the reason),
shipping-shipped (a shipped shipment with its delivery note lines), shipping-delivered (its
proof of delivery recorded), packaging-pallet (the packaging station's pallet bar with a new
pallet), service (a shipped pump installed at a customer site, a repair armed).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDateTime

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from goods_in_screenshots import Shots  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from db.engine import make_engine  # noqa: E402
from db.migrate import ensure_schema  # noqa: E402
from db.models import Item, Shipment, ShipmentLine  # noqa: E402
from desktop.domain.distribution import ServiceKind  # noqa: E402
from desktop.domain.states import ItemKind, Status  # noqa: E402
from desktop.views.packaging import PackagingScreen  # noqa: E402
from desktop.views.service import ServiceScreen  # noqa: E402
from desktop.views.shipping import ShippingScreen  # noqa: E402
from desktop.views.station import application  # noqa: E402


def _shipped_case(engine: object) -> tuple[str, str]:
    """The first shipment's number and an SSCC of a case on it."""
    with Session(engine) as s:  # type: ignore[call-overload]
        number, sscc = s.execute(
            select(Shipment.number, Item.sscc)
            .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
            .join(Item, Item.id == ShipmentLine.item_id)
            .where(Item.kind == ItemKind.CASE)
            .order_by(Shipment.id, ShipmentLine.id)
        ).first()
    return str(number), str(sscc)


def take(shots: Shots, engine: object, folder: Path) -> None:
    number, case = _shipped_case(engine)
    screen = shots.open(ShippingScreen, "pat", "pack-1")
    assert isinstance(screen, ShippingScreen)
    screen.folder = folder
    screen.open_shipment()
    shots.settle()
    shots.scan(screen, "]C100" + case)
    shots.save(screen, "shipping")
    screen.result.acknowledge()
    table = screen.list_panel.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == number)
    table.selectRow(row)
    shots.settle()
    screen.write_note()
    shots.settle()
    shots.save(screen, "shipping-shipped")
    screen.current_panel.signed_by.setText("R. Chen (pharmacy stores)")
    screen.current_panel.delivered_at.setDateTime(QDateTime.currentDateTime().addSecs(60))
    screen.record_delivery()
    shots.settle()
    shots.save(screen, "shipping-delivered")
    packer = shots.open(PackagingScreen, "pat", "pack-1")
    assert isinstance(packer, PackagingScreen)
    packer.pallets.new()
    shots.settle()
    shots.save(packer, "packaging-pallet")
    with Session(engine) as s:  # type: ignore[call-overload]
        serial = s.scalars(
            select(Item.serial).where(Item.status == Status.SHIPPED, Item.product_id.is_not(None))
        ).first()
    service = shots.open(ServiceScreen, "sam", "line-1")
    assert isinstance(service, ServiceScreen)
    shots.scan(service, "]C0" + str(serial))
    service.kind.setCurrentIndex(service.kind.findData(ServiceKind.INSTALLATION))
    service.site.setCurrentIndex(service.site.count() - 1)
    service.notes.setText("ICU bed 4, commissioning checklist signed")
    service.record()
    shots.settle()
    service.arm_repair()
    shots.save(service, "service")


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
            take(shots, engine, Path(tmp))
        finally:
            shots.stop()
            engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
