"""Traceability coverage: of the units built in the window (a route step recorded there, and
no longer in process, nonconforming or scrapped), the share whose record is complete: a passing
event for every step of the route, a linked component for every part of the bill of materials,
and a label verified by scanning back when the route labels the unit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import BomLine, Event, Item, Link, PrintJob
from desktop.domain.events import LinkKind, Outcome
from desktop.domain.insight import CoverageGap, Panel
from desktop.domain.labelling import PrintStatus
from desktop.domain.states import ItemKind
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.services.insight._line import NOT_BUILT
from desktop.services.insight._model import Figure, PanelView, Window, key_of
from desktop.services.insight._plant import Plant


@dataclass(frozen=True)
class Gaps:
    """The units judged and, for each incomplete one, what it lacks."""

    judged: int
    missing: dict[int, tuple[CoverageGap, ...]]  # unit id -> its gaps


def built_in(window: Window) -> Select[Any]:
    """The ids of units built in the window (a subquery for the other reads)."""
    touched = (
        select(Event.item_id)
        .where(
            Event.db_time >= window.start,
            Event.db_time < window.end,
            Event.step_id.is_not(None),
            Event.item_id.is_not(None),
        )
        .distinct()
        .subquery()
    )
    return (
        select(Item.id)
        .join(touched, touched.c.item_id == Item.id)
        .where(Item.kind == ItemKind.UNIT, Item.status.not_in(NOT_BUILT))
    )


def gaps(session: Session, plant: Plant, window: Window) -> Gaps:
    population = built_in(window).subquery()
    units = dict(
        session.execute(
            select(Item.id, Item.product_id).join(population, population.c.id == Item.id)
        ).all()
    )
    passed: dict[int, set[int]] = defaultdict(set)
    for item_id, step_id in session.execute(
        select(Event.item_id, Event.step_id)
        .where(
            Event.item_id.in_(select(population.c.id)),
            Event.step_id.is_not(None),
            Event.outcome == Outcome.OK,
        )
        .distinct()
    ):
        if item_id is not None and step_id is not None:
            passed[item_id].add(step_id)
    parts: dict[int, set[int]] = defaultdict(set)
    child = Item.__table__.alias("child")
    for parent_id, part_id in session.execute(
        select(Link.parent_item_id, child.c.part_id)
        .join(child, child.c.id == Link.child_item_id)
        .where(
            Link.parent_item_id.in_(select(population.c.id)),
            Link.kind == LinkKind.CONSUME,
            Link.removed_event_id.is_(None),
        )
    ):
        if part_id is not None:
            parts[parent_id].add(part_id)
    verified = set(
        session.scalars(
            select(PrintJob.item_id)
            .where(
                PrintJob.item_id.in_(select(population.c.id)),
                PrintJob.status == PrintStatus.VERIFIED,
            )
            .distinct()
        )
    )
    bom: dict[int, set[int]] = defaultdict(set)
    for product_id, part_id in session.execute(select(BomLine.product_id, BomLine.part_id)):
        bom[product_id].add(part_id)
    missing: dict[int, tuple[CoverageGap, ...]] = {}
    for unit_id, product in units.items():
        route = plant.route_of(product)
        found = []
        if any(s.id not in passed[unit_id] for s in route):
            found.append(CoverageGap.STEP_MISSING)
        if bom[product or -1] - parts[unit_id]:
            found.append(CoverageGap.COMPONENT_MISSING)
        if any(s.kind == StepKind.LABEL for s in route) and unit_id not in verified:
            found.append(CoverageGap.LABEL_MISSING)
        if found:
            missing[unit_id] = tuple(found)
    return Gaps(len(units), missing)


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
