"""The dashboard's panels and the records behind their figures, on SQLite and PostgreSQL, after
real work through the services: pumps built with one failed functional test, a lot completed and
awaiting release, an NCR, a hold, labels printed and verified, a device's health report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.insight import CoverageGap, LabelTally, Panel
from desktop.services import holds, insight, quality
from desktop.services.core.errors import PermissionDenied, Refusal
from desktop.services.labelling import print_labels, verify_label
from desktop.services.packing import create_case, pack_unit
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    eid,
    label_all,
    release,
    released_pumps,
)
from tests.support.plant import Plant


def _panel(plant: Plant, panel: Panel) -> insight.PanelView:
    return insight.dashboard_panel(plant.ctx("supervisor"), panel)


def _figure(view: insight.PanelView, label_part: str) -> insight.Figure:
    found = [f for f in view.figures if label_part in f.label]
    assert found, (label_part, [f.label for f in view.figures])
    return found[0]


def test_line_panels_count_the_units_built_and_the_failures(plant: Plant) -> None:
    built = build_pumps(plant, 4, check_fails=("never",))
    failing = build_pumps(plant, 2, check_fails=())
    # the second lot: one more pump whose functional test fails
    worse = build_pumps(plant, 2)
    wip = _panel(plant, Panel.WIP)
    # every pump waits for its label step (the step after the functional test)
    waiting = _figure(wip, "UDI label")
    assert waiting.value == 8
    assert wip.headline == "8 units in process, 0 nonconforming"
    units = insight.figure_records(plant.ctx("supervisor"), waiting.key)
    assert units.total == 8
    assert {row[0] for row in units.rows} >= set(built.serials) | set(failing.serials)

    fpy = _panel(plant, Panel.YIELD)
    check = _figure(fpy, "Functional test")
    assert check.value == 100.0 and not check.alert
    assert {f.label for f in fpy.figures if f.label.startswith("lot")} >= {
        f"lot {b.lot} ({b.wo})" for b in (built, failing, worse)
    }


def test_a_failed_check_lowers_the_first_pass_yield_of_its_step_and_lot(plant: Plant) -> None:
    bad = build_pumps(plant, 4, failing=1)
    serial = bad.serials[0]
    build_pumps(plant, 2)
    fpy = _panel(plant, Panel.YIELD)
    check = _figure(fpy, "Functional test")
    assert check.value == pytest.approx(100 * 5 / 6, abs=0.1)
    assert check.alert
    assert check.note == "1 of 6 units failed"
    lot = _figure(fpy, f"lot {bad.lot}")
    assert lot.value == 75.0
    failed = insight.figure_records(plant.ctx("supervisor"), check.key)
    assert [row[0] for row in failed.rows] == [serial]
    assert failed.rows[0][3] == "fail"


def test_output_counts_units_through_the_last_step_per_hour(plant: Plant) -> None:
    view = _panel(plant, Panel.OUTPUT)
    assert len(view.figures) in (24, 25)  # the hours of the window
    assert sum(f.value for f in view.figures) == 0
    assert view.headline.startswith("0 built in 24 h")


def test_open_ncrs_and_holds_are_listed_oldest_first_with_their_age(plant: Plant) -> None:
    built = build_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    ncr = quality.open_ncr(qc, built.serials[0], "housing cracked", event_id=eid())
    holds.place_hold(qc, built.serials[1], "awaiting supplier answer", event_id=eid())
    ncrs = _panel(plant, Panel.NCRS)
    assert ncrs.figures_total == 1 and ncrs.figures[0].label == ncr.number
    assert ncrs.headline.startswith("1 open, the oldest")
    rows = insight.figure_records(plant.ctx("supervisor"), ncrs.figures[0].key).rows
    assert rows[0][0] == ncr.number and rows[0][1] == built.serials[0]
    held = _panel(plant, Panel.HOLDS)
    assert held.figures_total == 1 and held.figures[0].label == built.serials[1]
    later = insight.dashboard_panel(
        plant.ctx("supervisor"), Panel.HOLDS, now=datetime.now(UTC) + timedelta(days=9)
    )
    assert later.alert and later.figures[0].note == "9 d"


def test_coverage_lists_units_built_without_their_whole_record(plant: Plant) -> None:
    view = _panel(plant, Panel.COVERAGE)
    assert view.headline == "no unit built in the last 24 h"
    assert {f.key for f in view.figures} == {"trace_coverage:complete"} | {
        f"trace_coverage:{g}" for g in CoverageGap
    }


def test_label_reconciliation_panel_counts_by_tally(plant: Plant) -> None:
    view = _panel(plant, Panel.LABELS)
    assert [f.key for f in view.figures] == [f"label_reconciliation:{t}" for t in LabelTally]
    assert view.headline == "0 issued, 0 verified, 0 lots not reconciled"


def test_device_health_report_shows_on_the_panel(plant: Plant) -> None:
    op = plant.ctx("operator")
    now = datetime.now(UTC)
    insight.report_device_health(
        op, "line-1 scale", now - timedelta(minutes=15), now, readings=40, refused=3, reconnects=1
    )
    view = _panel(plant, Panel.DEVICES)
    scale = [f for f in view.figures if f.label == "line-1 scale" and f.value == 4]
    assert scale, [(f.label, f.value) for f in view.figures]
    assert scale[0].alert
    assert "3 of 40 readings refused, 1 reconnects" in scale[0].note
    rows = insight.figure_records(plant.ctx("supervisor"), scale[0].key).rows
    assert rows[0][2:] == ("40", "3", "1")
    with pytest.raises(Refusal, match="counts of 0 or more"):
        insight.report_device_health(
            op, "line-1 scale", now, now, readings=-1, refused=0, reconnects=0
        )


def test_kpis_hold_every_panel(plant: Plant) -> None:
    data = insight.kpis(plant.ctx("qc_inspector"), hours=8)
    assert set(data) == {"window"} | {str(p) for p in Panel}
    assert data["window"]["hours"] == 8
    assert data["wip"]["title"] == "Work in progress by step"


def test_the_dashboard_is_refused_to_an_operator_and_bad_keys_and_windows_are_refused(
    plant: Plant,
) -> None:
    with pytest.raises(PermissionDenied, match="may not view the plant dashboard"):
        _panel_as(plant, "operator")
    sup = plant.ctx("supervisor")
    with pytest.raises(Refusal, match="names no figure of the dashboard"):
        insight.figure_records(sup, "nonsense:1")
    with pytest.raises(Refusal, match="names no figure of the dashboard"):
        insight.figure_records(sup, "wip:x")
    with pytest.raises(Refusal, match="give 1 to 744 hours"):
        insight.dashboard(sup, hours=0)


def _panel_as(plant: Plant, role: str) -> None:
    insight.dashboard_panel(plant.ctx(role), Panel.WIP)


def test_labelled_units_are_built_and_a_label_not_read_back_is_a_first_pass_failure(
    plant: Plant, printer: FakePrinter
) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 3)
    label_all(plant, printer, built.serials[:2])
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, built.serials[2], key="k-bad")
    assert not verify_label(pack, job.key, "(01)09506000134352(21)OTHER", event_id=eid()).ok
    assert sum(f.value for f in _panel(plant, Panel.OUTPUT).figures) == 0  # not yet packed
    case = create_case(pack)
    for serial in built.serials[:2]:
        pack_unit(pack, case.sscc, serial)
    output = _panel(plant, Panel.OUTPUT)
    assert sum(f.value for f in output.figures) == 2  # their route's last step (Pack) passed
    assert output.headline.startswith("2 built in 24 h")
    coverage = _panel(plant, Panel.COVERAGE)
    assert coverage.headline == "100.0 % of 2 units built have a complete record; 0 incomplete"
    complete = insight.figure_records(plant.ctx("supervisor"), "trace_coverage:complete")
    assert sorted(r[0] for r in complete.rows) == sorted(built.serials[:2])
    fpy = _panel(plant, Panel.YIELD)
    label_step = _figure(fpy, "6 UDI label")
    assert label_step.value == pytest.approx(100 * 2 / 3, abs=0.1)
    assert label_step.note == "1 of 3 units failed"
    rows = insight.figure_records(plant.ctx("supervisor"), label_step.key).rows
    assert [(r[0], r[3]) for r in rows] == [(built.serials[2], "mismatch")]


def test_lots_not_yet_released_await_release_until_qc_signs(plant: Plant) -> None:
    first = build_pumps(plant, 2)
    second = build_pumps(plant, 2, failing=1)
    view = _panel(plant, Panel.RELEASE)
    assert [f.label for f in view.figures] == [first.lot, second.lot]  # oldest first
    assert view.headline == "2 lot(s) awaiting release, 0 with anomaly flags"
    release(plant, first.scan)
    view = _panel(plant, Panel.RELEASE)
    assert [f.label for f in view.figures] == [second.lot]
