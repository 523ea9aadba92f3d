"""The item state machines, held against a table written out here by hand.

The expected moves are listed literally (not read from ``TRANSITIONS``), and every
(kind, from, to) triple of the vocabulary is tried, so a move added, dropped or moved to
another kind in the map under test fails here.
"""

from __future__ import annotations

import itertools

import pytest

from desktop.domain.states import ItemKind, Status, WorkOrderStatus, may_change

#: kind: {from: (to, ...)}: every move the plant allows; anything else is refused.
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    "material_lot": {
        "quarantine": ("released", "rejected"),
        "released": ("rejected",),
        "rejected": (),
    },
    "unit": {
        "quarantine": ("released", "rejected"),
        "rejected": (),
        "in_process": ("completed", "nonconforming", "scrapped", "consumed"),
        "nonconforming": ("in_process", "scrapped", "completed"),
        "completed": ("released", "nonconforming", "scrapped", "consumed"),
        "released": ("packed", "shipped", "nonconforming", "consumed"),
        "packed": ("shipped", "released"),
        "shipped": ("installed", "returned"),
        "installed": ("returned", "disposed"),
        "returned": ("in_process", "scrapped", "disposed"),
        "scrapped": (),
        "disposed": (),
        "consumed": (),
    },
    "production_lot": {
        "in_process": ("completed", "nonconforming"),
        "nonconforming": ("in_process", "completed", "scrapped"),
        "completed": ("released", "nonconforming", "rejected"),
        "released": ("packed", "shipped"),
        "packed": ("shipped",),
        "shipped": (),
        "rejected": (),
        "scrapped": (),
    },
    "case": {
        "open": ("closed",),
        "closed": ("open", "shipped", "packed"),
        "packed": ("shipped", "closed"),
        "shipped": (),
    },
    "pallet": {
        "open": ("closed",),
        "closed": ("open", "shipped"),
        "shipped": (),
    },
}

ALLOWED = {
    (kind, old, new)
    for kind, moves in EXPECTED.items()
    for old, targets in moves.items()
    for new in targets
}


@pytest.mark.parametrize("kind", [k.value for k in ItemKind])
def test_every_move_of_a_kind_is_as_written(kind: str) -> None:
    wrong = [
        f"{old} -> {new}: {'allowed' if may_change(kind, old, new) else 'refused'}"
        for old, new in itertools.product([s.value for s in Status], repeat=2)
        if may_change(kind, old, new) != ((kind, old, new) in ALLOWED)
    ]
    assert wrong == []


def test_the_table_covers_every_kind() -> None:
    assert set(EXPECTED) == {k.value for k in ItemKind}
    assert len(ALLOWED) == 49


@pytest.mark.parametrize(
    ("kind", "old", "new"),
    [
        ("unit", "shipped", "in_process"),  # back to production only through a return
        ("unit", "scrapped", "in_process"),  # scrap is final
        ("production_lot", "released", "completed"),
        ("material_lot", "rejected", "released"),  # a rejected lot is never released
        ("material_lot", "released", "quarantine"),
        ("pallet", "closed", "packed"),  # a case is packed onto a pallet; a pallet is not
        ("case", "open", "shipped"),  # a case is closed before it ships
    ],
)
def test_moves_the_plant_never_makes(kind: str, old: str, new: str) -> None:
    assert not may_change(kind, old, new)


def test_members_and_their_codes_give_the_same_answer() -> None:
    assert may_change(ItemKind.UNIT, Status.SHIPPED, Status.INSTALLED)
    assert may_change("unit", "shipped", "installed")


def test_an_unknown_kind_or_state_is_an_error_not_a_refusal() -> None:
    with pytest.raises(ValueError):
        may_change("crate", "open", "closed")
    with pytest.raises(ValueError):
        may_change("unit", "quarantine", "approved")
    with pytest.raises(ValueError):
        may_change("unit", "lost", "returned")


def test_work_order_states_are_their_own_vocabulary() -> None:
    assert WorkOrderStatus.values() == ("created", "released", "completed", "closed", "cancelled")
