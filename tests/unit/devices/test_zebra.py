"""~HS and ~HQES parsing from the documented layouts."""

from __future__ import annotations

import pytest

from desktop.devices.zebra import (
    ErrorFlags,
    HostStatus,
    PrinterState,
    parse_host_status,
    parse_hqes,
    state_of_errors,
    state_of_host,
)

LINE1 = b"030,0,0,0812,000,0,0,0,000,0,0,0"
LINE2 = b"000,0,0,0,1,2,6,0,00000000,1,000"
LINE3 = b"1234,0"
HQES = (
    b"\r\nPRINTER STATUS\r\n   ERRORS:   1 00000000 00000005\r\n"
    b"   WARNINGS: 0 00000000 00000000\r\n"
)


def host(line1: bytes = LINE1, line2: bytes = LINE2) -> HostStatus:
    parsed = parse_host_status([line1, line2, LINE3])
    assert isinstance(parsed, HostStatus), parsed
    return parsed


def test_all_three_lines_are_parsed() -> None:
    h = host(b"030,1,1,0812,002,0,0,1,000,0,0,0", b"000,0,1,1,1,2,6,0,00000005,1,003")
    assert (h.comms, h.paper_out, h.paused, h.label_length, h.formats_in_buffer) == (
        30, True, True, 812, 2,
    )  # fmt: skip
    assert (h.partial_format, h.head_open, h.ribbon_out, h.thermal_transfer) == (
        True, True, True, True,
    )  # fmt: skip
    assert (h.print_mode, h.labels_remaining, h.graphics, h.password) == (2, 5, 3, "1234")
    assert not h.idle


def test_lines_may_come_in_any_order() -> None:
    assert isinstance(parse_host_status([LINE3, LINE2, LINE1]), HostStatus)


@pytest.mark.parametrize(
    "blocks", [[LINE1, LINE2], [LINE1, LINE2, b"12a4,0"], [b"", b"", b""], [b"\xff", LINE2, LINE3]]
)
def test_incomplete_or_foreign_answers_are_rejected(blocks: list[bytes]) -> None:
    assert isinstance(parse_host_status(blocks), str)


def test_states_from_host_status() -> None:
    assert state_of_host(host()) is PrinterState.READY
    assert state_of_host(host(b"030,0,1,0812,000,0,0,0,000,0,0,0")) is PrinterState.PAUSED
    assert state_of_host(host(b"030,1,0,0812,000,0,0,0,000,0,0,0")) is PrinterState.PAPER_OUT
    assert state_of_host(host(line2=b"000,0,1,0,1,2,6,0,00000000,1,000")) is PrinterState.HEAD_OPEN
    assert state_of_host(host(line2=b"000,0,0,1,1,2,6,0,00000000,1,000")) is (
        PrinterState.RIBBON_OUT
    )


def test_hqes_group1_nibble() -> None:
    flags = parse_hqes(HQES)
    assert isinstance(flags, ErrorFlags)
    assert (flags.media_out, flags.ribbon_out, flags.head_open, flags.cutter_fault) == (
        True, False, True, False,
    )  # fmt: skip
    assert state_of_errors(flags) is PrinterState.HEAD_OPEN


def test_hqes_spacing_is_tolerated() -> None:
    squeezed = b"PRINTER STATUS\nERRORS: 1 00000000 00000002\nWARNINGS: 0 00000000 00000000"
    flags = parse_hqes(squeezed)
    assert isinstance(flags, ErrorFlags) and flags.ribbon_out
    assert state_of_errors(ErrorFlags(errors=0x10, warnings=0)) is PrinterState.FAULT


def test_hqes_garbage_is_rejected() -> None:
    assert isinstance(parse_hqes(b"ERRORS: 1 zz"), str)
