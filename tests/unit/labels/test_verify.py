"""verify_label refuses any label that does not decode to exactly the intended UDI."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.labels import VerifyFailed, plan_label, render_verified, verify_label
from desktop.labels.items import DataMatrix, Linear, Plan
from desktop.labels.png import png_from_plan
from desktop.labels.render import verify_rendered
from desktop.labels.zpl import zpl_from_plan
from tests.unit.labels.label_data import FIELDS, typical


def test_a_good_label_passes_with_what_it_read() -> None:
    udi = typical()
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    result = verify_label(png_from_plan(plan), udi)
    assert result.ok and result.reasons == ()
    assert sorted(result.decoded) == sorted(plan.expected)


def test_a_label_of_other_data_is_refused_with_the_reason() -> None:
    printed, intended = typical(_21="SN0001"), typical(_21="SN0002")
    png = png_from_plan(plan_label("udi-4x2", printed, FIELDS, 203))
    result = verify_label(png, intended)
    assert not result.ok
    assert (
        "DataMatrix reads ]d2 '0109506000134352172712311126011510ABC123<GS>21SN0001', "
        "expected ]d2 '0109506000134352172712311126011510ABC123<GS>21SN0002'"
    ) in result.reasons


def test_a_missing_symbol_is_refused() -> None:
    udi = typical()
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    without_dm = dataclasses.replace(
        plan, items=tuple(i for i in plan.items if not isinstance(i, DataMatrix))
    )
    result = verify_label(png_from_plan(without_dm), udi, plan.expected)
    assert not result.ok
    assert result.reasons[0].startswith("no DataMatrix could be read; expected ]d2 '01095")


def test_a_corrupted_zpl_gs1_128_is_caught_by_reading_the_zpl_back() -> None:
    udi = typical()
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    zpl = zpl_from_plan(plan).replace(b">821SN0001", b"21SN0001")  # separator lost
    result = verify_rendered(zpl, "zpl", plan, udi)
    assert not result.ok
    assert any(r.startswith("GS1-128 reads ]C1 ") for r in result.reasons)


def test_render_verified_raises_instead_of_returning_bad_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(plan: Plan, fmt: str) -> bytes:
        bad = dataclasses.replace(
            plan, items=tuple(i for i in plan.items if not isinstance(i, Linear))
        )
        return png_from_plan(bad)

    monkeypatch.setattr("desktop.labels.render.render", broken)
    with pytest.raises(VerifyFailed, match="must not be printed") as refused:
        render_verified("udi-2x1", typical(), FIELDS, 300, "png")
    assert not refused.value.result.ok
