"""An MA-coded product at the operator station: the demo plant with MA DIs instead of GTINs,
the pump named by the MA code of its traveller (a DataMatrix, AIM ]d1) read by the simulated
scanner over a pseudo-terminal through the real driver; an MA code of no product is refused
with the scan quoted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import audit
from db.models import Event, Item, Product
from desktop.app import build_station
from desktop.cli.demo_shift import PUMP_MA_DI, unit_barcode
from desktop.config import StationConfig
from desktop.domain.plant import DIScheme
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.operator import OperatorScreen
from desktop.views.selftest_data import prepare
from desktop.views.station import application
from tests.ui.conftest import show_station

UNKNOWN = "MA.156.M0.999999.1XX0000"  # a well-formed MA DI that no product has


def test_an_ma_unit_is_scanned_at_the_operator_station(engine: Engine, qtbot: Any) -> None:
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    ensure_demo_plant(base, DIScheme.MA)
    application("en")
    station = build_station(StationConfig(), base)
    walk = show_station(qtbot, station, exposed=False, connected=False)
    op = station.window.screens["operator"]
    assert isinstance(op, OperatorScreen)
    try:
        walk.wait("devices connected", station.kit.connected)
        data = prepare(base, product=PUMP_MA_DI)
        walk.login_badge("B-1001", "1234")
        serial, housing = data.serials[0], data.housings[0]
        assert serial.isalnum()  # an MA serial (.S) is letters and digits only
        walk.scan(f"]d1{UNKNOWN}.S{serial}")
        walk.wait("unknown MA code refused", lambda: op.result.refused)
        assert f"{UNKNOWN}.S{serial}" in op.result.detail.text()
        walk.scan(unit_barcode(PUMP_MA_DI, serial))
        walk.wait("MA unit loaded", lambda: serial in op.unit_line.text())
        walk.scan(f"]C0{housing}")
        walk.wait("housing consumed", lambda: bool(op.progress and op.progress.steps[0].done))
    finally:
        station.window.runner.wait(15_000)
        station.devices.stop()
    with Session(engine) as s:
        product = s.scalars(select(Product).where(Product.ma_di == PUMP_MA_DI)).one()
        assert (product.di_scheme, product.gtin) == (DIScheme.MA, None)
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        assert (unit.ma_di, unit.gtin) == (PUMP_MA_DI, None)
        consumed = s.scalars(
            select(Event).where(Event.item_id == unit.id, Event.kind == "consume")
        ).one()
    assert consumed.data["device"] == "line-1 scanner"
    assert audit.verify(engine).ok
