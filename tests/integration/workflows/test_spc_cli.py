"""SPC as QC runs it with `lotline spc`: a baseline frozen (signed) from a lot's weights, a later
weight within specification but beyond 3 sigma passes its step and flags the unit and its lot,
the lot's release is refused naming the flag until QC dispositions it (reason required), the
chart as text, JSON and PDF (both databases)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, SpcFlag
from desktop.cli import main
from desktop.domain.spc import FlagStatus, SpcRule
from desktop.domain.states import Status
from desktop.services.core.errors import Refusal
from desktop.services.quality import lot_review, release_lot
from tests.integration.workflows.qcpack_support import PUMP, item
from tests.integration.workflows.spc_support import BASELINE, WEIGH, pumps_weighing
from tests.support.plant import PASSWORD, Plant


def run(
    capsys: Any, monkeypatch: Any, url: str, *args: str, by: str = "quinn"
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main([*args, "--by", by, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def spc(*args: str) -> tuple[str, ...]:
    return ("spc", *args)


def test_a_rule_broken_within_specification_blocks_release_until_qc_dispositions_it(
    plant: Plant, database_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    url = database_url
    where = ("--product", PUMP, "--step", WEIGH)
    code, _, err = run(capsys, monkeypatch, url, *spc("baseline", "freeze", *where))
    assert code == 1
    assert f'step "4 {WEIGH}" of Infusion Pump IP-300' in err and "has 0 reading(s)" in err
    first, _ = pumps_weighing(plant, BASELINE)
    code, _, err = run(capsys, monkeypatch, url, *spc("baseline", "freeze", *where), by="olga")
    assert code == 1 and "may not freeze SPC control limits" in err
    code, out, err = run(
        capsys, monkeypatch, url,
        *spc("baseline", "freeze", *where, "--reason", "first lot, process validated"),
    )  # fmt: skip
    assert code == 0, err
    assert "(in force)" in out and "10 readings" in out
    assert "Control limits approved" in out
    # the baseline's own lot is free to go
    release_lot(
        plant.ctx("qc_inspector"), plant.login("qc_inspector"), first.scan, PASSWORD, "quinn"
    )

    second, answers = pumps_weighing(plant, [2400.0, 2410.0, 2400.5])
    assert all("out of" not in a for a in answers)  # 2410 g is within 2380-2420 g: passed
    assert item(plant.engine, serial=second.serials[1]).status == Status.IN_PROCESS
    with Session(plant.engine) as s:
        flags = s.scalars(select(SpcFlag)).all()
        assert [(f.rule, f.status) for f in flags] == [(SpcRule.BEYOND_3_SIGMA, FlagStatus.OPEN)]
        assert s.scalar(select(func.count()).where(AuditEntry.action == "spc.flag")) == 1

    qc = plant.ctx("qc_inspector")
    review = lot_review(qc, second.scan)
    assert [f.number for f in review.flags] == ["SPC-000001"]
    with pytest.raises(Refusal) as refused:
        release_lot(qc, plant.login("qc_inspector"), second.scan, PASSWORD, "quinn")
    assert (
        f"SPC-000001 is open on unit {second.serials[1]}: rule 1: a point beyond 3 sigma "
        f"(4 {WEIGH}, 2410 g)"
    ) in refused.value.message

    code, out, err = run(capsys, monkeypatch, url, *spc("flags"))
    assert code == 0, err
    assert out.startswith(f"SPC-000001 on unit {second.serials[1]} (4 {WEIGH}, 2410 g): rule 1")
    code, _, err = run(capsys, monkeypatch, url, *spc("flags", "--disposition", "SPC-000001"))
    assert code == 1 and "dispositioning SPC-000001 needs a reason" in err
    code, _, err = run(
        capsys, monkeypatch, url, *spc("flags", "--disposition", "SPC-1", "--reason", "ok"),
        by="olga",
    )  # fmt: skip
    assert code == 1 and "may not disposition SPC anomaly flags" in err
    why = "scale re-zeroed; unit re-weighed 2400.4 g"
    code, out, err = run(
        capsys, monkeypatch, url, *spc("flags", "--disposition", "SPC-000001", "--reason", why)
    )
    assert code == 0, err
    assert "[dispositioned]" in out and "dispositioned by quinn" in out
    code, out, _ = run(capsys, monkeypatch, url, *spc("flags"))
    assert out.strip() == "no open anomaly flag"
    code, out, _ = run(capsys, monkeypatch, url, *spc("flags", "--all", "--json"))
    assert json.loads(out)[0]["reason"] == why

    done = release_lot(qc, plant.login("qc_inspector"), second.scan, PASSWORD, "quinn")
    assert done.units_released == 3

    code, out, err = run(capsys, monkeypatch, url, *spc(*where))
    assert code == 0, err
    assert "limits: baseline 1 frozen" in out and "Cpk" in out
    assert f"point 12 ({'unit ' + second.serials[1]}, 2410.0000): rule 1" in out
    code, out, err = run(capsys, monkeypatch, url, *spc(*where, "--json"))
    data = json.loads(out)
    assert data["limits_from"] == "baseline" and len(data["points"]) == 13
    assert [v["number"] for v in data["violations"]] == [1]
    pdf = tmp_path / "spc.pdf"
    code, out, err = run(capsys, monkeypatch, url, *spc(*where, "--pdf", str(pdf)))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, monkeypatch, url, *spc(*where, "--subgroup", "3", "--json"))
    assert code == 0, err
    assert json.loads(out)["chart"] == "xbar_r" and len(json.loads(out)["points"]) == 4
