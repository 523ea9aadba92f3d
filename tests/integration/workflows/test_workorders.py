"""Work orders: create, release (the production lot), commission serials in bulk. Both DBs."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.models import AuditEntry, Event, Item
from desktop.domain.canonical import sha256_hex
from desktop.services import production
from desktop.services.core.errors import PermissionDenied
from desktop.services.production import _serials as serials_module
from desktop.services.production import commission_serials, create_work_order, release_work_order
from tests.integration.workflows.test_execution_support import KIT, PUMP
from tests.support.refusals import counts, refused


def _audits(engine, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_create_and_release_a_pump_order_makes_its_production_lot(plant) -> None:
    sup = plant.ctx("supervisor")
    created = create_work_order(sup, "WO-1001", PUMP, 50)
    assert (created.status, created.quantity, created.tracking) == ("created", 50, "serial")
    assert created.production_lot_id is None
    wo = release_work_order(sup, "WO-1001")
    today = production.today()
    assert wo.status == "released" and wo.released_at is not None
    assert wo.lot == f"L{today:%y%m%d}01"
    with Session(plant.engine) as s:
        lot = s.get(Item, wo.production_lot_id)
        assert lot is not None
        assert (lot.kind, lot.gtin, lot.lot, lot.status) == (
            "production_lot",
            PUMP,
            wo.lot,
            "in_process",
        )
        assert lot.production_date == today and lot.expiry is None  # no shelf life
        assert lot.work_order_id == wo.id and lot.current_step == 0
    assert [e.entity_id for e in _audits(plant.engine, "work_order.create")] == [str(wo.id)]
    assert len(_audits(plant.engine, "work_order.release")) == 1
    assert audit.verify(plant.engine).ok


def test_release_of_a_kit_order_uses_the_given_lot_and_the_shelf_life(plant) -> None:
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-K1", "Sterile Catheter Kit CK-10", 200, lot="K2611A")
    wo = release_work_order(sup, "WO-K1")
    assert wo.lot == "K2611A" and wo.product_gtin == KIT
    assert wo.expiry == production.today() + timedelta(days=730)


def test_generated_lots_count_up_within_the_day(plant) -> None:
    sup = plant.ctx("supervisor")
    lots = []
    for n in (1, 2, 3):
        create_work_order(sup, f"WO-{n}", PUMP, 5)
        lots.append(release_work_order(sup, f"WO-{n}").lot)
        commission_serials(sup, f"WO-{n}", count=3)  # units carry the lot too
    stem = f"L{production.today():%y%m%d}"
    assert lots == [f"{stem}01", f"{stem}02", f"{stem}03"]


def test_commissioning_makes_units_in_process_with_one_event_and_audit_per_batch(
    plant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serials_module, "BATCH", 3)
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-S", PUMP, 20)
    wo = release_work_order(sup, "WO-S")
    result = commission_serials(sup, "WO-S", count=7)
    assert (result.count, result.first_serial, result.last_serial) == (7, "SN-000001", "SN-000007")
    assert len(result.event_ids) == 3 and result.lot == wo.lot
    with Session(plant.engine) as s:
        units = list(
            s.scalars(select(Item).where(Item.kind == "unit", Item.product_id.is_not(None)))
        )
        events = list(
            s.scalars(select(Event).where(Event.kind == "commission").order_by(Event.station_time))
        )
    assert [u.serial for u in units] == [f"SN-{n:06d}" for n in range(1, 8)]
    assert {(u.gtin, u.lot, u.status, u.current_step, u.work_order_id) for u in units} == {
        (PUMP, wo.lot, "in_process", 0, wo.id)
    }
    assert [(e.data["first"], e.data["last"], e.data["count"]) for e in events] == [
        ("SN-000001", "SN-000003", 3),
        ("SN-000004", "SN-000006", 3),
        ("SN-000007", "SN-000007", 1),
    ]
    assert all(e.item_id == wo.production_lot_id for e in events)
    entries = _audits(plant.engine, "serials.commission")
    assert len(entries) == 3
    assert '"first":"SN-000004"' in (entries[1].new_value or "")
    assert str(events[1].id) in (entries[1].new_value or "")
    digest = sha256_hex("\n".join(["SN-000007"]))
    assert digest in (entries[2].new_value or "")
    # numbering continues in a second call; the view counts them
    again = commission_serials(sup, "WO-S", count=2)
    assert (again.first_serial, again.last_serial) == ("SN-000008", "SN-000009")
    assert production.work_order(sup, "WO-S").serials_commissioned == 9
    assert audit.verify(plant.engine).ok


def test_given_serials_and_a_prefix(plant) -> None:
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-G", PUMP, 10)
    release_work_order(sup, "WO-G")
    listed = commission_serials(sup, "WO-G", serials=["P300/A-1", "P300/A-2"])
    assert (listed.first_serial, listed.last_serial) == ("P300/A-1", "P300/A-2")
    prefixed = commission_serials(sup, "WO-G", count=2, prefix="IP3")
    assert (prefixed.first_serial, prefixed.last_serial) == ("IP3000001", "IP3000002")
    with Session(plant.engine) as s:
        event = s.scalars(select(Event).where(Event.kind == "commission")).first()
        assert event is not None and event.data["serials"] == ["P300/A-1", "P300/A-2"]


# ---------------------------------------------------------------- refusals (write nothing)


@pytest.fixture
def released(plant):  # type: ignore[no-untyped-def]
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-R", PUMP, 5)
    release_work_order(sup, "WO-R")
    commission_serials(sup, "WO-R", serials=["SN-000001"])
    return sup


@pytest.mark.parametrize(
    ("serials", "match"),
    [
        (["SN 7"], r'serial "SN 7" contains " ": a UDI allows only letters'),
        (["S" * 21], r"must be 1 to 20 characters long"),
        (["SN-É1"], r'contains "É"'),
        (["SN-9", "SN-9"], r'serial "SN-9" is given twice'),
        (["SN-000001"], r'serial "SN-000001" is already used for GTIN 09506000134352'),
    ],
)
def test_bad_serials_are_refused_and_nothing_is_written(
    plant, released, serials: list[str], match: str
) -> None:
    refused(plant.engine, commission_serials, released, "WO-R", serials=serials, match=match)


def test_more_serials_than_the_order_quantity_are_refused(plant, released) -> None:
    refused(
        plant.engine,
        commission_serials,
        released,
        "WO-R",
        count=5,
        match=r"WO-R is for 5 units and has 1 serials: 5 more cannot be commissioned",
    )


def test_commissioning_refusals(plant) -> None:
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-C", PUMP, 5)
    refused(
        plant.engine, commission_serials, sup, "WO-C", count=1, match=r"WO-C is created: release it"
    )
    create_work_order(sup, "WO-K", KIT, 5)
    release_work_order(sup, "WO-K")
    refused(
        plant.engine, commission_serials, sup, "WO-K", count=1, match=r"CK-10 is lot-controlled"
    )
    refused(
        plant.engine,
        commission_serials,
        sup,
        "WO-NONE",
        count=1,
        match=r'work order "WO-NONE" does not exist',
    )
    refused(plant.engine, commission_serials, sup, "WO-K", match=r"give either a number of serials")


def test_work_order_refusals(plant) -> None:
    sup = plant.ctx("supervisor")
    create_work_order(sup, "WO-D", PUMP, 5)
    refused(plant.engine, create_work_order, sup, "WO-D", PUMP, 5, match=r'"WO-D" exists already')
    refused(
        plant.engine,
        create_work_order,
        sup,
        "WO-E",
        "IP-999",
        5,
        match=r'product "IP-999" matches no active product',
    )
    refused(
        plant.engine,
        create_work_order,
        sup,
        "WO-E",
        PUMP,
        0,
        match=r"quantity 0 must be at least 1",
    )
    refused(
        plant.engine,
        create_work_order,
        sup,
        "WO-E",
        PUMP,
        5,
        lot="L 1",
        match=r'lot "L 1" contains " "',
    )
    release_work_order(sup, "WO-D")
    refused(plant.engine, release_work_order, sup, "WO-D", match=r"WO-D is released already")


def test_an_operator_may_not_manage_work_orders_or_commission(plant) -> None:
    op = plant.ctx("operator")
    before = counts(plant.engine)
    with pytest.raises(PermissionDenied, match=r"olga .line operator. may not create and release"):
        create_work_order(op, "WO-X", PUMP, 1)
    refused(
        plant.engine,
        commission_serials,
        op,
        "WO-X",
        count=1,
        match=r"may not commission serial numbers\. Roles that may: supervisor",
    )
    assert counts(plant.engine) == before


def test_the_bench_command_prints_count_and_seconds(database_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    """`lotline bench serials --count N --database URL --json` (no timing asserted)."""
    from desktop.cli import main

    assert main(["bench", "serials", "--count", "25", "--database", database_url, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["count"] == 25 and figures["seconds"] >= 0


def test_generated_lot_numbers_are_unique_across_products(plant) -> None:
    from desktop.services import production

    sup = plant.ctx("supervisor")
    production.create_work_order(sup, "WO-PUMP", PUMP, 2)
    production.create_work_order(sup, "WO-KIT", KIT, 10)
    pump = production.release_work_order(sup, "WO-PUMP")
    kit = production.release_work_order(sup, "WO-KIT")
    assert pump.lot != kit.lot  # a typed lot number names one lot in the plant
