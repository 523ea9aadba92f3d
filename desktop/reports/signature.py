"""A signature as a report shows it (21 CFR Part 11 11.50): printed name, date and time, meaning,
and whether the signed record is unchanged since (11.70)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Manifestation:
    """A signature as shown with the record (Part 11 11.50), and whether it still verifies."""

    printed_name: str
    username: str
    meaning: str
    signed_at: datetime
    valid: bool
    problem: str = ""

    def text(self) -> str:
        when = self.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        check = "signature verifies" if self.valid else f"DOES NOT VERIFY: {self.problem}"
        if self.valid and self.problem:  # verifies as signed, with what was recorded since
            check = f"{check}: {self.problem}"
        return f"{self.printed_name} ({self.username}), {when}: {self.meaning} ({check})"
