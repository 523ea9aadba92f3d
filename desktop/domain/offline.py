"""The vocabulary of capture while the shared database is away: which station steps may be
taken offline, where a journal entry stands, and what a supervisor decides about a conflict.
docs/offline.md says the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for

#: How old the station's offline copy of the shared database may be when a step is captured
#: against it (default; the station file's [offline] max_copy_age_hours sets it).
DEFAULT_MAX_COPY_AGE_HOURS = 12.0


class OfflineStep(Vocabulary):
    """What a station may capture into its journal while offline: four production steps, and
    the log-in of the person who takes them."""

    CONSUME = "consume"
    WEIGHT = "weight"
    MEASUREMENT = "measurement"
    CHECK = "check"
    LOGIN = "login"


words_for(
    OfflineStep,
    {
        OfflineStep.CONSUME: t("consume"),
        OfflineStep.WEIGHT: t("weight"),
        OfflineStep.MEASUREMENT: t("measurement"),
        OfflineStep.CHECK: t("check"),
        OfflineStep.LOGIN: t("log-in"),
    },
)


class JournalState(Vocabulary):
    """Where one entry of a station's journal stands."""

    CAPTURED = "captured"  # written to the journal; its check against the copy not finished
    PENDING = "pending"  # accepted by the station's copy: waits to be sent
    REFUSED = "refused"  # refused at the station (the operator saw why): never sent
    SYNCED = "synced"  # recorded in the shared database (or found already recorded there)
    CONFLICT = "conflict"  # the shared database refused it: a supervisor decides


words_for(
    JournalState,
    {
        JournalState.CAPTURED: t("captured"),
        JournalState.PENDING: t("pending"),
        JournalState.REFUSED: t("refused at the station"),
        JournalState.SYNCED: t("recorded"),
        JournalState.CONFLICT: t("conflict"),
    },
)

#: Entries that still have to be sent to the shared database, in journal order.
UNSENT = (JournalState.CAPTURED, JournalState.PENDING)


class ConflictStatus(Vocabulary):
    """offline_conflicts.status."""

    OPEN = "open"
    RESOLVED = "resolved"


words_for(ConflictStatus, {ConflictStatus.OPEN: t("open"), ConflictStatus.RESOLVED: t("resolved")})


class ConflictDecision(Vocabulary):
    """What a supervisor decided about a step the shared database refused after an outage."""

    RECORDED = "recorded"  # the cause was fixed and the step recorded now, as captured
    REDO = "redo"  # the step is to be done again at the station (nothing recorded from it)
    VOID = "void"  # the step did not happen as captured (nothing recorded from it)


words_for(
    ConflictDecision,
    {
        ConflictDecision.RECORDED: t("recorded after the cause was fixed"),
        ConflictDecision.REDO: t("to be done again at the station"),
        ConflictDecision.VOID: t("void: it did not happen as captured"),
    },
)


@dataclass(frozen=True)
class OfflineOrigin:
    """Where an event captured offline comes from: the station's journal, the entry's place
    and hash in it, and when the station captured it (aware, UTC)."""

    journal: str
    seq: int
    entry_hash: str
    captured_at: datetime

    def as_data(self) -> dict[str, object]:
        return {
            "journal": self.journal,
            "seq": self.seq,
            "hash": self.entry_hash,
            "captured_at": self.captured_at.astimezone(UTC).isoformat(),
        }


__all__ = [
    "DEFAULT_MAX_COPY_AGE_HOURS",
    "UNSENT",
    "ConflictDecision",
    "ConflictStatus",
    "JournalState",
    "OfflineOrigin",
    "OfflineStep",
]
