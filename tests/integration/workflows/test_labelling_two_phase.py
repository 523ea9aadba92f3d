"""A print commits its jobs as queued before the printer is asked, and holds no database lock
while the printer works; a crash between sending and recording is healed by the retry."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.engine import writer
from db.models import PrintJob
from desktop.services.core.printing import PrinterOutcome
from desktop.services.labelling import print_labels, queue_labels
from tests.integration.workflows.qcpack_support import approve_templates, released_pumps


class WatchingPrinter:
    """While it 'prints', looks at the database from another connection, and writes to it."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        self.engine = engine
        self.seen: list[str] = []
        self.sent: list[str] = []

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        with Session(self.engine) as s:
            job = s.scalars(select(PrintJob).where(PrintJob.idempotency_key == job_key)).one()
            self.seen.append(job.status)
        with writer(self.engine).begin() as conn:  # would wait on a lock the print still held
            conn.execute(text("SELECT 1"))
        self.sent.append(job_key)
        return PrinterOutcome.printed("watching-zebra")


def test_jobs_are_committed_before_the_printer_is_asked(plant) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 1)
    watcher = WatchingPrinter(plant.engine)
    view = print_labels(plant.ctx("packaging"), watcher, built.serials[0], key="tp-1")
    assert watcher.seen == ["queued"]  # committed, visible to another connection
    assert view.status == "printed" and watcher.sent == ["tp-1"]


def test_a_job_left_queued_by_a_crash_is_sent_again_under_its_key(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 1)
    packer = plant.ctx("packaging")
    plan = queue_labels(packer, built.serials[0], key="tp-2")  # the station died after this
    assert [job.key for job in plan.send] == ["tp-2"]
    view = print_labels(packer, printer, built.serials[0], key="tp-2")  # the retry
    assert printer.keys == ["tp-2"] and view.status == "printed"
    again = print_labels(packer, printer, built.serials[0], key="tp-2")
    assert again.repeated and printer.keys == ["tp-2"]  # never twice
