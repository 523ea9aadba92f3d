"""The vocabulary of quality records: the states of a nonconformance and its dispositions."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class NcrStatus(Vocabulary):
    """open -> dispositioned (signed) -> closed (nonconformances.status)."""

    OPEN = "open"
    DISPOSITIONED = "dispositioned"
    CLOSED = "closed"


words_for(
    NcrStatus,
    {
        NcrStatus.OPEN: t("open"),
        NcrStatus.DISPOSITIONED: t("dispositioned"),
        NcrStatus.CLOSED: t("closed"),
    },
)


class Disposition(Vocabulary):
    """What is done with a nonconforming item (nonconformances.disposition)."""

    REWORK = "rework"
    SCRAP = "scrap"
    USE_AS_IS = "use_as_is"


words_for(
    Disposition,
    {
        Disposition.REWORK: t("rework"),
        Disposition.SCRAP: t("scrap"),
        Disposition.USE_AS_IS: t("use as is"),
    },
)
