"""Planning, both databases: a work order from a product's released route with its due date,
released and commissioned, its serial labels printed, the open orders with their progress per
step, closed with its reconciliation; work orders imported from a CSV file all or none."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Event, WorkOrder
from desktop.domain.states import WorkOrderStatus
from desktop.services import labelling, production
from desktop.services.core.printing import PrinterOutcome
from tests.integration.workflows.test_execution_support import PUMP, eid
from tests.support.plant import Plant
from tests.support.refusals import refused


@dataclass
class Printer:
    fail: bool = False
    sent: list[str] = field(default_factory=list)

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        if self.fail:
            return PrinterOutcome.failed("connection refused", "zebra-1")
        self.sent.append(payload.decode())
        return PrinterOutcome.printed("zebra-1")


def test_a_work_order_is_planned_released_commissioned_labelled_and_closed(plant: Plant) -> None:
    sup = plant.ctx("supervisor")
    due = date(2031, 3, 14)
    made = production.create_work_order(sup, "WO-7", PUMP, 3, None, due)
    assert made.lot is None  # generated at release
    production.release_work_order(sup, "WO-7")
    production.commission_serials(sup, "WO-7", count=3)
    [order] = production.open_work_orders(sup)
    assert (order.number, order.due_on, order.route) == ("WO-7", due, "PUMP-ASSY v1")
    assert order.status is WorkOrderStatus.RELEASED
    assert [s.passed for s in order.steps] == [0] * 7
    assert (order.counts.commissioned, order.counts.open) == (3, 3)

    printer = Printer()
    done = labelling.print_serial_labels(sup, printer, "WO-7")
    assert len(done.printed) == 3 and not done.failed
    assert all("SN-" in zpl for zpl in printer.sent)
    refused(
        plant.engine,
        labelling.print_serial_labels,
        sup,
        printer,
        "WO-7",
        match=r"^every serial of work order WO-7 has its label",
    )
    again = labelling.print_serial_labels(sup, printer, "WO-7", "housing", again=True)
    assert len(again.printed) == 3

    plant.receive_serials("HOUSING-IP300", ["HS-1"])
    production.consume_component(plant.ctx("operator"), done.printed[0], "HS-1", event_id=eid())
    [order] = production.open_work_orders(sup)
    assert [s.passed for s in order.steps][:2] == [1, 0]

    refused(
        plant.engine,
        production.close_work_order,
        sup,
        "WO-7",
        match=(
            r"^work order WO-7: 0 built, 0 scrapped, 3 still open of 3 ordered; "
            r"closing it short needs a reason$"
        ),
    )
    counts = production.close_work_order(sup, "WO-7", "line stopped: order cancelled by ERP")
    assert (counts.built, counts.scrapped, counts.open) == (0, 0, 3)
    unit = done.printed[1]
    refused(
        plant.engine,
        production.consume_component,
        plant.ctx("operator"),
        unit,
        "HS-1",
        event_id=eid(),
        match=(
            rf'^scan "{unit}": work order WO-7 is closed: its units take no more steps; '
            r"ask planning$"
        ),
    )
    assert production.open_work_orders(sup) == []
    with Session(plant.engine) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "work_order.close")).one()
        assert entry.reason == "line stopped: order cancelled by ERP"
    refused(
        plant.engine,
        production.close_work_order,
        sup,
        "WO-7",
        match=r"^work order WO-7 is closed: only a released work order is closed$",
    )


def test_a_failed_printer_records_no_serial_label(plant: Plant) -> None:
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, "WO-8", PUMP, 2)
    production.release_work_order(sup, "WO-8")
    production.commission_serials(sup, "WO-8", count=2)
    result = labelling.print_serial_labels(sup, Printer(fail=True), "WO-8")
    assert result.printed == () and len(result.failed) == 2
    assert "connection refused" in result.reason
    with Session(plant.engine) as s:
        assert not s.scalar(select(func.count(Event.id)).where(Event.kind == "label_print"))
    assert len(labelling.print_serial_labels(sup, Printer(), "WO-8").printed) == 2


def test_planning_is_refused_to_roles_without_the_right(plant: Plant) -> None:
    refused(
        plant.engine,
        production.create_work_order,
        plant.ctx("operator"),
        "WO-9",
        PUMP,
        1,
        match=r"may not create and release work orders",
    )


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "erp-export.csv"
    path.write_text("number,product,quantity,due,lot\n" + body, encoding="utf-8")
    return path


def test_an_erp_export_is_imported_all_or_none(plant: Plant, tmp_path: Path) -> None:
    sup = plant.ctx("supervisor")
    bad = _csv(
        tmp_path,
        f"WO-20,{PUMP},10,2031-01-05,\n"
        "WO-21,no such product,ten,2031-02-30,L 1\n"
        f"WO-20,{PUMP},1,,\n",
    )
    with pytest.raises(production.ImportInvalid) as caught:
        production.import_work_orders(sup, bad)
    assert [str(p) for p in caught.value.problems] == [
        'erp-export.csv, line 3, field product: "no such product" is no active product '
        "(give its GTIN or exact name)",
        'erp-export.csv, line 3, field quantity: "ten" is not a whole number',
        'erp-export.csv, line 3, field due: "2031-02-30" is not a date: give it as YYYY-MM-DD',
        'erp-export.csv, line 3, field lot: lot "L 1" contains " ": a UDI allows only '
        "letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_",
        "erp-export.csv, line 4, field number: WO-20 is on line 2 too",
    ]
    with Session(plant.engine) as s:
        assert not s.scalar(select(func.count(WorkOrder.id)))

    good = _csv(tmp_path, f"WO-20,{PUMP},10,2031-01-05,\nWO-21,Infusion Pump IP-300,4,,LX-1\n")
    assert production.import_work_orders(sup, good) == 2
    orders = {o.number: o for o in production.open_work_orders(sup)}
    assert orders["WO-20"].due_on == date(2031, 1, 5)
    assert orders["WO-21"].lot == "LX-1"
    assert orders["WO-21"].quantity == 4
    again = _csv(tmp_path, f"WO-21,{PUMP},1,,\n")
    with pytest.raises(production.ImportInvalid) as caught:
        production.import_work_orders(sup, again)
    assert [str(p) for p in caught.value.problems] == [
        "erp-export.csv, line 2, field number: work order WO-21 exists already"
    ]


def test_a_file_that_is_not_csv_text_is_refused_in_words(plant: Plant, tmp_path: Path) -> None:
    sup = plant.ctx("supervisor")
    path = tmp_path / "export.csv"
    path.write_bytes(b"number,product,quantity\n\xff\xfe,x,1\n")
    refused(
        plant.engine,
        production.import_work_orders,
        sup,
        path,
        match=r"^export.csv is not UTF-8 text \(byte \d+\): export it as UTF-8 CSV$",
    )
    missing = tmp_path / "header.csv"
    missing.write_text("nummer,produkt\n1,2\n", encoding="utf-8")
    with pytest.raises(production.ImportInvalid) as caught:
        production.import_work_orders(sup, missing)
    assert str(caught.value.problems[0]) == (
        "header.csv, line 1, field number: column missing from the header"
    )
