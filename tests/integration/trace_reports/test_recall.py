"""Recall campaigns: opened from a component lot, the scope is exactly the units built with it,
with their state and the customers to notify; progress per unit; closing refused while units
are open, then signed "Recall closed"; the response KPI times."""

from __future__ import annotations

import pytest

from db import audit
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied
from desktop.services.distribution import record_service_event, ship
from desktop.services.recall import (
    close_recall,
    open_recall,
    recall_status,
    record_disposition,
    record_notification,
    record_return,
)
from tests.integration.trace_reports.scenario import pump_lot, receive_board_lot, release_and_label
from tests.integration.workflows.qcpack_support import refused
from tests.support.plant import PASSWORD

STMARY, NORTH = "9506000000015", "9506000000022"


@pytest.fixture
def field(plant, printer):  # type: ignore[no-untyped-def]
    """Lot A (4 pumps, board lot CW-A100): A1, A2 shipped to St Mary's, A3 shipped to and
    installed at Northside, A4 in stock. Lot B (2 pumps, board CW-B200): B1 to St Mary's."""
    receive_board_lot(plant, "CW-A100")
    receive_board_lot(plant, "CW-B200")
    a = pump_lot(plant, 4, "CW-A100")
    b = pump_lot(plant, 2, "CW-B200")
    release_and_label(plant, printer, a)
    release(plant, printer, b)
    pack = plant.ctx("packaging")
    ship(pack, "CUST-STMARY", STMARY, [a.serials[0], a.serials[1]])
    ship(pack, "CUST-NORTH", NORTH, [a.serials[2]])
    ship(pack, "CUST-STMARY", STMARY, [b.serials[0]])
    record_service_event(plant.ctx("supervisor"), a.serials[2], "installation", NORTH)
    return a, b


def release(plant, printer, built) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.labelling import print_labels, verify_label
    from tests.integration.trace_reports.scenario import eid
    from tests.integration.workflows.qcpack_support import release as release_lot

    release_lot(plant, built.lot)
    pack = plant.ctx("packaging")
    for serial in built.serials:
        job = print_labels(pack, printer, serial, key=f"k-{serial}")
        verify_label(pack, job.key, job.element_string, event_id=eid())


def test_open_from_component_lot_finds_exactly_the_affected_units(plant, field) -> None:
    a, b = field
    view = open_recall(plant.ctx("supervisor"), "CW-A100", "board capacitor C12 out of spec")
    assert view.number == "RCL-000001" and view.status == "open"
    assert view.items_total == 4
    states = {i.item: i.state_at_scope for i in view.items}
    assert states == {
        f"unit {a.serials[0]}": "shipped",
        f"unit {a.serials[1]}": "shipped",
        f"unit {a.serials[2]}": "installed",
        f"unit {a.serials[3]}": "in_stock",
    }
    assert not any(b_serial in i.item for i in view.items for b_serial in b.serials)
    assert view.by_state == {
        "in_stock": 1,
        "shipped": 2,
        "installed": 1,
        "returned": 0,
        "scrapped": 0,
        "disposed": 0,
    }
    customers = {(c.code, c.site_gln, c.items) for c in view.customers}
    assert customers == {("CUST-STMARY", STMARY, 2), ("CUST-NORTH", NORTH, 1)}
    assert view.opened_by == "Sam Supervisor"
    assert view.opened_at <= view.scope_known_at  # type: ignore[operator]
    assert view.time_to_scope is not None and view.time_to_close is None
    assert audit.verify(plant.engine).ok


def test_progress_refusals_and_signed_close(plant, field) -> None:
    a, _ = field
    sam = plant.ctx("supervisor")
    number = open_recall(sam, "CW-A100", "board capacitor C12 out of spec").number
    refused(
        plant.engine,
        record_notification,
        sam,
        number,
        [a.serials[3]],
        match=r"was in stock when the scope was taken: it has no customer to notify",
    )
    refused(
        plant.engine,
        record_notification,
        sam,
        number,
        customer="CUST-STMARY",
        site=NORTH,
        match=r'site "9506000000022" is not a site of CUST-STMARY: give the site\'s GLN or name',
    )
    done = record_notification(
        sam, number, customer="CUST-STMARY", site=STMARY, note="R. Chen, phoned the pharmacy"
    )
    assert len(done.changed) == 2
    record_notification(sam, number, [a.serials[2]])
    refused(
        plant.engine,
        record_notification,
        sam,
        number,
        [a.serials[2]],
        match="notified already: nothing to record",
    )
    refused(
        plant.engine,
        record_disposition,
        sam,
        number,
        [a.serials[1]],
        "scrapped",
        "x",
        match=r"is at the customer \(shipped\): record its return before",
    )
    refused(
        plant.engine,
        record_disposition,
        sam,
        number,
        [a.serials[1]],
        "melted",
        "x",
        match='disposition "melted" is unknown: use scrapped, reworked',
    )
    refused(
        plant.engine,
        close_recall,
        sam,
        plant.login("supervisor"),
        number,
        PASSWORD,
        "sam",
        match=r"cannot be closed: 4 item\(s\) have no disposition yet \(unit SN-",
    )
    record_return(sam, number, [a.serials[0]])
    record_disposition(sam, number, [a.serials[0]], "scrapped", "returned and scrapped")
    record_disposition(sam, number, [a.serials[1]], "corrected_in_field", "board swapped")
    record_disposition(sam, number, [a.serials[2]], "corrected_in_field", "board swapped")
    refused(
        plant.engine,
        close_recall,
        sam,
        plant.login("supervisor"),
        number,
        PASSWORD,
        "sam",
        match=r"1 item\(s\) have no disposition yet \(unit " + a.serials[3],
    )
    record_disposition(sam, number, [a.serials[3]], "reworked", "board replaced in stock")
    with pytest.raises(PermissionDenied, match="run recalls"):
        close_recall(plant.ctx("qc_inspector"), plant.login("qc_inspector"), number, PASSWORD)
    with pytest.raises(AuthenticationFailed):
        close_recall(sam, plant.login("supervisor"), number, "wrong-password", "sam")
    view = close_recall(sam, plant.login("supervisor"), number, PASSWORD, "sam", "all 4 done")
    assert view.status == "closed" and view.closed_at is not None
    assert view.closing is not None and view.closing.valid
    assert (view.closing.meaning, view.closing.printed_name) == ("Recall closed", "Sam Supervisor")
    assert view.time_to_close is not None and view.time_to_close >= view.time_to_scope  # type: ignore[operator]
    assert (view.notified, view.returned, view.dispositioned) == (3, 1, 4)
    again = recall_status(plant.ctx("supervisor"), number)
    assert again.closing == view.closing and again.closed_at == view.closed_at
    refused(
        plant.engine, record_notification, sam, number, [a.serials[0]], match=f"{number} is closed"
    )
    assert audit.verify(plant.engine).ok


def test_open_refusals(plant, field) -> None:
    sam = plant.ctx("supervisor")
    refused(plant.engine, open_recall, sam, "CW-A100", "  ", match="a recall needs a reason")
    refused(
        plant.engine,
        open_recall,
        sam,
        "NO-SUCH-LOT",
        "why",
        match='scan "NO-SUCH-LOT" matches no component lot, lot or unit',
    )
    open_recall(sam, "CW-A100", "first")
    refused(
        plant.engine,
        open_recall,
        sam,
        "CW-A100",
        "again",
        match="RCL-000001 is open on lot CW-A100 already",
    )
    with pytest.raises(PermissionDenied):
        open_recall(plant.ctx("operator"), "CW-A100", "why")


def test_open_from_a_unit_and_from_a_production_lot(plant, field) -> None:
    a, _ = field
    sam = plant.ctx("supervisor")
    one = open_recall(sam, a.serials[2], "field report: occlusion alarm")
    assert [i.item for i in one.items] == [f"unit {a.serials[2]}"]
    assert [(c.code, c.items) for c in one.customers] == [("CUST-NORTH", 1)]
    lot = open_recall(sam, a.lot, "lot review finding")
    assert lot.items_total == 4
