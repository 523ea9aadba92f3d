"""GS1 AI association rules: mandatory companions (req) and invalid pairs (ex).

Cases are the published examples of the GS1 Barcode Syntax Engine's own tests
(gs1-syntax-engine src/c-lib/ai.c, validateAImutex and validateAIrequisites) and the General
Specifications' rules for UDI data, not our own output.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import compose, parse_scan
from desktop.domain.udi.gs1_associations import (
    clashes,
    describe_requirement,
    matches,
    requirement_table,
    unmet_requirements,
)
from desktop.domain.udi.gs1_split import split_bracketed
from desktop.domain.udi.model import ComposeError

TODAY = dt.date(2026, 3, 1)


def ais(bracketed: str) -> list[str]:
    return [ai for ai, _ in split_bracketed(bracketed).pairs]


@pytest.mark.parametrize(
    "data",
    [
        "(01)12345678901231(02)12345678901231",
        "(99)ABC123(01)12345678901231(02)12345678901231",
        "(01)12345678901231(99)ABC123(02)12345678901231",
        "(01)12345678901231(02)12345678901231(99)ABC123",
        "(01)12345678901231(255)5412345000150",
        "(01)12345678901231(37)123",
        "(21)ABC123(235)XYZ",
        "(3940)1234(8111)9999",
        "(3940)1234(3941)9999",  # matched by the pattern 394n, the AI itself ignored
        "(3955)123456(3929)123",  # matched by 392n
        "(3330)333333(3333)030333",  # 333n: one height per logistic unit
        "(01)12345678901231(3103)000195(3102)001950",  # one net weight
    ],
)
def test_invalid_pairs(data: str) -> None:
    assert clashes(ais(data))


@pytest.mark.parametrize(
    "data",
    [
        "(01)12345678901231(3103)000195(3922)0299",
        "(01)12345678901231(3103)000195(3103)000195",  # a repeat is not an exclusion
        "(00)123456789012345675(02)12345678901231(37)25",
    ],
)
def test_allowed_pairs(data: str) -> None:
    assert clashes(ais(data)) == []


@pytest.mark.parametrize(
    ("data", "satisfied"),
    [
        ("(02)12345678901231", False),  # (02) needs (37)
        ("(02)12345678901231(37)123", False),  # and (37) needs (00) with it
        ("(99)AAA(02)12345678901231(37)123", False),
        ("(02)12345678901231(37)123(00)123456789012345675", True),
        ("(91)XXX(02)12345678901231(92)YYY(37)123(93)ZZZ(00)123456789012345675", True),
        ("(21)ABC123", False),
        ("(21)ABC123(01)12345678901231", True),
        ("(21)ABC123(8006)123456789012310510", True),
        ("(01)12345678901231(250)ABC123", False),
        ("(01)12345678901231(21)XYZ999(250)ABC123", True),
        ("(01)12345678901231(3925)12599", False),
        ("(01)12345678901231(3925)12599(30)123", True),
        ("(01)12345678901231(3925)12599(3100)654321", True),
        ("(01)12345678901231(3925)12599(3165)654321", True),
        ("(01)12345678901231(3925)12599(3295)654321", True),
        ("(01)12345678901231(3925)12599(3575)654321", True),
        ("(01)12345678901231(3925)12599(3695)654321", True),
        ("(8030)DIGSIG", False),
        ("(8030)DIGSIG(00)123456789012345675", True),
        ("(8030)DIGSIG(01)12345678901231", False),
        ("(8030)DIGSIG(01)12345678901231(21)ABC123", True),
        ("(8030)DIGSIG(8006)123456789012310102", False),
        ("(8030)DIGSIG(8006)123456789012310102(21)ABC123", True),
        ("(8030)DIGSIG(8010)1234567890", False),
        ("(8030)DIGSIG(8010)1234567890(8011)123456789012", True),
        ("(8030)DIGSIG(8017)123456789012345675", True),
    ],
)
def test_mandatory_companions(data: str, satisfied: bool) -> None:
    assert (unmet_requirements(ais(data)) == []) is satisfied


def test_patterns() -> None:
    assert matches("310n", "3103") and not matches("310n", "3113")
    assert matches("31nn", "3125") and not matches("31nn", "312")
    assert matches("01", "01") and not matches("01", "010")


def test_every_udi_production_identifier_needs_the_gtin() -> None:
    table = requirement_table()
    for ai in ("10", "11", "17", "21", "22", "235", "240", "7003", "8012"):
        assert any("01" in alternative for alternative in table[ai][0]), ai


def test_descriptions() -> None:
    assert describe_requirement((("01",),)) == "(01)"
    assert describe_requirement((("01",), ("03",))) == "one of (01), (03)"
    assert describe_requirement((("01", "21"), ("03", "21"))) == "(01) with (21), or (03) with (21)"


@pytest.mark.parametrize(
    ("scan", "words"),
    [
        ("]d2" + "10ABC", "needs one of (01), (02), (03), (8006), (8026)"),
        ("]d2" + "0109506000134352" + "250XYZ", "serial (21) is missing"),
        ("]d2" + "0109506000134352" + "37123", "may not appear together"),
        ("]d2" + "0109506000134352" + "3103000195" + "3102001950", "may not appear together"),
        ("]d2" + "0109506000134352" + "7003" + "2712311200", ""),
    ],
)
def test_scans(scan: str, words: str) -> None:
    parsed = parse_scan(scan, today=TODAY)
    if words:
        assert not parsed.valid and words in " ".join(parsed.errors)
    else:
        assert parsed.valid, parsed.errors


def test_compose_refuses_what_a_scan_refuses() -> None:
    with pytest.raises(ComposeError, match="serial \\(21\\) is missing"):
        compose({"01": "09506000134352", "250": "XYZ"}, today=TODAY)
    assert compose({"01": "09506000134352", "21": "S1", "250": "XYZ"}, today=TODAY).pairs
