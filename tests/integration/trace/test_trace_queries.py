"""Backward and forward trace on hand-made graphs, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from db.trace import (
    MEMBER,
    Direction,
    TraceNode,
    backward,
    forward,
    forward_service,
    forward_shipments,
    summary,
)
from tests.integration.trace.graph import Plant, plant


@pytest.fixture
def world(engine: Engine) -> Plant:
    return plant(engine)


def _nodes(engine: Engine, root: int, direction: Direction, **kw: bool) -> dict[int, TraceNode]:
    with Session(engine) as s:
        run = forward if direction is Direction.FORWARD else backward
        return {n.item_id: n for n in run(s, root, **kw)}


def _names(p: Plant, nodes: dict[int, TraceNode]) -> set[str]:
    return {p.name_of(i) for i in nodes}


def test_backward_from_a_unit_reaches_its_lots_and_serialised_parts(
    engine: Engine, world: Plant
) -> None:
    nodes = _nodes(engine, world["U1"], Direction.BACKWARD)
    assert _names(world, nodes) == {"U1", "M1", "M3", "P1"}
    assert nodes[world["U1"]].depth == 0 and nodes[world["U1"]].via_item_id is None
    m1 = nodes[world["M1"]]
    assert (m1.depth, m1.via_item_id, m1.via_kind) == (1, world["U1"], "consume")
    assert m1.quantity == Decimal("2.5") and m1.supplier_lot == "SUP-R-1"
    assert nodes[world["P1"]].supplier_lot == "SUP-PCB-A"


def test_backward_from_a_pallet_goes_down_to_supplier_lots_with_depths(
    engine: Engine, world: Plant
) -> None:
    nodes = _nodes(engine, world["PA1"], Direction.BACKWARD)
    depth = {world.name_of(i): n.depth for i, n in nodes.items()}
    # U2 left case C1 (disaggregated): neither U2 nor its board P2 is in the pallet now.
    assert depth == {
        "PA1": 0, "C1": 1, "C2": 1, "U1": 2, "U3": 2, "U4": 2,
        "M1": 3, "M2": 3, "M3": 3, "P1": 3,
    }  # fmt: skip
    assert all(n.current for n in nodes.values())
    assert nodes[world["C1"]].via_kind == "pack"


def test_forward_from_a_lot_reaches_units_cases_pallets(engine: Engine, world: Plant) -> None:
    nodes = _nodes(engine, world["M1"], Direction.FORWARD)
    # U4 was reworked (M1 replaced by M2): it is out of M1's current scope.
    assert _names(world, nodes) == {"M1", "U1", "U2", "C1", "C3", "PA1"}
    assert nodes[world["PA1"]].depth == 3 and nodes[world["PA1"]].via_item_id == world["C1"]


def test_multi_unit_build_and_partial_lot_consumption(engine: Engine, world: Plant) -> None:
    nodes = _nodes(engine, world["M3"], Direction.FORWARD)
    consumers = {world.name_of(i): n.quantity for i, n in nodes.items() if n.depth == 1}
    assert consumers == {"U1": Decimal(4), "U2": Decimal(4), "U3": Decimal(4), "PL2": Decimal(100)}
    # The lot-controlled kit lot goes on in cases of ten.
    kits = {world.name_of(i): n.quantity for i, n in nodes.items() if n.via_item_id == world["PL2"]}
    assert kits == {"C4": Decimal(10), "C5": Decimal(10)}


def test_forward_reaches_shipments_customers_and_installed_sites(
    engine: Engine, world: Plant
) -> None:
    with Session(engine) as s:
        shipped = list(forward_shipments(s, world["M1"]))
        service = list(forward_service(s, world["M1"]))
    assert {(x.number, x.customer_code, x.site_name) for x in shipped} == {
        ("SH-A", "A", "A-North"),
        ("SH-B", "B", "B-Main"),
    }
    assert {(x.item_id, x.site_name, x.kind) for x in service} == {
        (world["U1"], "A-North", "installation"),
        (world["U2"], "B-Main", "installation"),
    }


def test_rework_removed_component_is_history_not_current_scope(
    engine: Engine, world: Plant
) -> None:
    current = _nodes(engine, world["U4"], Direction.BACKWARD)
    assert _names(world, current) == {"U4", "M2"}
    history = _nodes(engine, world["U4"], Direction.BACKWARD, include_removed=True)
    assert _names(world, history) == {"U4", "M1", "M2"}
    assert not history[world["M1"]].current and history[world["M2"]].current
    assert history[world["M1"]].via_link_id == world.links["U4<M1"]


def test_disaggregation_moves_the_forward_scope_to_the_new_case(
    engine: Engine, world: Plant
) -> None:
    nodes = _nodes(engine, world["P2"], Direction.FORWARD)
    assert _names(world, nodes) == {"P2", "U2", "C3"}
    with Session(engine) as s:
        assert [x.number for x in forward_shipments(s, world["P2"])] == ["SH-B"]
        history = list(forward_shipments(s, world["P2"], include_removed=True))
    assert {(x.number, x.current) for x in history} == {("SH-B", True), ("SH-A", False)}


def test_history_prefers_the_current_path_when_both_exist(engine: Engine, world: Plant) -> None:
    history = _nodes(engine, world["M1"], Direction.FORWARD, include_removed=True)
    assert not history[world["U4"]].current  # only through the removed rework link
    assert history[world["C1"]].current  # through U1, although the U2 -> C1 link was removed
    assert history[world["PA1"]].current


def test_forward_from_a_production_lot_reaches_its_units(engine: Engine, world: Plant) -> None:
    nodes = _nodes(engine, world["PL1"], Direction.FORWARD)
    assert _names(world, nodes) == {"PL1", "U1", "U2", "U3", "U4", "C1", "C2", "C3", "PA1"}
    u1 = nodes[world["U1"]]
    assert (u1.depth, u1.via_kind, u1.via_item_id, u1.via_link_id) == (
        1, MEMBER, world["PL1"], None
    )  # fmt: skip
    back = _nodes(engine, world["PL1"], Direction.BACKWARD)
    assert {"M1", "M2", "M3", "P1", "P2"} <= _names(world, back)


def test_summary_counts_without_fetching(engine: Engine, world: Plant) -> None:
    with Session(engine) as s:
        fwd = summary(s, world["M3"], Direction.FORWARD)
        hist = summary(s, world["M1"], "forward", include_removed=True)
        back = summary(s, world["PA1"], Direction.BACKWARD)
    assert fwd.by_kind == {"case": 5, "pallet": 1, "production_lot": 1, "unit": 3}
    assert fwd.items == 10 and fwd.history_only == 0 and fwd.max_depth == 3
    assert (fwd.shipments, fwd.customers, fwd.ship_to_sites, fwd.installed_sites) == (3, 2, 3, 2)
    assert not fwd.depth_limit_reached
    assert hist.history_only == 2  # U4 (removed rework link) and its case C2
    assert back.by_kind == {"case": 2, "material_lot": 3, "unit": 4}


def test_unknown_root_gives_an_empty_scope(engine: Engine, world: Plant) -> None:
    assert _nodes(engine, 999_999, Direction.FORWARD) == {}
    with Session(engine) as s:
        assert summary(s, 999_999, Direction.FORWARD).items == 0
