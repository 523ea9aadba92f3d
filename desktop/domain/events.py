"""What the traceability record holds: the kinds of event, their outcomes, and the kinds of
link between a parent item and the items consumed or packed into it."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class EventKind(Vocabulary):
    """The kind of a recorded event (events.kind)."""

    # receiving
    RECEIVE = "receive"  # a supplier lot received into quarantine
    INCOMING_INSPECTION = "incoming_inspection"
    MATERIAL_RELEASE = "material_release"
    MATERIAL_REJECT = "material_reject"
    # production
    WO_RELEASE = "wo_release"  # a work order released to the line (its lot made)
    COMMISSION = "commission"  # serial numbers commissioned for a work order
    CONSUME = "consume"  # route step: a component scanned into a unit
    WEIGH = "weigh"  # route step: a scale reading
    INSPECT = "inspect"  # route step: a measured value
    CHECK = "check"  # route step: a pass/fail check
    WEIGHT_OVERRIDE = "weight_override"  # a weight entered by hand (scale offline), approved
    # quality
    INSPECTION = "inspection"  # a QC reading against the product's inspection plan
    NCR_OPEN = "ncr_open"
    NCR_DISPOSITION = "ncr_disposition"
    NCR_CLOSE = "ncr_close"
    HOLD = "hold"
    HOLD_RELEASE = "hold_release"
    LOT_RELEASE = "lot_release"
    # labelling
    LABEL_PRINT = "label_print"
    LABEL_VERIFY = "label_verify"
    LABEL_REPRINT = "label_reprint"
    LABEL_RECONCILE = "label_reconcile"
    # packing
    CASE_CREATE = "case_create"
    PALLET_CREATE = "pallet_create"
    PACK = "pack"
    UNPACK = "unpack"
    CASE_CLOSE = "case_close"
    PALLET_CLOSE = "pallet_close"
    # distribution and after sale
    SHIPMENT = "shipment"  # the shipment as a whole
    SHIP = "ship"  # one item of a shipment
    INSTALLATION = "installation"
    SERVICE = "service"
    REPAIR = "repair"
    RETURN = "return"
    DISPOSAL = "disposal"
    # recalls
    RECALL_OPEN = "recall_open"
    RECALL_CLOSE = "recall_close"


words_for(
    EventKind,
    {
        EventKind.RECEIVE: t("receive"),
        EventKind.INCOMING_INSPECTION: t("incoming inspection"),
        EventKind.MATERIAL_RELEASE: t("material release"),
        EventKind.MATERIAL_REJECT: t("material rejection"),
        EventKind.WO_RELEASE: t("work order release"),
        EventKind.COMMISSION: t("serial commissioning"),
        EventKind.CONSUME: t("consume"),
        EventKind.WEIGH: t("weigh"),
        EventKind.INSPECT: t("inspect"),
        EventKind.CHECK: t("check"),
        EventKind.WEIGHT_OVERRIDE: t("weight entered by hand"),
        EventKind.INSPECTION: t("inspection"),
        EventKind.NCR_OPEN: t("NCR opened"),
        EventKind.NCR_DISPOSITION: t("NCR disposition"),
        EventKind.NCR_CLOSE: t("NCR closed"),
        EventKind.HOLD: t("hold"),
        EventKind.HOLD_RELEASE: t("hold release"),
        EventKind.LOT_RELEASE: t("lot release"),
        EventKind.LABEL_PRINT: t("label print"),
        EventKind.LABEL_VERIFY: t("label scan-back"),
        EventKind.LABEL_REPRINT: t("label reprint"),
        EventKind.LABEL_RECONCILE: t("label reconciliation"),
        EventKind.CASE_CREATE: t("case opened"),
        EventKind.PALLET_CREATE: t("pallet opened"),
        EventKind.PACK: t("pack"),
        EventKind.UNPACK: t("unpack"),
        EventKind.CASE_CLOSE: t("case closed"),
        EventKind.PALLET_CLOSE: t("pallet closed"),
        EventKind.SHIPMENT: t("shipment"),
        EventKind.SHIP: t("ship"),
        EventKind.INSTALLATION: t("installation"),
        EventKind.SERVICE: t("service"),
        EventKind.REPAIR: t("repair"),
        EventKind.RETURN: t("return"),
        EventKind.DISPOSAL: t("disposal"),
        EventKind.RECALL_OPEN: t("recall opened"),
        EventKind.RECALL_CLOSE: t("recall closed"),
    },
)


#: Kinds of event that override a rule, which a lot review lists on their own.
OVERRIDES: frozenset[EventKind] = frozenset({EventKind.WEIGHT_OVERRIDE})


class Outcome(Vocabulary):
    """How an event came out (events.outcome)."""

    OK = "ok"
    FAIL = "fail"  # a route step out of limits or failed
    FAILED = "failed"  # an incoming inspection not passed; a print job that never printed
    OUT_OF_TOLERANCE = "out_of_tolerance"  # a QC reading outside the plan's limits
    MISMATCH = "mismatch"  # a scanned-back label that does not read as printed
    REJECTED = "rejected"  # a material lot rejected


words_for(
    Outcome,
    {
        Outcome.OK: t("ok"),
        Outcome.FAIL: t("fail"),
        Outcome.FAILED: t("failed"),
        Outcome.OUT_OF_TOLERANCE: t("out of tolerance"),
        Outcome.MISMATCH: t("mismatch"),
        Outcome.REJECTED: t("rejected"),
    },
)


class LinkKind(Vocabulary):
    """Why a child item hangs under a parent (links.kind)."""

    CONSUME = "consume"  # built into the parent (a component, material, a supplier's piece)
    PACK = "pack"  # packed into the parent (a case, a pallet)


words_for(
    LinkKind,
    {
        LinkKind.CONSUME: t("consume"),
        LinkKind.PACK: t("pack"),
    },
)
