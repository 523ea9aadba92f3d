"""The reach table against the links it is derived from: kept link by link, rebuilt, checked."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.orm import Session

from db.audit_verify import verify_all
from db.migrate import downgrade, upgrade
from db.models import Item, Reach
from db.trace import reach
from db.trace.model import Direction
from db.trace.planner import execute
from db.trace.walk import best_reach, lean_walk, member_work_order, params
from desktop.cli import main as lotline
from tests.integration.trace.graph import Graph, Plant, plant


@pytest.fixture
def world(engine: Engine) -> Plant:
    return plant(engine)


def _pairs(engine: Engine) -> set[tuple[int, int, int]]:
    with engine.connect() as conn:
        rows = conn.execute(select(Reach.source_item_id, Reach.target_item_id, Reach.depth))
        return {(s, t, d) for s, t, d in rows}


def _scope(session: Session, root: int, way: Direction, walked: bool) -> dict[int, int]:
    """item -> depth of the current scope, read from the reach table or walked over links."""
    members = member_work_order(session, root)
    if walked:
        source = lean_walk(way, include_removed=False, members=members is not None)
    else:
        source = reach.scope_walk(way, members=members is not None)
    scope = best_reach(source)
    rows = execute(session, select(scope.c.item_id, scope.c.best), params(root, members))
    return {item: best for item, best in rows}


def test_every_current_scope_read_from_the_reach_is_the_walked_one(
    engine: Engine, world: Plant
) -> None:
    """Rework (U4's resin swapped), a unit moved between cases, production-lot membership,
    lot-controlled kits in cases: every item, both directions, the same items at the same
    depths as the recursive walk over the links."""
    with Session(engine) as s:
        items = s.scalars(select(Item.id)).all()
        for root in items:
            for way in Direction:
                assert _scope(s, root, way, walked=False) == _scope(s, root, way, walked=True), (
                    f"{world.name_of(root) if root in world.ids.values() else root} {way}"
                )
        with s.connection() as conn:
            assert reach.differences(conn) == (0, [])


def test_a_removed_link_takes_back_only_what_no_other_path_gives(
    engine: Engine, world: Plant
) -> None:
    pairs = _pairs(engine)
    m1, m2, u2, u4 = world["M1"], world["M2"], world["U2"], world["U4"]
    c1, c3, pa1 = world["C1"], world["C3"], world["PA1"]
    assert (m1, u4, 1) not in pairs and (m2, u4, 1) in pairs  # U4 reworked: M2, not M1
    assert (u2, c1, 1) not in pairs and (u2, c3, 1) in pairs  # U2 moved from C1 to C3
    assert (m1, pa1, 3) in pairs  # M1 still reaches the pallet through U1 in C1
    assert (u2, pa1, 2) not in pairs  # but U2 no longer does (C3 is not on it)


def test_rebuilt_from_the_links_it_is_what_was_kept(engine: Engine, world: Plant) -> None:
    kept = _pairs(engine)
    with engine.begin() as conn:
        assert reach.rebuild(conn) == len(kept)
    assert _pairs(engine) == kept


def test_the_migration_fills_it_from_the_links_already_recorded(
    engine: Engine, world: Plant
) -> None:
    kept = _pairs(engine)
    downgrade(engine, "0014_links_current_child")
    with engine.connect() as conn:
        assert "reach" not in engine.dialect.get_table_names(conn)
    upgrade(engine)
    assert _pairs(engine) == kept


def test_a_cycle_is_kept_and_counted_not_walked_round(engine: Engine) -> None:
    g = Graph(engine)
    a, b, c = (g.item("unit", serial=s) for s in ("CY-A", "CY-B", "CY-C"))
    g.link(b, a)
    g.link(a, b)
    g.link(c, b)
    g.commit()
    pairs = _pairs(engine)
    assert {(a, a, 2), (b, b, 2), (a, c, 2), (b, c, 1)} <= pairs
    with engine.begin() as conn:
        assert reach.differences(conn) == (0, [])
        reach.rebuild(conn)
    assert _pairs(engine) == pairs


def test_verify_names_a_pair_changed_outside_lotline_and_rebuild_reach_mends_it(
    engine: Engine, world: Plant, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone with database rights hides a unit from a recall and adds a false reach: verify
    fails naming both, the owner's rebuild puts the links' truth back."""
    m1, u1, u3 = world["M1"], world["U1"], world["U3"]
    with engine.begin() as conn:
        conn.execute(delete(Reach).where(Reach.source_item_id == m1, Reach.target_item_id == u1))
        conn.execute(
            update(Reach)
            .where(Reach.source_item_id == world["M2"], Reach.target_item_id == u3)
            .values(depth=2)
        )
    # (these hand-made rows have no audit entries: verify finds that too, and says so apart)
    assert not [p for p in verify_all(engine).problems if "reach" in p]  # checked when asked
    (problem,) = [p for p in verify_all(engine, reach=True).problems if "reach" in p]
    assert f"item:{m1} (material_lot) -> item:{u1} (unit) at depth 1: missing" in problem
    assert "in 3 pair(s)" in problem  # one missing, one at a wrong depth (missing + extra)
    url = engine.url.render_as_string(hide_password=False)
    assert lotline(["audit", "verify", "--database", url, "--reach"]) == 1
    assert "the reach table (recall scopes) disagrees" in capsys.readouterr().out
    assert lotline(["db", "rebuild-reach", "--database", url]) == 0
    said = capsys.readouterr().out
    assert "pair(s) were wrong" in said and f"item:{m1} (material_lot) -> item:{u1} (unit)" in said
    assert not [p for p in verify_all(engine, reach=True).problems if "reach" in p]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reach")).scalar_one() == len(_pairs(engine))


@pytest.mark.postgres
def test_two_stations_unpacking_one_case_at_once_leave_the_reach_true(postgres_url: str) -> None:
    """Two transactions each take a unit out of the same case and recompute the case's reach;
    the second waits for the first and recomputes from what the first committed."""
    import threading

    from db.engine import make_engine
    from db.models import Link

    engine = make_engine(postgres_url)
    g = Graph(engine)
    lot = g.item("material_lot", lot="L-1")
    units = [g.item("unit", serial=f"UP-{n}") for n in range(3)]
    case, pallet = g.item("case"), g.item("pallet")
    links = []
    for unit in units:
        g.link(unit, lot)
        links.append(g.link(case, unit, kind="pack"))
    g.link(pallet, case, kind="pack")
    removal = g.event("unpack")
    g.commit()

    def unpack(conn: Any, link_id: int) -> None:
        conn.execute(update(Link).where(Link.id == link_id).values(removed_event_id=removal))
        reach.unlinked(conn, case)

    first, second = engine.connect(), engine.connect()
    first.begin()
    unpack(first, links[0])
    done: list[BaseException | None] = []

    def other() -> None:
        try:
            second.begin()
            unpack(second, links[1])
            second.commit()
            done.append(None)
        except BaseException as exc:
            done.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(0.5)  # the second is now waiting on the first
    first.commit()
    thread.join(30)
    first.close()
    second.close()
    assert done == [None]
    with engine.begin() as conn:
        assert reach.differences(conn) == (0, [])
    pairs = _pairs(engine)
    assert (units[2], case, 1) in pairs and (units[0], case, 1) not in pairs
    assert (units[1], pallet, 2) not in pairs and (lot, pallet, 3) in pairs
    engine.dispose()
