"""Keyboard-wedge decoding: a scan told from a person's typing by timing, prefix and suffix."""

from __future__ import annotations

import pytest

from desktop.devices.wedge import GS, WedgeDecoder, WedgeSettings, WedgeStep

MS = 1_000_000
GS1 = "]d201095060001343521725123110ABC123" + GS + "21SN0001"


def typed(
    decoder: WedgeDecoder, keys: list[str], gap_ms: float, start_ns: int = 0
) -> tuple[list[WedgeStep], int]:
    """Feed ``keys`` ``gap_ms`` apart; the steps and the time of the last key."""
    steps: list[WedgeStep] = []
    now = start_ns
    for n, key in enumerate(keys):
        now = start_ns + int(n * gap_ms * MS)
        steps += decoder.key(key, now)
    return steps, now


def decoder(**settings: object) -> WedgeDecoder:
    return WedgeDecoder("keyboard-wedge scanner line-1", WedgeSettings(**settings))  # type: ignore[arg-type]


def test_scanner_speed_with_enter_is_one_scan_keeping_aim_and_exact_keystrokes() -> None:
    d = decoder(gs_substitute="~")
    keys = [*GS1.replace(GS, "~"), "\r"]
    steps, last = typed(d, keys, gap_ms=3)
    assert [s.release for s in steps] == [0]
    (step,) = steps
    assert step.scan is not None and step.consumed == len(keys)
    assert step.scan.aim_id == "]d2"
    assert step.scan.text == GS1[3:]  # '~' mapped back to GS
    assert step.scan.raw == (GS1.replace(GS, "~") + "\r").encode()
    assert step.scan.device_id == "keyboard-wedge scanner line-1"
    assert step.scan.received_ns == last and d.held == 0


def test_human_speed_is_typing_released_key_by_key_in_order() -> None:
    d = decoder()
    steps, _ = typed(d, [*"LOT-42", "\r"], gap_ms=120)
    assert all(s.scan is None for s in steps)
    assert sum(s.release for s in steps) == 7  # every key handed on, Enter included
    assert d.held == 0


def test_gap_exactly_at_the_limit_still_belongs_to_the_burst_one_ns_more_does_not() -> None:
    at_limit = decoder(max_gap_ns=40 * MS)
    steps, _ = typed(at_limit, [*"ABCD", "\r"], gap_ms=40)
    assert steps[-1].scan is not None and steps[-1].scan.text == "ABCD"
    past = decoder(max_gap_ns=40 * MS)
    steps = []
    for n, key in enumerate([*"ABCD", "\r"]):
        steps += past.key(key, n * (40 * MS + 1))
    assert all(s.scan is None for s in steps) and sum(s.release for s in steps) == 5


def test_min_length_boundary() -> None:
    steps, _ = typed(decoder(min_length=4), [*"ABC", "\r"], gap_ms=2)
    assert steps == [WedgeStep(release=4)]
    steps, _ = typed(decoder(min_length=4), [*"ABCD", "\r"], gap_ms=2)
    assert steps[0].scan is not None and steps[0].consumed == 5


def test_enter_on_its_own_and_control_keys_are_never_held() -> None:
    d = decoder()
    assert d.key("\r", 0) == [WedgeStep(release=1)]
    steps = d.key("A", 1 * MS) + d.key("B", 2 * MS) + d.key("\x08", 3 * MS)  # Backspace
    assert steps == [WedgeStep(release=3)]


def test_prefix_decides_at_the_first_key_and_is_not_part_of_the_scan() -> None:
    d = decoder(prefix="*")
    assert d.key("L", 0) == [WedgeStep(release=1)]  # typing without the prefix is not delayed
    steps, _ = typed(d, ["*", *"]C0+A123BJC5D6E71G", "\r"], gap_ms=2, start_ns=10 * MS)
    assert steps[0].scan is not None
    assert (steps[0].scan.aim_id, steps[0].scan.text) == ("]C0", "+A123BJC5D6E71G")
    assert steps[0].scan.raw == b"*]C0+A123BJC5D6E71G\r"


def test_without_a_suffix_the_burst_ends_after_the_gap() -> None:
    d = decoder(suffix="")
    steps, last = typed(d, list("SN-000123"), gap_ms=2)
    assert steps == [] and d.held == 9
    assert d.deadline_ns() == last + 40 * MS
    assert d.expire(last + 40 * MS) == []  # not yet
    (step,) = d.expire(last + 40 * MS + 1)
    assert step.scan is not None and step.scan.text == "SN-000123" and step.consumed == 9


def test_a_stall_mid_burst_releases_what_came_before() -> None:
    d = decoder()
    steps = d.key("1", 0) + d.key(".", 5 * MS)
    assert steps == []
    steps = d.key("0", 200 * MS)  # a person paused: "1." was typing
    assert steps == [WedgeStep(release=2)] and d.held == 1


def test_a_gs_substitute_control_character_passes_as_gs() -> None:
    d = decoder()  # default substitute: Ctrl+] arrives as GS itself
    steps, _ = typed(d, [*"]d20109506000134352", GS, *"21SN1", "\r"], gap_ms=1)
    assert steps[0].scan is not None and steps[0].scan.text == "0109506000134352\x1d21SN1"


def test_settings_from_the_station_file() -> None:
    s = WedgeSettings.from_mapping(
        {"prefix": "*", "suffix": "TAB", "gs_substitute": "|", "max_gap_ms": 25, "min_length": 6}
    )
    assert (s.prefix, s.suffix, s.gs_substitute, s.max_gap_ns, s.min_length) == (
        "*", "\t", "|", 25 * MS, 6,
    )  # fmt: skip
    assert WedgeSettings.from_mapping({}) == WedgeSettings()
    with pytest.raises(ValueError, match="unknown keyboard-wedge setting 'sufix'"):
        WedgeSettings.from_mapping({"sufix": "ENTER"})
    with pytest.raises(ValueError, match="also in the prefix or suffix"):
        WedgeSettings.from_mapping({"suffix": "TAB", "gs_substitute": "\t"})
    with pytest.raises(ValueError, match="max_gap_ms must be above 0"):
        WedgeSettings.from_mapping({"max_gap_ms": 0})
