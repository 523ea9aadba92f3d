"""Traceability coverage: of the units built in the window (their route's last step passed
there, as the output panel counts them), the share whose record is complete: a passing
event for every step of the route, a linked component for every part of the bill of materials,
and a label verified by scanning back when the route labels the unit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from db.models import BomLine, Event, Item, Link, PrintJob
from desktop.domain.events import LinkKind, Outcome
from desktop.domain.insight import CoverageGap, Panel
from desktop.domain.labelling import PrintStatus
from desktop.domain.states import ItemKind
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.services.insight._model import Figure, PanelView, Window, key_of
from desktop.services.insight._plant import Plant


@dataclass(frozen=True)
class Gaps:
    """The units judged and, for each incomplete one, what it lacks."""

    judged: int
    missing: dict[int, tuple[CoverageGap, ...]]  # unit id -> its gaps


def built_in(window: Window, last_steps: set[int], *columns: Any) -> Select[Any]:
    """The units built in the window (their route's last step passed there, as the output
    panel counts them): their ids, or ``columns`` of them. One pass over the window's events
    through ``ix_events_db_time_step``."""
    finished = (
        select(Event.item_id)
        .where(
            Event.db_time >= window.start,
            Event.db_time < window.end,
            Event.step_id.in_(last_steps),
            Event.outcome == Outcome.OK,
            Event.item_id.is_not(None),
        )
        .distinct()
        .subquery()
    )
    return (
        select(*(columns or (Item.id,)))
        .join(finished, finished.c.item_id == Item.id)
        .where(Item.kind == ItemKind.UNIT)
    )


def _records_of_units(window: Window, last_steps: set[int]) -> Select[Any]:
    """Per unit built in the window, in one statement: its product, the steps of its passing
    events and the parts of its linked components (not removed), each as a list of ids in
    one string, and how many of its labels were verified. Each is read by the unit's id
    (``ix_events_item_id_step_id``, ``ix_links_parent_item_id``, the print jobs' item index)
    and gathered, not counted distinct, so the database does no sort per unit: the cost
    follows the units built, not the size of the record."""
    child = Item.__table__.alias("child")
    steps = (
        select(func.aggregate_strings(cast(Event.step_id, String), ","))
        .where(Event.item_id == Item.id, Event.outcome == Outcome.OK, Event.step_id.is_not(None))
        .scalar_subquery()
    )
    parts = (
        select(func.aggregate_strings(cast(child.c.part_id, String), ","))
        .select_from(Link)
        .join(child, child.c.id == Link.child_item_id)
        .where(
            Link.parent_item_id == Item.id,
            Link.kind == LinkKind.CONSUME,
            Link.removed_event_id.is_(None),
        )
        .scalar_subquery()
    )
    labelled = (
        select(func.count())
        .where(PrintJob.item_id == Item.id, PrintJob.status == PrintStatus.VERIFIED)
        .scalar_subquery()
    )
    return built_in(window, last_steps, Item.id, Item.product_id, steps, parts, labelled)


def _ids(gathered: str | None) -> set[int]:
    return {int(i) for i in gathered.split(",") if i} if gathered else set()


def gaps(session: Session, plant: Plant, window: Window) -> Gaps:
    """The units built in the window and, for each incomplete one, what it lacks."""
    bom: dict[int, set[int]] = defaultdict(set)
    for product_id, part_id in session.execute(select(BomLine.product_id, BomLine.part_id)):
        bom[product_id].add(part_id)
    needs: dict[int | None, tuple[set[int], bool]] = {}  # product -> (route's steps, labels?)
    judged = 0
    missing: dict[int, tuple[CoverageGap, ...]] = {}
    for unit_id, product, steps, parts, labelled in session.execute(
        _records_of_units(window, plant.last_steps())
    ):
        judged += 1
        if product not in needs:
            route = plant.route_of(product)
            needs[product] = ({s.id for s in route}, any(s.kind == StepKind.LABEL for s in route))
        route_steps, labels = needs[product]
        found = []
        if route_steps - _ids(steps):
            found.append(CoverageGap.STEP_MISSING)
        if bom[product or -1] - _ids(parts):
            found.append(CoverageGap.COMPONENT_MISSING)
        if labels and not labelled:
            found.append(CoverageGap.LABEL_MISSING)
        if found:
            missing[unit_id] = tuple(found)
    return Gaps(judged, missing)


def coverage(session: Session, plant: Plant, window: Window) -> PanelView:
    found = gaps(session, plant, window)
    complete = found.judged - len(found.missing)
    by_gap = {g: sum(1 for m in found.missing.values() if g in m) for g in CoverageGap}
    figures = [
        Figure(key_of(Panel.COVERAGE, "complete"), t("complete"), float(complete)),
        *(
            Figure(key_of(Panel.COVERAGE, g), g.words, float(n), alert=n > 0)
            for g, n in by_gap.items()
        ),
    ]
    headline = (
        t("no unit built in the last {hours} h", hours=round(window.hours))
        if not found.judged
        else t(
            "{share} % of {n} units built have a complete record; {missing} incomplete",
            share=round(100 * complete / found.judged, 1),
            n=found.judged,
            missing=len(found.missing),
        )
    )
    return PanelView(Panel.COVERAGE, headline, tuple(figures), alert=bool(found.missing))


def share_complete(found: Gaps) -> float | None:
    return None if not found.judged else (found.judged - len(found.missing)) / found.judged
