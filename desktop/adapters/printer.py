"""The ZPL printer driver (or its worker) as the services' ``LabelPrinter``."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from desktop.devices.errors import DeviceError
from desktop.devices.printer import JobOutcome, JobStatus, PrintJob
from desktop.services.core.printing import PrinterOutcome

Submit = Callable[[PrintJob], "Future[JobOutcome] | JobOutcome"]


class DriverPrinter:
    """``send`` hands the job to the driver and turns its answer into a PrinterOutcome.

    The driver's idempotency key is the print job's key, so a retried send of the same job
    never prints a second label.
    """

    def __init__(self, submit: Submit, name: str = "printer", timeout: float = 30.0) -> None:
        self.submit, self.name, self.timeout = submit, name, timeout

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        try:
            answer = self.submit(PrintJob(job_key, payload))
            outcome = answer.result(self.timeout) if isinstance(answer, Future) else answer
        except FutureTimeout:
            return PrinterOutcome.failed(f"{self.name} did not answer in {self.timeout:g} s")
        except DeviceError as exc:
            return PrinterOutcome.failed(str(exc), self.name)
        if outcome.status is JobStatus.HELD:
            return PrinterOutcome.held(outcome.message, self.name)
        return PrinterOutcome.printed(self.name)
