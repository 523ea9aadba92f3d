"""The batch record carries the SPC chart of each numeric step: the readings of its units
against the control limits in force, the points that broke a rule, and the anomaly flags with
their disposition; in the PDF and in the JSON (both databases)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.reports.record_files import to_json
from desktop.reports.record_pdf import render_pdf
from desktop.services import spc
from desktop.services.documents import build_record
from tests.integration.workflows.spc_support import WEIGH, frozen_baseline, pumps_weighing
from tests.support.plant import Plant


def test_the_batch_record_charts_each_numeric_step_with_its_flags(
    plant: Plant, tmp_path: Path
) -> None:
    frozen_baseline(plant)
    lot, _ = pumps_weighing(plant, [2400.0, 2410.0, 2400.5])
    qc = plant.ctx("qc_inspector")
    spc.disposition_flag(qc, "SPC-000001", "scale re-zeroed; re-weighed 2400.3 g")
    record = build_record(qc, lot.scan)
    by_step = {s.step: s for s in record.spc}
    weigh = by_step[f"4 {WEIGH}"]
    assert weigh.values == (2400.0, 2410.0, 2400.5)
    assert weigh.items == tuple(f"unit {s}" for s in lot.serials)
    assert weigh.limits_from.startswith("baseline 1 (10 readings), Quinn Inspector (quinn), ")
    assert weigh.limits_from.endswith("Control limits approved")
    assert weigh.marked == ((1, "1"),)
    assert (weigh.spec_lower, weigh.spec_upper, weigh.unit) == (2380.0, 2420.0, "g")
    [flag] = weigh.flags
    assert (flag.number, flag.item, flag.status) == (
        "SPC-000001",
        f"unit {lot.serials[1]}",
        "dispositioned",
    )
    assert flag.rule == "rule 1: a point beyond 3 sigma" and flag.value == "2410 g"
    assert flag.decision.startswith("quinn ") and flag.decision.endswith("re-weighed 2400.3 g")
    # every torque reading is 1.00 and no baseline is frozen for it: no limits, no chart
    assert "3 Housing screw torque" not in by_step
    pdf = render_pdf(record, tmp_path / "record.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    data = json.loads(to_json(record))
    assert data["spc"][0]["flags"][0]["number"] == "SPC-000001"
