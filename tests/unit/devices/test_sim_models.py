"""Simulator pieces without I/O: the baud model, profiles, the printer and scale models."""

from __future__ import annotations

import re
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
        WeightStatus.STABLE, Decimal("12.34"), "kg", net=False, tare=Decimal("0.00")
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


def test_reset_returns_the_model_to_its_power_on_state_without_zeroing() -> None:
    model = ScaleModel(ScaleDevice(weight="100.00", settle_seconds=0.0), now=0.0)
    model.set_weight("2.00", now=0.0)
    assert model.zero(1.0) == "A"
    model.set_weight("52.00", now=1.0)
    assert model.take_tare(2.0) == "A" and model.displayed(2.0) == Decimal("0.00")
    model.power_on()
    assert not model.net and model.tare == Decimal(0)
    assert model.zero_offset == Decimal("2.00")  # no zero setting performed
    assert model.displayed(2.0) == Decimal("50.00")  # gross again


def test_sics_weight_in_the_si_form() -> None:
    assert sics_weight("stable", Decimal("1.50"), "g", "SI") == b"SI S       1.50 g\r\n"
    assert sics_weight("busy", Decimal("0"), "g", "SI") == b"SI I\r\n"


def test_ohaus_gross_legend_is_a_profile_option() -> None:
    model = ScaleModel(ScaleDevice(weight="12.34", gross_legend=True), now=0.0)
    line = ohaus_line(model, 10.0)
    assert line.endswith(b" G\r\n")
    assert parse_ohaus(line) == Weight(WeightStatus.STABLE, Decimal("12.34"), "g", net=False)
    model.take_tare(10.0)
    assert parse_ohaus(ohaus_line(model, 10.0)) == Weight(
        WeightStatus.STABLE, Decimal("0.00"), "g", net=True
    )


@pytest.mark.parametrize(
    ("replies", "message"),
    [
        ({"si_ident": "SI"}, "unknown key si_ident; known keys: reset_id, si_id, tare_status"),
        ({"si_id": "X"}, "si_id = 'X'; use one of 'S', 'SI'"),
    ],
)
def test_profile_reply_forms_are_checked(replies: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        profile_from_dict({"kind": "scale", "replies": replies})
