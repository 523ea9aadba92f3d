"""Rules after the line, against tables written out here: which unit states each after-sale
event takes and where it moves the unit, where a recalled item is, and which print jobs count
as issued labels."""

from __future__ import annotations

import pytest

from desktop.domain.distribution import (
    AFTER_SALE,
    AT_CUSTOMER,
    NEED_RETURN,
    RecallState,
    ServiceKind,
    recall_state,
)
from desktop.domain.labelling import AWAITING_SCAN_BACK, ISSUED, PrintStatus
from desktop.domain.states import Status

#: after-sale event -> (unit states it is recorded in, the state it moves the unit to)
AFTER_SALE_EXPECTED: dict[str, tuple[set[str], str | None]] = {
    "installation": ({"shipped"}, "installed"),
    "service": ({"shipped", "installed"}, None),
    "repair": ({"installed", "returned"}, None),
    "return": ({"shipped", "installed"}, "returned"),
    "disposal": ({"installed", "returned"}, "disposed"),
}


@pytest.mark.parametrize("kind", [k.value for k in ServiceKind])
def test_after_sale_events_take_the_states_written_here(kind: str) -> None:
    rule = AFTER_SALE[ServiceKind(kind)]
    allowed, moves_to = AFTER_SALE_EXPECTED[kind]
    assert {s.value for s in rule.allowed} == allowed
    assert (rule.moves_to.value if rule.moves_to else None) == moves_to


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("shipped", "shipped"),
        ("installed", "installed"),
        ("returned", "returned"),
        ("scrapped", "scrapped"),
        ("disposed", "disposed"),
        ("released", "in_stock"),
        ("packed", "in_stock"),
        ("in_process", "in_stock"),
        ("quarantine", "in_stock"),
        ("something_new", "in_stock"),
    ],
)
def test_where_an_item_is_when_a_recall_scopes_it(status: str, state: str) -> None:
    assert recall_state(status) is RecallState(state)


def test_recall_sets() -> None:
    assert {s.value for s in AT_CUSTOMER} == {"shipped", "installed"}
    assert {d.value for d in NEED_RETURN} == {"scrapped", "reworked"}


def test_issued_labels() -> None:
    assert {s.value for s in ISSUED} == {"printed", "held", "verified", "voided"}
    assert {s.value for s in AWAITING_SCAN_BACK} == {"printed", "held"}
    assert PrintStatus.QUEUED not in ISSUED and PrintStatus.FAILED not in ISSUED


def test_statuses_used_after_sale_are_unit_statuses() -> None:
    for rule in AFTER_SALE.values():
        assert all(isinstance(s, Status) for s in rule.allowed)
