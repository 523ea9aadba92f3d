"""The vocabulary of the plant dashboard: its panels, the gaps that make a unit's record
incomplete (traceability coverage) and how a device's health is judged."""

from __future__ import annotations

from desktop.domain.events import Outcome
from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for

#: Outcomes of a step not passed first time: out of limits or failed, a label not read back.
NOT_FIRST_PASS = (Outcome.FAIL, Outcome.MISMATCH)


class Panel(Vocabulary):
    """One panel of the dashboard (and one key of ``lotline kpi --json``)."""

    WIP = "wip"  # units waiting at each route step
    OUTPUT = "output"  # units built per hour against the rate the plan needs
    YIELD = "first_pass_yield"  # first-pass yield per step and per lot
    SCRAP_REWORK = "scrap_rework"  # NCR dispositions to scrap and to rework
    NCRS = "open_ncrs"  # open nonconformances with their age
    HOLDS = "holds_in_force"  # holds in force with their age
    RELEASE = "awaiting_release"  # lots completed and awaiting release
    LABELS = "label_reconciliation"  # label reconciliation
    DEVICES = "device_health"  # readings refused, reconnects, calibration due
    COVERAGE = "trace_coverage"  # units whose genealogy and required events are complete
    RECALLS = "recall_response"  # recall response time


words_for(
    Panel,
    {
        Panel.WIP: t("Work in progress by step"),
        Panel.OUTPUT: t("Units built per hour"),
        Panel.YIELD: t("First-pass yield"),
        Panel.SCRAP_REWORK: t("Scrap and rework"),
        Panel.NCRS: t("Open nonconformances"),
        Panel.HOLDS: t("Holds in force"),
        Panel.RELEASE: t("Lots awaiting release"),
        Panel.LABELS: t("Label reconciliation"),
        Panel.DEVICES: t("Device health"),
        Panel.COVERAGE: t("Traceability coverage"),
        Panel.RECALLS: t("Recall response time"),
    },
)


class CoverageGap(Vocabulary):
    """Why a finished unit's record is not complete."""

    STEP_MISSING = "step_missing"  # a step of its route has no passing event
    COMPONENT_MISSING = "component_missing"  # a component step has no component linked
    LABEL_MISSING = "label_missing"  # no label issued for it was verified by scanning back


words_for(
    CoverageGap,
    {
        CoverageGap.STEP_MISSING: t("route step without a passing record"),
        CoverageGap.COMPONENT_MISSING: t("component step without a linked component"),
        CoverageGap.LABEL_MISSING: t("no verified label"),
    },
)


class DeviceHealth(Vocabulary):
    """How a device stands on the dashboard."""

    OK = "in_order"
    CALIBRATION_DUE = "calibration_due"  # due within the warning days
    CALIBRATION_OVERDUE = "calibration_overdue"  # past its due date: readings are refused
    UNSTEADY = "unsteady"  # refused readings or reconnects in the window


words_for(
    DeviceHealth,
    {
        DeviceHealth.OK: t("in order"),
        DeviceHealth.CALIBRATION_DUE: t("calibration due soon"),
        DeviceHealth.CALIBRATION_OVERDUE: t("calibration overdue"),
        DeviceHealth.UNSTEADY: t("refusals or reconnects"),
    },
)


def yield_share(attempted: int, failed: int) -> float | None:
    """First-pass yield: the share of units that passed without a failure (None: no unit)."""
    return None if attempted <= 0 else (attempted - failed) / attempted


def per_hour_needed(remaining: int, hours_left: float) -> float:
    """The rate a plan needs: what remains over the hours left (at least one hour)."""
    return max(remaining, 0) / max(hours_left, 1.0)


class LabelTally(Vocabulary):
    """What the label reconciliation panel counts, in its order."""

    ISSUED = "issued"  # printed, or taken by the printer (held): a label exists
    VERIFIED = "verified_back"  # scanned back and read as printed
    VOIDED = "voided"
    FAILED = "never_printed"  # never reached the printer: no label exists
    REPRINTED = "reprinted"
    APPLIED = "applied"  # as the lots' reconciliations say
    DESTROYED = "destroyed"
    RETURNED = "returned"
    UNRECONCILED = "unreconciled"  # lots with labels issued and no reconciliation


words_for(
    LabelTally,
    {
        LabelTally.ISSUED: t("issued"),
        LabelTally.VERIFIED: t("verified by scanning back"),
        LabelTally.VOIDED: t("voided"),
        LabelTally.FAILED: t("never printed"),
        LabelTally.REPRINTED: t("reprints"),
        LabelTally.APPLIED: t("applied"),
        LabelTally.DESTROYED: t("destroyed"),
        LabelTally.RETURNED: t("returned"),
        LabelTally.UNRECONCILED: t("lots not reconciled"),
    },
)

#: The counts a lot's label reconciliation records (its event's data), as tallies.
RECONCILED = (LabelTally.APPLIED, LabelTally.DESTROYED, LabelTally.RETURNED)
