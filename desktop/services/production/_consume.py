"""Consuming a component at a scan_component step: which parts the step needs, every check a
scanned component must pass, and the consumption itself, safe under concurrency.

Two stations scanning the same serialised component: the component row is locked
(SELECT ... FOR UPDATE) and the status change is a guarded UPDATE (``WHERE status =
'released'``, rowcount checked), so even without the lock a second consumption cannot commit.
Material lots are decremented with ``WHERE quantity_available >= needed`` the same way (and the
table's CHECK keeps the quantity from going negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from db.models import BomLine, Event, Item, Link, Part, RouteStep
from db.types import utcnow
from desktop.domain.events import LinkKind
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import Text, t
from desktop.services.core import records
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.holds import active_holds, hold_words
from desktop.services.production._step import quoted, shown_time, today


@dataclass(frozen=True)
class Need:
    """One BOM line of the step: the part, how much the unit needs and how much it has."""

    part_id: int
    part_number: str
    tracking: str
    total: Decimal
    done: Decimal

    @property
    def remaining(self) -> Decimal:
        return max(self.total - self.done, Decimal(0))


def _lines(uow: UnitOfWork, unit: Item, step: RouteStep) -> list[tuple[BomLine, Part]]:
    stmt = (
        select(BomLine, Part)
        .join(Part, BomLine.part_id == Part.id)
        .where(BomLine.product_id == unit.product_id)
        .order_by(BomLine.id)
    )
    listed = set(step.parameters.get("parts", []))
    rows = [(b, p) for b, p in uow.session.execute(stmt)]
    return [
        (b, p)
        for b, p in rows
        if b.step_id == step.id or (b.step_id is None and p.part_number in listed)
    ]


def _consumed(uow: UnitOfWork, unit: Item, step: RouteStep) -> dict[int, Decimal]:
    """Quantity of each part already consumed into ``unit`` at ``step`` (links not removed)."""
    stmt = (
        select(Item.part_id, func.sum(Link.quantity))
        .join(Link, Link.child_item_id == Item.id)
        .join(Event, Event.id == Link.event_id)
        .where(
            Link.parent_item_id == unit.id,
            Link.kind == LinkKind.CONSUME,
            Link.removed_event_id.is_(None),
            Event.step_id == step.id,
        )
        .group_by(Item.part_id)
    )
    return {int(p): Decimal(q) for p, q in uow.session.execute(stmt) if p is not None}


def step_needs(uow: UnitOfWork, unit: Item, step: RouteStep) -> list[Need]:
    """What the step consumes: BOM quantity x the lot quantity for a production lot."""
    times = unit.quantity if unit.kind == ItemKind.PRODUCTION_LOT else Decimal(1)
    done = _consumed(uow, unit, step)
    return [
        Need(p.id, p.part_number, p.tracking, b.quantity * times, done.get(p.id, Decimal(0)))
        for b, p in _lines(uow, unit, step)
    ]


def missing_words(needs: list[Need]) -> str:
    return ", ".join(n.part_number for n in needs if n.remaining > 0)


def component_label(comp: Item, part: Part | None) -> str:
    """ "lot B-2231" for a material lot, "pump housing HS-0001" for a serialised part."""
    if comp.kind == ItemKind.MATERIAL_LOT or comp.serial is None or part is None:
        return records.label(comp)
    return t("{part} {serial}", part=part.name.lower(), serial=comp.serial)


def _wrong_part(
    uow: UnitOfWork, unit: Item, step: RouteStep, needs: list[Need], comp: Item, scan: str
) -> Refusal:
    part = uow.session.get(Part, comp.part_id) if comp.part_id else None
    what = component_label(comp, part)
    if part is None:
        return Refusal(
            t(
                "{scan} is {what}, not a component: step {position} needs {parts}",
                scan=quoted(scan),
                what=what,
                position=step.position,
                parts=missing_words(needs) or t("nothing more"),
            ),
            entity="item",
            entity_id=str(comp.id),
        )
    earlier = uow.session.scalars(
        select(RouteStep)
        .join(BomLine, BomLine.step_id == RouteStep.id)
        .where(BomLine.product_id == unit.product_id, BomLine.part_id == part.id)
    ).first()
    if earlier is not None and earlier.position <= unit.current_step:
        return Refusal(
            t(
                "{scan} is {what} of part {part}, consumed at step "
                '{position} "{name}", which {item} has passed; a '
                "passed step is repeated only after a rework decision",
                scan=quoted(scan),
                what=what,
                part=part.part_number,
                position=earlier.position,
                name=earlier.name,
                item=records.label(unit),
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    wanted: str = needs[0].part_number if needs else ""
    for n in needs[1:]:
        wanted = t("{first} or {other}", first=wanted, other=n.part_number)
    return Refusal(
        t(
            "{scan} is {what} of part {part}; step {position} needs {parts}",
            scan=quoted(scan),
            what=what,
            part=part.part_number,
            position=step.position,
            parts=wanted or t("no parts"),
        ),
        entity="item",
        entity_id=str(comp.id),
    )


def _already_built(uow: UnitOfWork, comp: Item, what: str, scan: str) -> Refusal:
    stmt = (
        select(Link, Event)
        .join(Event, Event.id == Link.event_id)
        .where(Link.child_item_id == comp.id, Link.kind == LinkKind.CONSUME)
        .where(Link.removed_event_id.is_(None))
        .order_by(Link.id.desc())
        .limit(1)
    )
    row = uow.session.execute(stmt).first()
    if row is None:
        return Refusal(
            t("{scan}: {what} is consumed already: take another one", scan=quoted(scan), what=what),
            entity="item",
            entity_id=str(comp.id),
        )
    link, event = row
    parent = uow.session.get(Item, link.parent_item_id)
    into = records.label(parent) if parent else t("item {id}", id=link.parent_item_id)
    return Refusal(
        t(
            "{scan}: {what} was already built into {into} on {time}: take another one",
            scan=quoted(scan),
            what=what,
            into=into,
            time=shown_time(uow, event.db_time),
        ),
        entity="item",
        entity_id=str(comp.id),
    )


def _check_status(uow: UnitOfWork, comp: Item, what: str, scan: str) -> None:
    if comp.status == Status.RELEASED:
        return
    if comp.status == Status.CONSUMED:
        raise _already_built(uow, comp, what, scan)
    reason: Text
    if comp.status == Status.QUARANTINE:
        reason = t("is in quarantine (not released by incoming inspection): use a released lot")
    elif comp.status == Status.REJECTED:
        reason = t("was rejected by incoming inspection: use a released lot, return this one to QC")
    else:
        reason = t("is {status}: only released material is consumed", status=comp.status.words)
    raise Refusal(
        t("{scan}: {what} {reason}", scan=quoted(scan), what=what, reason=reason),
        entity="item",
        entity_id=str(comp.id),
    )


def _hold_ids(uow: UnitOfWork, comp: Item) -> list[int]:
    """The component and, for a serialised one, the lot it came in."""
    ids = [comp.id]
    if comp.kind == ItemKind.UNIT and comp.lot:
        ids += list(
            uow.session.scalars(
                select(Item.id).where(
                    Item.part_id == comp.part_id,
                    Item.kind == ItemKind.MATERIAL_LOT,
                    (Item.lot == comp.lot) | (Item.supplier_lot == comp.lot),
                )
            )
        )
    return ids


def check_component(
    uow: UnitOfWork, unit: Item, step: RouteStep, comp: Item, scan: str
) -> tuple[Need, Decimal, str, list[Need]]:
    """The BOM need the scanned component fills, the quantity to take, its name in words, and
    every need of the step as it stood before this scan.

    Refuses (quoting the scan): wrong part, part of a passed step, part already complete,
    not released (quarantine, rejected, consumed), expired, on hold, not enough left."""
    needs = step_needs(uow, unit, step)
    need = next((n for n in needs if n.part_id == comp.part_id), None)
    if need is None or comp.kind not in (ItemKind.MATERIAL_LOT, ItemKind.UNIT):
        raise _wrong_part(uow, unit, step, needs, comp, scan)
    part = uow.session.get(Part, need.part_id)
    what = component_label(comp, part)
    if need.remaining <= 0:
        raise Refusal(
            t(
                "{scan}: {part} is already consumed for {item} "
                "at step {position}; still needed: {parts}",
                scan=quoted(scan),
                part=need.part_number,
                item=records.label(unit),
                position=step.position,
                parts=missing_words(needs) or t("nothing"),
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    _check_status(uow, comp, what, scan)
    if comp.expiry is not None and comp.expiry < today():
        raise Refusal(
            t(
                "{scan}: {what} expired on {date}: take a lot within "
                "date and report this one to QC",
                scan=quoted(scan),
                what=what,
                date=comp.expiry.isoformat(),
            ),
            entity="item",
            entity_id=str(comp.id),
        )
    found = active_holds(uow.session, _hold_ids(uow, comp))
    if found:
        raise Refusal(
            t(
                "{scan}: {what} is {hold}",
                scan=quoted(scan),
                what=what,
                hold=hold_words(uow.session, found[0]),
            ),
            entity="item",
            entity_id=str(comp.id),
        )
    take = Decimal(1) if comp.kind == ItemKind.UNIT else need.remaining
    if comp.quantity_available < take:
        raise Refusal(
            t(
                "{scan}: {what} has {left} {unit} left; {item} needs {take}: take another lot",
                scan=quoted(scan),
                what=what,
                left=f"{comp.quantity_available.normalize():f}",
                unit=comp.unit,
                item=records.label(unit),
                take=f"{take.normalize():f}",
            ),
            entity="item",
            entity_id=str(comp.id),
        )
    return need, take, what, needs


def _rows(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount)


def take_component(
    uow: UnitOfWork, comp: Item, take: Decimal, what: str, scan: str, event: Event
) -> None:
    """Decrement (lot) or consume (serial); the WHERE clause is the guard in the data."""
    old_status, old_qty = comp.status, comp.quantity_available
    now = utcnow()
    stmt = update(Item).where(Item.id == comp.id).execution_options(synchronize_session=False)
    if comp.kind == ItemKind.UNIT:
        stmt = stmt.where(Item.status == Status.RELEASED).values(
            status=Status.CONSUMED, quantity_available=0, updated_at=now
        )
    else:
        stmt = stmt.where(Item.quantity_available >= take).values(
            quantity_available=Item.quantity_available - take, updated_at=now
        )
    if _rows(uow.session.execute(stmt)) != 1:
        uow.session.expire(comp)
        raise (
            _already_built(uow, comp, what, scan)
            if comp.kind == ItemKind.UNIT
            else Refusal(
                t(
                    "{scan}: {what} no longer has {take} {unit} left: take another lot",
                    scan=quoted(scan),
                    what=what,
                    take=str(take),
                    unit=comp.unit,
                ),
                entity="item",
                entity_id=str(comp.id),
            )
        )
    # the row is locked by this transaction (lock()), so what the UPDATE wrote is known here:
    # the object takes those values without reading the row again
    if comp.kind == ItemKind.UNIT:
        set_committed_value(comp, "status", Status.CONSUMED)
        set_committed_value(comp, "quantity_available", Decimal(0))
    else:
        set_committed_value(comp, "quantity_available", old_qty - take)
    set_committed_value(comp, "updated_at", now)
    if comp.kind == ItemKind.UNIT:
        uow.audit(
            "item.status",
            "item",
            comp.id,
            old={"status": old_status},
            new={"status": Status.CONSUMED, "event": event.id},
            reason="built in",
        )
    else:
        uow.audit(
            "item.quantity",
            "item",
            comp.id,
            old={"quantity_available": old_qty},
            new={"quantity_available": old_qty - take, "event": event.id},
            reason=Status.CONSUMED,
        )
