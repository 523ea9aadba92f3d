"""No control characters in stored text: a NUL or another control character in what a person
types is refused, naming the field, and nothing is written; tabs and line breaks are text."""

from __future__ import annotations

from desktop.services.holds import place_hold
from desktop.services.quality import open_ncr
from tests.integration.workflows.qcpack_support import build_pumps
from tests.support.refusals import counts, refused


def test_control_characters_are_refused_in_stored_text(plant) -> None:
    built = build_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    before = counts(plant.engine)
    refused(
        plant.engine, open_ncr, qc, built.serials[0], "cracked\x00housing",
        match=r"description of nonconformances holds NUL \(U\+0000\)",
    )  # fmt: skip
    refused(
        plant.engine, place_hold, qc, built.serials[1], "dropped\x07",
        match=r"reason of holds holds a control character \(U\+0007\)",
    )  # fmt: skip
    assert counts(plant.engine) == before
    ncr = open_ncr(qc, built.serials[0], "cracked housing:\n\tleft side")
    assert ncr.description == "cracked housing:\n\tleft side"
