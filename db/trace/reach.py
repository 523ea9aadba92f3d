"""The reach table kept with the links: every item each item reaches over current links.

``reach(source, target, depth)`` says that ``target`` is reached forward from ``source``
(``source`` went into ``target``, directly or through assemblies, cases and pallets) over links
never removed, ``depth`` links away at the fewest. It is a closure of ``links`` kept in the same
transaction as every link written:

- ``linked(conn, child, parent)`` after a link is added: every source of the child (and the
  child) now reaches the parent and every target of the parent (one ``INSERT ... SELECT``; a
  pair already there keeps the smaller depth);
- ``unlinked(conn, parent)`` after a link into ``parent`` is removed (rework, disaggregation,
  repair): the sources of the parent and of every target of the parent are recomputed from
  ``links`` by a backward walk each (the pairs that still hold through another path stay);
- an item that reaches itself is a cycle in the links (bad data): its pair is kept with the
  cycle's length (``ix_reach_cycles`` holds only those), and the summary counts such items;
- ``rebuild(conn)`` computes the whole table from ``links`` level by level (a migration's
  backfill, a bulk-loaded data set); ``differences(conn)`` compares the table with ``links``
  (``lotline audit verify`` reports any difference: the table is derived and must never be
  trusted blindly).

A current-scope trace (a recall's scope, its counts, its listing) reads one index range of
this table instead of walking (``scope_walk``): a lot in 200,000 units is 219,000 index entries
read in order, not 219,000 probes of a recursive walk. Membership of units in a production lot
is not a link and stays at the root (``walk._anchor``), as in the walk.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    CTE,
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    and_,
    bindparam,
    delete,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite

from db.models import Item, Link, Reach
from db.trace.model import Direction
from db.trace.walk import MAX_DEPTH, ROOT, best_reach, item_set, lean_walk, params, start

_CURRENT = Link.removed_event_id.is_(None)
COLUMNS = ["source_item_id", "target_item_id", "depth", "source_kind", "target_kind"]


def _insert(dialect_name: str, table: Any = None) -> Any:
    """An INSERT into ``table`` (the reach table when None) in the dialect named, whose
    INSERT has ON CONFLICT (both databases')."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return dialect.insert(Reach.__table__ if table is None else table)


_CHILD, _PARENT = bindparam("child", type_=BigInteger), bindparam("parent", type_=BigInteger)


def _end(item: Any, near: Any, far: Any, kind: Any) -> Any:
    """The item itself (depth 0, its kind) and what is joined to it through the reach."""
    return union_all(
        select(
            item.label("item"),
            literal(0, Integer).label("d"),
            select(Item.kind).where(Item.id == item).scalar_subquery().label("kind"),
        ),
        select(far, Reach.depth, kind).where(near == item),
    )


@lru_cache(maxsize=2)
def _linking(dialect_name: str) -> Any:
    """The statement of ``linked`` for a dialect (built once; ``child`` and ``parent`` bound)."""
    sources = _end(_CHILD, Reach.target_item_id, Reach.source_item_id, Reach.source_kind)
    targets = _end(_PARENT, Reach.source_item_id, Reach.target_item_id, Reach.target_kind)
    s, t = sources.subquery("s"), targets.subquery("t")
    # (where ``s == t`` the link closed a cycle, bad data: kept, the summary reports it)
    pairs = (
        select(s.c.item, t.c.item, func.min(s.c.d + t.c.d + 1), s.c.kind, t.c.kind)
        .select_from(s.join(t, true()))  # every source with every target
        .where(true())  # (SQLite parses ON CONFLICT after a WHERE without ambiguity)
        .group_by(s.c.item, t.c.item, s.c.kind, t.c.kind)
    )  # grouped: an item in a cycle is its own source too
    stmt = _insert(dialect_name).from_select(COLUMNS, pairs)
    return stmt.on_conflict_do_update(
        index_elements=["source_item_id", "target_item_id"],
        set_={"depth": stmt.excluded.depth},
        where=stmt.excluded.depth < Reach.depth,
    )


#: The item rows of a parent and of every item it reaches, locked in id order (one statement).
_LOCKING = (
    select(Item.id)
    .where(
        Item.id.in_(
            union_all(
                select(_PARENT),
                select(Reach.target_item_id).where(Reach.source_item_id == _PARENT),
            )
        )
    )
    .order_by(Item.id)
    .with_for_update()
)


def _lock_targets(conn: Connection, parent_id: int) -> list[int]:
    """Lock the item rows of the parent and of every item it reaches, in id order, and return
    them, the parent first: two transactions that change the reach of the same items (two units
    unpacked from one case at once) take turns, and the second reads what the first committed.
    SQLite takes one writer at a time anyway (no FOR UPDATE there)."""
    locked = conn.scalars(_LOCKING, {"parent": parent_id}).all()
    return [parent_id, *(item for item in locked if item != parent_id)]


def linked(conn: Connection, child_id: int, parent_id: int) -> None:
    """A current link ``child -> parent`` was added: extend the reach with it (every source
    of the child, and the child, now reaches the parent and every target of the parent)."""
    _lock_targets(conn, parent_id)
    conn.execute(_linking(conn.dialect.name), {"child": child_id, "parent": parent_id})


@lru_cache(maxsize=2)
def _refilling(dialect_name: str) -> Any:
    """The statement of ``unlinked`` for a dialect (built once; ``root`` bound): the sources of
    the root, from a backward walk over current links, with their kinds."""
    walked = lean_walk(Direction.BACKWARD, include_removed=False)
    root = bindparam(ROOT, type_=BigInteger)
    near = (  # depth 0 is the root itself; the root again further on is a cycle
        select(walked.c.item_id, func.min(walked.c.depth).label("depth"))
        .where(walked.c.depth > 0)
        .group_by(walked.c.item_id)
        .subquery("near")
    )
    source, target = Item.__table__.alias("source"), Item.__table__.alias("target")
    again = (
        select(near.c.item_id, root, near.c.depth, source.c.kind, target.c.kind)
        .join_from(near, source, source.c.id == near.c.item_id)
        .join(target, target.c.id == root)
    )
    return _insert(dialect_name).from_select(COLUMNS, again).on_conflict_do_nothing()


def unlinked(conn: Connection, parent_id: int) -> None:
    """A link into ``parent`` was removed: recompute what reaches the parent and its targets."""
    refill = _refilling(conn.dialect.name)
    for item in _lock_targets(conn, parent_id):
        conn.execute(delete(Reach).where(Reach.target_item_id == item))
        conn.execute(refill, params(item, None))


def _level(conn: Connection, into: Any, depth: int) -> int:
    """Add the pairs ``depth`` links apart that no shorter way joins; the number added."""
    target = Item.__table__.alias("target")
    if depth == 1:
        source = Item.__table__.alias("source")
        found = (
            select(Link.child_item_id, Link.parent_item_id, literal(1, Integer))
            .add_columns(source.c.kind, target.c.kind)
            .join(source, source.c.id == Link.child_item_id)
            .join(target, target.c.id == Link.parent_item_id)
            .where(_CURRENT)
        )
    else:
        found = (
            select(into.c.source_item_id, Link.parent_item_id, literal(depth, Integer))
            .add_columns(into.c.source_kind, target.c.kind)
            .join_from(into, Link, and_(Link.child_item_id == into.c.target_item_id, _CURRENT))
            .join(target, target.c.id == Link.parent_item_id)
            .where(into.c.depth == depth - 1)
        )
    stmt = _insert(conn.dialect.name, into).from_select(COLUMNS, found).on_conflict_do_nothing()
    done = conn.execute(stmt, execution_options={"preserve_rowcount": True})
    return max(int(done.rowcount or 0), 0)


def fill(conn: Connection, into: Any = None) -> int:
    """Compute the reach from ``links`` into the empty table ``into`` (the reach table when
    None), breadth first: a pair found at a lower level is never replaced. Rows written."""
    table = Reach.__table__ if into is None else into
    written, depth = 0, 1
    while depth <= MAX_DEPTH:
        added = _level(conn, table, depth)
        if not added:
            break
        written, depth = written + added, depth + 1
    return written


def rebuild(conn: Connection) -> int:
    """Replace the whole reach table with what ``links`` say now; rows written."""
    conn.execute(delete(Reach))
    return fill(conn)


def scope_walk(direction: Direction, members: bool = False) -> CTE:
    """The current scope as the rows ``(item_id, depth, removed)`` a lean walk gives, read from
    the reach table: the root (and the units of a root production lot) and what they reach.
    ``walk.best_reach`` keeps each item once, as for the walk."""
    anchor = start(members, with_link=False).cte("trace_anchor")
    near, far, _ = _ends(direction)
    reached = select(far, anchor.c.depth + Reach.depth, literal(0, Integer)).join_from(
        anchor, Reach, near == anchor.c.item_id
    )
    return union_all(select(anchor), reached).cte("trace_reach")


def differences(conn: Connection, limit: int = 5) -> tuple[int, list[str]]:
    """How many pairs the reach table has wrong (missing, extra, at a wrong depth or with a
    wrong kind) against
    what ``links`` say, and up to ``limit`` of them in words. Reads only; the expected table is
    computed in a temporary table of this connection."""
    expected = _scratch(conn)
    try:
        fill(conn, expected)
        stored = Reach.__table__
        wrong: list[str] = []
        count = 0
        for name, a, b in (("missing", expected, stored), ("not in links", stored, expected)):
            odd = select(*(a.c[c] for c in COLUMNS)).except_(select(*(b.c[c] for c in COLUMNS)))
            rows = conn.execute(odd.subquery().select()).all()
            count += len(rows)
            wrong += [
                f"item:{s} ({sk}) -> item:{t} ({tk}) at depth {d}: {name}"
                for s, t, d, sk, tk in rows[:limit]
            ]
        return count, wrong[:limit]
    finally:
        expected.drop(conn)


def _scratch(conn: Connection) -> Any:
    """A temporary table of this connection shaped like the reach table (the expected pairs)."""
    table = Table(
        "reach_expected",
        MetaData(),
        Column("source_item_id", BigInteger, nullable=False),
        Column("target_item_id", BigInteger, nullable=False),
        Column("depth", Integer, nullable=False),
        Column("source_kind", String(16), nullable=False),
        Column("target_kind", String(16), nullable=False),
        PrimaryKeyConstraint("source_item_id", "target_item_id"),
        prefixes=["TEMPORARY"],
    )
    table.create(conn)
    return table


def scope_of(direction: Direction, include_removed: bool, members: bool) -> tuple[CTE, Any]:
    """``(trace_scope(item_id, best[, kind]), deepest)``: each item of a flat scope once with its
    best reach (``walk.best_reach``), and the deepest level the rows behind it went to. Read
    from the reach table without members, the scope carries each item's kind as well.

    The current scope reads the reach table; a root that is not a production lot binds the
    root in the index condition itself (``reach.source = :root``), so PostgreSQL plans with the
    root's own row count from its statistics (a broad lot: hash joins, not 200,000 probes) and
    the rows need no grouping (one per item). A history scope walks the links (removed links
    are not in the reach table)."""
    if include_removed or members:
        walked = (
            lean_walk(direction, include_removed, members)
            if include_removed
            else scope_walk(direction, members)
        )
        return best_reach(walked), select(func.max(walked.c.depth)).scalar_subquery()
    near, far, kind = _ends(direction)
    root = bindparam(ROOT, type_=BigInteger)
    root_kind = select(Item.kind).where(Item.id == root).scalar_subquery()
    scope = union_all(
        select(root.label("item_id"), literal(0, Integer).label("best"), root_kind.label("kind")),
        select(far, Reach.depth, kind).where(near == root, far != root),
    ).cte("trace_scope")
    return scope, select(func.max(scope.c.best)).scalar_subquery()


def item_scope(direction: Direction, include_removed: bool, members: bool) -> CTE:
    """``trace_items(item_id, removed)``: each item of a scope once (``walk.item_set``), read
    from the reach table for the current scope (``removed`` is then always 0)."""
    if include_removed:
        return item_set(lean_walk(direction, include_removed, members))
    scope, _ = scope_of(direction, include_removed, members)
    return select(scope.c.item_id, literal(0, Integer).label("removed")).cte("trace_items")


def _ends(direction: Direction) -> tuple[Any, Any, Any]:
    """The reach columns of the item a scope starts from, of the items reached, of their kind."""
    if direction == Direction.FORWARD:
        return Reach.source_item_id, Reach.target_item_id, Reach.target_kind
    return Reach.target_item_id, Reach.source_item_id, Reach.source_kind


def has_cycles(conn: Connection) -> bool:
    """Whether any item reaches itself (a cycle in the links: bad data; normally never)."""
    found = conn.scalar(
        select(Reach.source_item_id).where(Reach.source_item_id == Reach.target_item_id).limit(1)
    )
    return found is not None


def in_cycles(scope: CTE) -> Any:
    """How many items of ``scope`` (a ``scope_of`` CTE) reach themselves (read through the
    partial index of cycles, normally empty: the scope is not read at all then)."""
    return (
        select(func.count())
        .select_from(Reach)
        .where(
            Reach.source_item_id == Reach.target_item_id,
            Reach.source_item_id.in_(select(scope.c.item_id)),
        )
        .scalar_subquery()
    )
