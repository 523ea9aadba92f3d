"""The vocabulary of labels: the states of a label template version and of a print job."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class TemplateStatus(Vocabulary):
    """draft -> approved (signed) -> retired (label_template_versions.status)."""

    DRAFT = "draft"
    APPROVED = "approved"  # the one version of its template that may print
    RETIRED = "retired"  # superseded by a later approved version


words_for(
    TemplateStatus,
    {
        TemplateStatus.DRAFT: t("draft"),
        TemplateStatus.APPROVED: t("approved"),
        TemplateStatus.RETIRED: t("retired"),
    },
)


class PrintStatus(Vocabulary):
    """queued -> printed | held | failed; printed or held -> verified | voided (print_jobs.status).

    ``held``: the printer took the job and prints it once the cause (paper, head open) is fixed,
    so the label counts as issued; ``failed``: the job never reached the printer, nothing was
    issued, and a retry with the same job key sends it again.
    """

    QUEUED = "queued"
    PRINTED = "printed"
    HELD = "held"
    FAILED = "failed"
    VERIFIED = "verified"
    VOIDED = "voided"


words_for(
    PrintStatus,
    {
        PrintStatus.QUEUED: t("queued"),
        PrintStatus.PRINTED: t("printed"),
        PrintStatus.HELD: t("held"),
        PrintStatus.FAILED: t("failed"),
        PrintStatus.VERIFIED: t("verified"),
        PrintStatus.VOIDED: t("voided"),
    },
)

#: Job states that count as issued labels (the printer has them).
ISSUED = frozenset(
    {PrintStatus.PRINTED, PrintStatus.HELD, PrintStatus.VERIFIED, PrintStatus.VOIDED}
)
#: Issued and not yet scanned back.
AWAITING_SCAN_BACK = frozenset({PrintStatus.PRINTED, PrintStatus.HELD})


class LabelPurpose(Vocabulary):
    """What a serial label is stuck on (the label says so in capitals)."""

    UNIT = "unit"  # the finished unit
    HOUSING = "housing"  # the housing the unit is built into


words_for(
    LabelPurpose,
    {
        LabelPurpose.UNIT: t("unit"),
        LabelPurpose.HOUSING: t("housing"),
    },
)
