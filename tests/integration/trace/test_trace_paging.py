"""Keyset pages, streaming, cycles in bad data, and item resolution, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.trace import MAX_DEPTH, Direction, find_items, forward, summary, trace_page
from tests.integration.trace.graph import PUMP_GTIN, Graph, Plant, plant, sscc


def _fan_out(engine: Engine, units: int = 57) -> int:
    """A lot consumed into ``units`` units, packed five per case, cases on two pallets."""
    g = Graph(engine)
    lot = g.item("material_lot", lot="FAN")
    pallets = [g.item("pallet", sscc=sscc(900 + n)) for n in range(2)]
    case = 0
    for n in range(units):
        unit = g.item("unit", serial=f"F{n}")
        g.link(unit, lot)
        if n % 5 == 0:
            case = g.item("case", sscc=sscc(1000 + n))
            g.link(pallets[n % 2], case, kind="pack")
        g.link(case, unit, kind="pack")
    g.commit()
    return lot


def test_pages_return_every_node_exactly_once(engine: Engine) -> None:
    lot = _fan_out(engine)
    with Session(engine) as s:
        streamed = [n.item_id for n in forward(s, lot, batch_size=7)]
        paged: list[int] = []
        after: int | None = None
        pages = 0
        while True:
            page = trace_page(s, lot, Direction.FORWARD, after=after, limit=10)
            paged += [n.item_id for n in page.nodes]
            pages += 1
            if page.next_after is None:
                break
            after = page.next_after
    assert len(streamed) == 1 + 57 + 12 + 2
    assert paged == streamed == sorted(set(streamed))
    assert pages == 8  # 72 nodes: seven full pages and one of two


def test_an_exact_last_page_says_there_is_no_next(engine: Engine) -> None:
    lot = _fan_out(engine, units=9)  # 1 lot + 9 units + 2 cases + 2 pallets = 14
    with Session(engine) as s:
        first = trace_page(s, lot, Direction.FORWARD, limit=7)
        second = trace_page(s, lot, Direction.FORWARD, after=first.next_after, limit=7)
        with pytest.raises(ValueError, match="at least 1"):
            trace_page(s, lot, Direction.FORWARD, limit=0)
    assert len(first.nodes) == len(second.nodes) == 7
    assert second.next_after is None


def test_streaming_by_depth_lists_every_via_neighbour_first(engine: Engine) -> None:
    lot = _fan_out(engine, units=12)
    with Session(engine) as s:
        nodes = list(forward(s, lot, by_depth=True))
    seen: set[int] = set()
    for node in nodes:
        assert node.via_item_id is None or node.via_item_id in seen
        seen.add(node.item_id)
    assert [n.depth for n in nodes] == sorted(n.depth for n in nodes)


def test_a_cycle_in_bad_data_terminates(engine: Engine) -> None:
    g = Graph(engine)
    a, b, c = (g.item("unit", serial=s) for s in ("CY-A", "CY-B", "CY-C"))
    g.link(b, a)  # a went into b ...
    g.link(a, b)  # ... and b into a: impossible, but bad data happens
    g.link(c, c)  # an item consumed into itself
    g.link(c, b)
    g.commit()
    with Session(engine) as s:
        fwd = {n.item_id: n.depth for n in forward(s, a)}
        total = summary(s, a, Direction.FORWARD)
        selfish = {n.item_id for n in forward(s, c)}
        back = summary(s, c, Direction.BACKWARD)
    assert fwd == {a: 0, b: 1, c: 2}
    # the current scope comes from the reach table: the cycle is counted, not walked round
    assert total.in_cycles == 3 and total.items == 2 and not total.depth_limit_reached
    assert total.max_depth == 2 < MAX_DEPTH
    assert selfish == {c}
    assert back.items == 2 and back.in_cycles == 3
    with Session(engine) as s:  # the walk of a history scope stops at the depth limit
        walked = summary(s, a, Direction.FORWARD, include_removed=True)
    assert walked.depth_limit_reached and walked.items == 2


@pytest.fixture
def world(engine: Engine) -> Plant:
    return plant(engine)


def test_find_items_by_each_identifier(engine: Engine, world: Plant) -> None:
    with Session(engine) as s:
        by_serial = find_items(s, gtin=PUMP_GTIN, serial="SN2")
        by_lot = find_items(s, gtin=PUMP_GTIN, lot="W1")
        by_sscc = find_items(s, sscc=sscc(100))
        by_supplier = find_items(s, supplier_lot="SUP-R-2")
        by_id = find_items(s, item_id=world["M3"])
        by_both = find_items(s, gtin=PUMP_GTIN, lot="W9", serial="SN2")
        with pytest.raises(ValueError, match="at least one"):
            find_items(s)
    assert [i.id for i in by_serial] == [world["U2"]]
    assert [i.id for i in by_lot] == [world[n] for n in ("PL1", "U1", "U2", "U3", "U4")]
    assert [i.id for i in by_sscc] == [world["PA1"]]
    assert [i.id for i in by_supplier] == [world["M2"]]
    assert [i.kind for i in by_id] == ["material_lot"]
    assert by_both == []


def test_postgresql_planner_settings_are_put_back(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    lot = _fan_out(engine, units=3)
    asked = text("SELECT current_setting('enable_hashjoin'), current_setting('jit')")
    with Session(engine) as s:
        s.execute(text("SET LOCAL enable_mergejoin = off"))
        before = tuple(s.execute(asked).one())
        nodes = list(forward(s, lot))
        summary(s, lot, Direction.FORWARD)
        after = tuple(s.execute(asked).one())
        mergejoin = s.scalar(text("SELECT current_setting('enable_mergejoin')"))
    engine.dispose()
    assert len(nodes) == 1 + 3 + 1 + 1
    assert after == before and before[0] == "on"
    assert mergejoin == "off"  # the caller's own setting is kept too
