"""The recursive walk over ``links``: one SQLAlchemy Core construction for SQLite and PostgreSQL.

``walk(root, direction, include_removed)`` is a recursive CTE of rows
``(item_id, depth, link_id, removed)``: an item, its distance from the root, the link that
reached it and whether the path to it crossed a removed link. It is combined with ``UNION``, so
the same item reached by the same link at the same depth is kept once (diamonds in the graph do
not multiply rows); a cycle in bad data would still produce new rows at ever larger depth, so
the recursive step stops at ``MAX_DEPTH`` (a real genealogy is under ten levels deep).

The anchor is the root item plus, when the root is a production lot, the units built in it
(items of kind ``unit`` with the same work_order_id) at depth 1: for serialised products the
production lot is a membership, not a link (docs/trace.md, "Data conventions"). Callers look
that work order up first (``member_work_order``) and pass it as ``members_of``.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import (
    CTE,
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
)
from sqlalchemy.orm import Session

from db.models import Item, Link
from db.trace.model import Direction

#: Deepest level the walk follows. Only a cycle in bad data (or a pathological graph) reaches
#: it; TraceSummary.depth_limit_reached reports that it was reached.
MAX_DEPTH = 64

#: A Core SELECT of any columns (SQLAlchemy 2.1 types Select by its column tuple).
AnySelect: TypeAlias = Select[*tuple[Any, ...]]


ROOT, MEMBERS = "root", "members_of"  # the bound parameters of every trace statement
_MEMBER_OF = select(Item.work_order_id).where(
    Item.id == bindparam(ROOT, type_=BigInteger), Item.kind == "production_lot"
)


def params(root_id: int, members_of: int | None) -> dict[str, int | None]:
    return {ROOT: root_id, MEMBERS: members_of}


def member_work_order(session: Session, root_id: int) -> int | None:
    """The work order whose units belong to ``root_id``, when the root is a production lot.

    Looked up before the walk is built, so that a plain root gives the planner a one-row anchor
    (PostgreSQL sizes the recursive term from the anchor's estimate: an anchor estimated at
    hundreds of rows makes it hash-join the whole links table at every level).
    """
    found: int | None = session.connection().execute(_MEMBER_OF, {ROOT: root_id}).scalar()
    return found


def start(members: bool, with_link: bool = True) -> AnySelect:
    """The root item at depth 0, and (``members``) the units of its work order at depth 1."""
    is_root = Item.id == bindparam(ROOT, type_=BigInteger)
    where: ColumnElement[bool] = is_root
    if members:
        of_lot = Item.work_order_id == bindparam(MEMBERS, type_=BigInteger)
        where = or_(is_root, and_(of_lot, Item.kind == "unit"))
    link = [cast(null(), BigInteger).label("link_id")] if with_link else []
    return select(
        Item.id.label("item_id"),
        case((is_root, 0), else_=1).label("depth"),
        *link,
        literal(0, Integer).label("removed"),
    ).where(where)


def link_ends(direction: Direction) -> tuple[Any, Any]:
    """(the link column that matches the item walked from, the column of the item walked to)."""
    if direction == Direction.FORWARD:  # also for the plain string "forward"
        return Link.child_item_id, Link.parent_item_id
    return Link.parent_item_id, Link.child_item_id


def _removed(walked: CTE, include_removed: bool) -> ColumnElement[int]:
    """1 when the path to the item crossed a removed link. Without removed links it is always
    0: a constant, so the step reads nothing of a link but its ends (an index-only probe)."""
    if not include_removed:
        return literal(0, Integer)
    return case((or_(walked.c.removed == 1, Link.removed_event_id.is_not(None)), 1), else_=0)


def walk(direction: Direction, include_removed: bool, members: bool = False) -> CTE:
    """The recursive CTE ``trace_walk(item_id, depth, link_id, removed)``.

    Bound parameters: ``root`` (the item id) and, when ``members``, ``members_of`` (the root
    production lot's work order). Statements built on it are cached by shape and executed
    with ``params(root_id, members_of)``.
    """
    walked = start(members).cte("trace_walk", recursive=True)
    near, far = link_ends(direction)
    removed = _removed(walked, include_removed)
    step = (
        select(far, walked.c.depth + 1, Link.id, removed)
        .join_from(walked, Link, near == walked.c.item_id)
        .where(walked.c.depth < MAX_DEPTH)
    )
    if not include_removed:
        step = step.where(Link.removed_event_id.is_(None))
    return walked.union(step)


def lean_walk(direction: Direction, include_removed: bool, members: bool = False) -> CTE:
    """The recursive CTE ``trace_reach(item_id, depth, removed)``: the walk without the link.

    Without the link column an item reached over many links (a case holding ten units of the
    lot) is one row per depth, not one per link, and is walked on from once: a broad scope
    (200,000 units) costs one index probe per item instead of one per link. For the counts and
    the flat scope listing (``db.trace.scope``), which never show by what link an item came.
    """
    walked = start(members, with_link=False).cte("trace_reach", recursive=True)
    near, far = link_ends(direction)
    removed = _removed(walked, include_removed)
    step = (
        select(far, walked.c.depth + 1, removed)
        .join_from(walked, Link, near == walked.c.item_id)
        .where(walked.c.depth < MAX_DEPTH)
    )
    if not include_removed:
        step = step.where(Link.removed_event_id.is_(None))
    return walked.union(step)


#: ``best`` = removed * BEST + depth: the lowest is the best way an item was reached (through
#: current links if possible, then shortest), kept by one MIN instead of a window function.
BEST = 128


def best_reach(walked: CTE) -> CTE:
    """``trace_scope(item_id, best)``: each item of a lean walk once, with its best reach.

    ``best // BEST`` is 1 when the item is reachable only through removed links (history),
    ``best % BEST`` its depth along the best way.
    """
    best = func.min(walked.c.removed * BEST + walked.c.depth).label("best")
    return select(walked.c.item_id, best).group_by(walked.c.item_id).cte("trace_scope")


def ranked(walked: CTE) -> CTE:
    """Each walked row numbered within its item: row 1 is the best way the item was reached.

    Best = through current links only if possible, then shortest, then the lowest link id (the
    COALESCE keeps NULL link ids, which the two databases sort differently, deterministic).
    """
    order = (walked.c.removed, walked.c.depth, func.coalesce(walked.c.link_id, 0))
    number = func.row_number().over(partition_by=walked.c.item_id, order_by=order)
    return select(
        walked.c.item_id,
        walked.c.depth,
        walked.c.link_id,
        walked.c.removed,
        number.label("rn"),
    ).cte("trace_ranked")


def item_set(walked: CTE) -> CTE:
    """``trace_items(item_id, removed)``: each item once; removed=0 if reachable currently."""
    return (
        select(walked.c.item_id, func.min(walked.c.removed).label("removed"))
        .group_by(walked.c.item_id)
        .cte("trace_items")
    )
