"""How services print: a small interface that ``app.py`` (or the demo) fills with the real
ZPL printer driver. Services never import a driver (ARCHITECTURE.md, "The layers").

A printer answers every job with a value, never an exception for a protocol refusal:

- ``printed``: the label came out;
- ``held``: the printer took the job but holds it (out of paper, head open, paused) and prints
  it when the cause is fixed: the label counts as issued, and is not sent again;
- ``failed``: the job did not reach the printer (connection refused, no answer): nothing was
  issued, and a retry with the same job key sends it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.domain.labelling import PrintStatus
from desktop.domain.text import t


@dataclass(frozen=True)
class PrinterOutcome:
    status: PrintStatus  # printed, held or failed
    reason: str = ""
    printer: str = ""  # the printer's identity (name, serial number) as it reported it

    @classmethod
    def printed(cls, printer: str = "") -> PrinterOutcome:
        return cls(PrintStatus.PRINTED, "", printer)

    @classmethod
    def held(cls, reason: str, printer: str = "") -> PrinterOutcome:
        return cls(PrintStatus.HELD, reason, printer)

    @classmethod
    def failed(cls, reason: str, printer: str = "") -> PrinterOutcome:
        return cls(PrintStatus.FAILED, reason, printer)

    @property
    def issued(self) -> bool:
        """The printer has the label (printed now, or printed once the cause is fixed)."""
        return self.status in (PrintStatus.PRINTED, PrintStatus.HELD)


class LabelPrinter(Protocol):
    """A label printer as the services see it: one job (a label's bytes) at a time."""

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        """Send ``payload`` (ZPL) as job ``job_key``; say what became of it."""
        ...


def send_safely(printer: LabelPrinter, job_key: str, payload: bytes) -> PrinterOutcome:
    """``printer.send``, with an I/O failure (the only thing a driver raises) as ``failed``."""
    try:
        return printer.send(job_key, payload)
    except OSError as exc:
        return PrinterOutcome.failed(t("the printer could not be reached: {error}", error=str(exc)))


__all__ = ["LabelPrinter", "PrinterOutcome", "send_safely"]
