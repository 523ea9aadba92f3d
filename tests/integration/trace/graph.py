"""Hand-made genealogy graphs for the trace tests, written as rows (these are query tests).

``plant(engine)`` builds the one small plant every test reads; its story is told in
``docs/trace.md`` terms in the comments below.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from db.models import (
    Customer,
    Event,
    Item,
    Link,
    Part,
    Product,
    ServiceRecord,
    Shipment,
    ShipmentLine,
    Site,
    Supplier,
    User,
    WorkOrder,
)
from db.trace import reach
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.udi import gs1_check_digit, sscc_from

NOW = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
PUMP_GTIN = "0950600013435" + gs1_check_digit("0950600013435")
KIT_GTIN = "0950600013436" + gs1_check_digit("0950600013436")
RESIN_GTIN = "0950600099900" + gs1_check_digit("0950600099900")


def sscc(n: int) -> str:
    return sscc_from(f"00614141{n:09d}")


class Graph:
    """Insert rows directly: items, links (each with its event), removals, shipments."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = Session(engine)
        self.user_id = self._add(
            User, username="tracer", full_name="T", role="operator", password_hash="x"
        )

    def _add(self, model: type[Any], **values: Any) -> int:
        row = model(**values)
        self.session.add(row)
        self.session.flush()
        return int(row.id) if isinstance(row.id, int) else 0

    def event(self, kind: str, item_id: int | None = None) -> uuid.UUID:
        event = uuid.uuid4()
        self._add(Event, id=event, kind=kind, item_id=item_id, station_time=NOW, data={})
        return event

    def item(self, kind: str, status: str = "released", **values: Any) -> int:
        return self._add(Item, kind=kind, status=status, **values)

    def link(self, parent: int, child: int, quantity: str = "1", kind: str = "consume") -> int:
        event = self.event(EventKind.PACK if kind == LinkKind.PACK else EventKind.CONSUME, parent)
        link_id = self._add(
            Link,
            parent_item_id=parent,
            child_item_id=child,
            quantity=Decimal(quantity),
            kind=kind,
            event_id=event,
        )
        reach.linked(self.session.connection(), child, parent)  # as the services keep it
        return link_id

    def remove(self, link_id: int) -> None:
        event = self.event(EventKind.UNPACK)
        self.session.execute(update(Link).where(Link.id == link_id).values(removed_event_id=event))
        parent = self.session.scalar(select(Link.parent_item_id).where(Link.id == link_id))
        assert parent is not None
        reach.unlinked(self.session.connection(), parent)

    def customer(self, code: str) -> int:
        return self._add(Customer, code=code, name=f"Customer {code}")

    def site(self, name: str, customer_id: int | None) -> int:
        return self._add(Site, name=name, customer_id=customer_id)

    def ship(self, number: str, customer_id: int, site_id: int | None, *items: int) -> int:
        shipment = self._add(
            Shipment, number=number, customer_id=customer_id, site_id=site_id, shipped_at=NOW
        )
        for item_id in items:
            self.session.execute(insert(ShipmentLine).values(shipment_id=shipment, item_id=item_id))
        return shipment

    def service(self, item_id: int, kind: str, site_id: int) -> int:
        return self._add(
            ServiceRecord,
            item_id=item_id,
            kind=kind,
            site_id=site_id,
            performed_at=NOW,
            user_id=self.user_id,
            event_id=self.event(kind, item_id),
        )

    def commit(self) -> None:
        self.session.commit()
        self.session.close()


@dataclass
class Plant:
    """Ids of the small plant (see ``plant``)."""

    ids: dict[str, int] = field(default_factory=dict)  # items only
    links: dict[str, int] = field(default_factory=dict)
    other: dict[str, int] = field(default_factory=dict)  # master data, shipments, records

    def __getitem__(self, name: str) -> int:
        return self.ids[name] if name in self.ids else self.other[name]

    def name_of(self, item_id: int) -> str:
        return next(name for name, value in self.ids.items() if value == item_id)


def _master(g: Graph, p: Plant) -> None:
    supplier = g._add(Supplier, code="SUP", name="Supplier")
    resin = g._add(Part, part_number="RESIN", name="Resin", gtin=RESIN_GTIN, tracking="lot")
    screw = g._add(Part, part_number="SCREW", name="Screw", tracking="lot")
    pcb = g._add(Part, part_number="PCB", name="Board", tracking="serial")
    pump = g._add(Product, gtin=PUMP_GTIN, name="Pump", tracking="serial")
    kit = g._add(Product, gtin=KIT_GTIN, name="Kit", tracking="lot")
    p.other.update(supplier=supplier, resin=resin, screw=screw, pcb=pcb, pump=pump, kit=kit)
    p.other["wo1"] = g._add(WorkOrder, number="WO-1", product_id=pump, quantity=4, lot="W1")
    p.other["wo2"] = g._add(WorkOrder, number="WO-2", product_id=kit, quantity=20, lot="K1")


def _materials(g: Graph, p: Plant) -> None:
    def lot(part: str, number: str, gtin: str | None = None, qty: str = "1000") -> int:
        return g.item(
            "material_lot",
            part_id=p[part],
            supplier_id=p["supplier"],
            gtin=gtin,
            lot=number,
            supplier_lot=f"SUP-{number}",
            quantity=Decimal(qty),
        )

    p.ids["M1"] = lot("resin", "R-1", RESIN_GTIN)
    p.ids["M2"] = lot("resin", "R-2", RESIN_GTIN)
    p.ids["M3"] = lot("screw", "SC-1")
    for n in (1, 2):
        p.ids[f"P{n}"] = g.item(
            "unit", part_id=p["pcb"], serial=f"PCB{n}", supplier_lot="SUP-PCB-A"
        )


def _build(g: Graph, p: Plant) -> None:
    """Pump units U1-U4 (work order 1); kit production lot PL2 (lot-controlled)."""
    wo1: dict[str, Any] = {
        "product_id": p["pump"],
        "work_order_id": p["wo1"],
        "gtin": PUMP_GTIN,
        "lot": "W1",
    }
    p.ids["PL1"] = g.item("production_lot", **wo1)
    for n in range(1, 5):
        p.ids[f"U{n}"] = g.item("unit", serial=f"SN{n}", **wo1)
    for unit, parts in {
        "U1": ("M1", "M3", "P1"),
        "U2": ("M1", "M3", "P2"),
        "U3": ("M2", "M3"),
    }.items():
        for part in parts:
            qty = {"M1": "2.5", "M2": "2.5", "M3": "4"}.get(part, "1")
            p.links[f"{unit}<{part}"] = g.link(p[unit], p[part], qty)
    # U4 was built with resin lot M1, then reworked: M1 removed, M2 put in instead.
    p.links["U4<M1"] = g.link(p["U4"], p["M1"], "2.5")
    g.remove(p.links["U4<M1"])
    p.links["U4<M2"] = g.link(p["U4"], p["M2"], "2.5")
    kit: dict[str, Any] = {
        "product_id": p["kit"],
        "work_order_id": p["wo2"],
        "gtin": KIT_GTIN,
        "lot": "K1",
    }
    p.ids["PL2"] = g.item("production_lot", quantity=Decimal(20), **kit)
    p.links["PL2<M3"] = g.link(p["PL2"], p["M3"], "100")


def _pack_and_ship(g: Graph, p: Plant) -> None:
    for n in range(1, 6):
        p.ids[f"C{n}"] = g.item("case", sscc=sscc(n))
    p.ids["PA1"] = g.item("pallet", sscc=sscc(100))
    for case, child in (("C1", "U1"), ("C1", "U2"), ("C2", "U3"), ("C2", "U4")):
        p.links[f"{case}<{child}"] = g.link(p[case], p[child], kind="pack")
    # U2 moved from case C1 to case C3 (C1 disaggregated for U2, U2 packed again).
    g.remove(p.links["C1<U2"])
    p.links["C3<U2"] = g.link(p["C3"], p["U2"], kind="pack")
    for case in ("C1", "C2"):
        p.links[f"PA1<{case}"] = g.link(p["PA1"], p[case], kind="pack")
    p.links["C4<PL2"] = g.link(p["C4"], p["PL2"], "10", kind="pack")
    p.links["C5<PL2"] = g.link(p["C5"], p["PL2"], "10", kind="pack")
    a, b = g.customer("A"), g.customer("B")
    a1, a2, b1 = g.site("A-North", a), g.site("A-South", a), g.site("B-Main", b)
    p.other.update(custA=a, custB=b, siteA1=a1, siteA2=a2, siteB1=b1)
    p.other["SH-A"] = g.ship("SH-A", a, a1, p["PA1"])  # the pallet: C1 (U1) and C2 (U3, U4)
    p.other["SH-B"] = g.ship("SH-B", b, b1, p["C3"])  # the case U2 was moved into
    p.other["SH-K"] = g.ship("SH-K", a, a2, p["C4"])  # ten kits
    p.other["svc-U1"] = g.service(p["U1"], "installation", a1)
    p.other["svc-U3"] = g.service(p["U3"], "installation", a1)
    p.other["svc-U2"] = g.service(p["U2"], "installation", b1)


def plant(engine: Engine) -> Plant:
    """The plant: 3 material lots, 2 serialised boards, 4 pumps, a kit lot, 5 cases, a pallet."""
    g, p = Graph(engine), Plant()
    _master(g, p)
    _materials(g, p)
    _build(g, p)
    _pack_and_ship(g, p)
    g.commit()
    return p
