"""Simulator pieces without I/O: the baud model, profiles, the printer and scale models."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.devices.continuous import parse_ohaus, parse_toledo
from desktop.devices.sim import profile_from_dict
from desktop.devices.sim.printer_model import PrinterModel
from desktop.devices.sim.profile import PrinterDevice, ScaleDevice, load_profile
from desktop.devices.sim.scale_model import ScaleModel, ohaus_line, sics_weight, toledo_frame
from desktop.devices.sim.uart import garble
from desktop.devices.weights import Weight, WeightStatus

PROFILES = Path(__file__).resolve().parents[3] / "desktop" / "devices" / "sim" / "profiles"


def test_same_baud_passes_bytes_unchanged() -> None:
    data = bytes(range(256))
    assert garble(data, 9600, 9600) == data


@pytest.mark.parametrize(("sender", "receiver"), [(19200, 9600), (9600, 19200), (115200, 9600)])
def test_wrong_baud_garbles(sender: int, receiver: int) -> None:
    data = b"S S     100.00 g\r\n"
    out = garble(data, sender, receiver)
    assert out != data and b"S S" not in out
    assert garble(data, sender, receiver) == out  # deterministic


def test_bundled_profiles_load() -> None:
    names = sorted(p.stem for p in PROFILES.glob("*.toml"))
    assert {"scanner", "scale-mtsics", "scale-toledo", "scale-ohaus", "printer"} <= set(names)
    for name in names:
        load_profile(name)


def test_profile_errors_name_the_bad_key() -> None:
    with pytest.raises(ValueError, match=r"unknown key.*paper_lables"):
        profile_from_dict({"kind": "printer", "device": {"paper_lables": 3}})
    with pytest.raises(ValueError, match="kind must be one of"):
        profile_from_dict({"kind": "toaster"})


def feed_all(model: PrinterModel, data: bytes) -> list[tuple[str, bytes]]:
    return list(model.feed(data, 0.0))


def test_printer_model_answers_and_prints() -> None:
    model = PrinterModel(PrinterDevice(paper_labels=2))
    events = feed_all(model, b"~HS^XA^FDa^FS^XZ\r\n^XA^FDb^PQ1^XZ")
    kinds = [k for k, _ in events]
    assert kinds == ["reply", "received", "printed", "received", "printed"]
    assert events[0][1].startswith(b"\x02030,0,0,") and events[0][1].count(b"\x03\r\n") == 3


def test_printer_model_holds_formats_when_paused_or_out_of_paper() -> None:
    model = PrinterModel(PrinterDevice(paper_labels=1))
    kinds = [k for k, _ in feed_all(model, b"~PP^XA^FD1^XZ^XA^FD2^XZ")]
    assert kinds == ["paused", "received", "received"]
    assert b",1,0812,002," in model.host_status()  # paused, two formats buffered
    assert [k for k, _ in feed_all(model, b"~PS")] == ["printed"]
    assert model.paper_out and len(model.buffer) == 1
    assert feed_all(model, b"~HS") == []  # silent in an error state, as a Zebra is
    ((kind, answer),) = feed_all(model, b"~HQES")
    assert kind == "reply" and b"ERRORS:   1 00000000 00000001" in answer


def test_printer_model_waits_for_split_commands() -> None:
    model = PrinterModel(PrinterDevice())
    assert feed_all(model, b"~H") == [] and feed_all(model, b"QE") == []
    assert [k for k, _ in feed_all(model, b"S")] == ["reply"]


def test_scale_model_formats_parse_back() -> None:
    model = ScaleModel(ScaleDevice(weight="12.34", decimals=2, unit="kg"), now=0.0)
    now = 10.0
    assert sics_weight("stable", model.displayed(now), "kg") == b"S S      12.34 kg\r\n"
    frame = toledo_frame(model, now, checksum=True)
    assert parse_toledo(frame) == Weight(
        WeightStatus.STABLE, Decimal("12.34"), "kg", tare=Decimal("0.00")
    )
    assert parse_ohaus(ohaus_line(model, now)) == Weight(
        WeightStatus.STABLE, Decimal("12.34"), "kg"
    )


def test_scale_model_settles_after_a_load_change() -> None:
    model = ScaleModel(ScaleDevice(settle_seconds=1.0), now=0.0)
    model.set_weight("5", now=0.0)
    assert model.status(0.5) == "unstable" and model.status(1.5) == "stable"
    model.set_weight("99999", now=2.0)
    assert model.status(5.0) == "overload"


def test_scale_model_drifts_and_tares() -> None:
    model = ScaleModel(ScaleDevice(weight="100.00", settle_seconds=0.0), now=0.0)
    model.set_drift("0.5", now=0.0)
    assert model.displayed(10.0) == Decimal("105.00")
    assert model.take_tare(10.0) == "A" and model.net
    assert model.displayed(10.0) == Decimal("0.00")
    model.forced = "overload"
    assert model.take_tare(10.0) == "+"


def test_printer_model_identifies_itself() -> None:
    ((kind, answer),) = feed_all(PrinterModel(PrinterDevice()), b"~HI")
    assert kind == "reply" and answer.startswith(b"\x02ZT411-203dpi,V92.21.39Z,")
