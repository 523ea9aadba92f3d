"""Permission-matrix scenarios for packing and shipping, one per use case.

Cases, pallets, shipments, deliveries and service in the field. Each scenario makes the records
its call names, then returns the call.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, Link
from desktop.services import distribution, packing
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.world import ST_MARY, World


@scenario("packing.create_case")
def _create_case(w: World) -> Call:
    return lambda ctx, role: packing.create_case(ctx, event_id=uuid.uuid4())


@scenario("packing.create_pallet")
def _create_pallet(w: World) -> Call:
    return lambda ctx, role: packing.create_pallet(ctx, event_id=uuid.uuid4())


@scenario("packing.pack_unit")
def _pack_unit(w: World) -> Call:
    serial, case = w.labelled_pump(), w.case()
    return lambda ctx, role: packing.pack_unit(ctx, case, serial, event_id=uuid.uuid4())


@scenario("packing.pack_lot_quantity")
def _pack_lot(w: World) -> Call:
    lot, case = w.kit_lot(5), w.case()
    return lambda ctx, role: packing.pack_lot_quantity(ctx, case, lot, 5, event_id=uuid.uuid4())


@scenario("packing.close_case")
def _close_case(w: World) -> Call:
    case = w.case()
    packing.pack_lot_quantity(w.ctx("packaging"), case, w.kit_lot(), 10)
    return lambda ctx, role: packing.close_case(ctx, case, event_id=uuid.uuid4())


@scenario("packing.pack_case")
def _pack_case(w: World) -> Call:
    case = w.full_case()
    pallet = packing.create_pallet(w.ctx("packaging")).sscc
    return lambda ctx, role: packing.pack_case(ctx, pallet, case, event_id=uuid.uuid4())


@scenario("packing.close_pallet")
def _close_pallet(w: World) -> Call:
    pack = w.ctx("packaging")
    pallet = packing.create_pallet(pack).sscc
    packing.pack_case(pack, pallet, w.full_case())
    return lambda ctx, role: packing.close_pallet(ctx, pallet, event_id=uuid.uuid4())


@scenario("packing.unpack")
def _unpack(w: World) -> Call:
    lot, case = w.kit_lot(3), w.case()
    packing.pack_lot_quantity(w.ctx("packaging"), case, lot, 3)
    return lambda ctx, role: packing.unpack(ctx, case, lot, "wrong case", event_id=uuid.uuid4())


@scenario("distribution.ship")
def _ship(w: World) -> Call:
    case = w.full_case()
    return lambda ctx, role: distribution.ship(ctx, *ST_MARY, [case], event_id=uuid.uuid4())


@scenario("distribution.record_service_event")
def _service_event(w: World) -> Call:
    serial = w.shipped_pump()
    return lambda ctx, role: distribution.record_service_event(
        ctx, serial, "installation", ST_MARY[1], "installed in ward 3", event_id=uuid.uuid4()
    )


def _open_shipment_with(w: World) -> str:
    pack = w.ctx("packaging")
    number = distribution.open_shipment(pack, *ST_MARY).number
    distribution.add_to_shipment(pack, number, w.labelled_pump())
    return number


def _shipped_shipment(w: World) -> str:
    number = _open_shipment_with(w)
    distribution.confirm_shipment(w.ctx("packaging"), number)
    return number


@scenario("distribution.open_shipment")
def _open_shipment(w: World) -> Call:
    return lambda ctx, role: distribution.open_shipment(ctx, *ST_MARY)


@scenario("distribution.add_to_shipment")
def _add_to_shipment(w: World) -> Call:
    number, case = (
        distribution.open_shipment(w.ctx("packaging"), *ST_MARY).number,
        w.labelled_pump(),
    )
    return lambda ctx, role: distribution.add_to_shipment(ctx, number, case)


@scenario("distribution.remove_from_shipment")
def _remove_from_shipment(w: World) -> Call:
    number, case = (
        distribution.open_shipment(w.ctx("packaging"), *ST_MARY).number,
        w.labelled_pump(),
    )
    distribution.add_to_shipment(w.ctx("packaging"), number, case)
    return lambda ctx, role: distribution.remove_from_shipment(ctx, number, case)


@scenario("distribution.confirm_shipment")
def _confirm_shipment(w: World) -> Call:
    number = _open_shipment_with(w)
    return lambda ctx, role: distribution.confirm_shipment(ctx, number, event_id=uuid.uuid4())


@scenario("distribution.record_delivery")
def _record_delivery(w: World) -> Call:
    number = _shipped_shipment(w)
    return lambda ctx, role: distribution.record_delivery(ctx, number, "R. Chen", datetime.now(UTC))


@scenario("distribution.shipment")
def _shipment(w: World) -> Call:
    number = _open_shipment_with(w)
    return lambda ctx, role: distribution.shipment(ctx, number)


@scenario("distribution.delivery_note")
def _delivery_note(w: World) -> Call:
    number = _shipped_shipment(w)
    return lambda ctx, role: distribution.delivery_note(ctx, number)


read("distribution.shipments", distribution.shipments)
read("distribution.customer_sites", distribution.customer_sites)


@scenario("distribution.replace_part")
def _replace_part(w: World) -> Call:
    serial = w.shipped_pump()
    distribution.record_service_event(w.ctx("supervisor"), serial, "return", None, "RMA-1")
    housing = w.housing()
    with Session(w.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        old = s.scalars(
            select(Item)
            .join(Link, Link.child_item_id == Item.id)
            .where(Link.parent_item_id == unit.id, Item.serial.is_not(None))
        ).first()
        assert old is not None and old.serial is not None
        fitted = old.serial
    return lambda ctx, role: distribution.replace_part(
        ctx, serial, fitted, housing, "cracked housing", event_id=uuid.uuid4()
    )
