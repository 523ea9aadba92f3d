"""MA code (IDcode): the published coding rules and examples, and compose -> parse round trips.

Rules: the MA (IDcode) coding rules for medical devices as published (data units .L lot, .S
serial, .M production date, .D sterilisation lot, .V use by, .E expiry; dates of 6 or 8 digits;
the DI MA.country.industry.registrant.product). Examples: MA codes published in public code
and documents (sources in docs/udi-china.md), with their check characters as printed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.domain.udi import ComposeError, compose_ma, ma_check_character, parse_scan

TODAY = dt.date(2026, 3, 1)
DI = "MA.156.M0.100472.11103316"

PUBLISHED = [
    "MA.156.M0.100350.01004YA10017.SLMSAGAAAC.M210628.LAY21062803.E220628.V220627.C3",
    "MA.156.M0.100011.2cscp023.Ste002.M200206.L343432.D555555.E200228.V200307.C9",
    "MA.156.M0.100204.13351764",
    "MA.156.M0.100472.11103316",
]


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_scan(text, today=TODAY)


@pytest.mark.parametrize("code", PUBLISHED)
@pytest.mark.parametrize("aim", ["", "]Q1", "]d1"])
def test_published_examples_read_cleanly(code: str, aim: str) -> None:
    udi = parse(aim + code)
    assert udi.valid, udi.errors
    assert udi.warnings == ()  # both check characters agree with the printed ones
    assert (udi.scheme, udi.issuing_agency) == ("MA", "ZIIOT")
    assert udi.di == ".".join(code.split(".")[:5])
    assert udi.symbology == (aim or None)


def test_every_data_unit() -> None:
    udi = parse(PUBLISHED[1])
    assert (udi.lot, udi.serial) == ("343432", "te002")
    assert udi.production_date == dt.date(2020, 2, 6)
    assert udi.expiry == dt.date(2020, 2, 28)  # .E (失效期) is the expiry
    assert udi.ma is not None
    assert udi.ma.sterilisation_lot == "555555"
    assert udi.ma.use_by == dt.date(2020, 3, 7)
    assert (udi.ma.registrant, udi.ma.product_code, udi.ma.packaging) == ("100011", "2cscp023", "2")
    assert udi.ma.check == "9"


def test_use_by_stands_for_the_expiry_when_there_is_no_e_unit() -> None:
    udi = parse(DI + ".LA1.V270131")
    assert udi.valid and udi.expiry == dt.date(2027, 1, 31)


@pytest.mark.parametrize("date", ["270131", "20270131"])
def test_dates_of_six_or_eight_digits(date: str) -> None:
    udi = parse(f"{DI}.M{date}")
    assert udi.valid and udi.production_date == dt.date(2027, 1, 31)


def test_data_units_in_any_order() -> None:
    udi = parse(DI + ".L190726A.S1907260001.E200725")
    assert udi.valid and (udi.lot, udi.serial) == ("190726A", "1907260001")


def test_legacy_production_date_unit_is_read_with_a_warning() -> None:
    udi = parse(DI + ".S1576130942.P190101.LABS20191201.E191201")
    assert udi.valid and udi.production_date == dt.date(2019, 1, 1)
    assert "'.P'" in udi.warnings[0]


def test_check_characters() -> None:
    assert ma_check_character("MA.156.M0.100472.1110331") == "6"
    assert ma_check_character("MA.156.M0.100204.1335176") == "4"
    assert ma_check_character(".Ste002.M200206.L343432.D555555.E200228.V200307") == "9"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("MA.156.M0.100472", "five parts"),
        ("MA.15.M0.100472.11103316", "country code"),
        ("MA.156.M0.10047.11103316", "registrant code"),
        ("MA.156.M0.100472.X1", "product code"),
        (DI + ".Q123", "no known separator"),
        (DI + ".L", "is empty"),
        (DI + ".LA.LB", "twice"),
        (DI + ".LA B", "position"),
        (DI + ".LA-B", "position"),
        (DI + ".M270231", "not a real date"),
        (DI + ".E2701", "6 digits YYMMDD or 8 digits"),
        (DI + ".C1.LA", "last data unit"),
        ("MA.156.M0.100472.11103316..LA", "empty data unit"),
    ],
)
def test_refusals(code: str, words: str) -> None:
    udi = parse(code)
    assert not udi.valid and udi.scheme == "MA"
    assert words in " ".join(udi.errors), udi.errors


def test_a_wrong_check_is_a_warning_only() -> None:
    udi = parse(PUBLISHED[1][:-1] + "4")
    assert udi.valid and "does not match" in udi.warnings[0]
    udi = parse("MA.156.M0.100472.11103317")
    assert udi.valid and "ends in" in udi.warnings[0]


def test_industry_other_than_medical_devices_is_flagged() -> None:
    udi = parse("MA.156.P1.100472.11103316")
    assert udi.valid and "M0" in udi.warnings[0]


def test_ahm_codes_are_recognised_and_refused() -> None:
    udi = parse("]Q1MF1234567890123BA2024A*SN0001")
    assert not udi.valid and (udi.scheme, udi.issuing_agency) == ("AHM", "AliHealth")
    assert "does not read AHM codes yet" in udi.errors[0]


def test_cli_reports_scheme_ma(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["udi", "parse", "--json", "]Q1" + PUBLISHED[0]]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scheme"] == "MA" and out["di"] == "MA.156.M0.100350.01004YA10017"
    assert out["ma"]["units"][0] == ["S", "LMSAGAAAC"]
    assert main(["udi", "parse", PUBLISHED[1]]) == 0
    table = capsys.readouterr().out
    assert "MA (issuing agency ZIIOT)" in table and "sterilisation lot  555555" in table
    assert main(["udi", "parse", "MF1234567890123BA2024A"]) == 1
    assert "AHM" in capsys.readouterr().out


def test_compose_order_and_check() -> None:
    code = compose_ma(
        "MA.156.M0.100011.2cscp023",
        serial="te002",
        production_date=dt.date(2020, 2, 6),
        lot="343432",
        sterilisation_lot="555555",
        expiry=dt.date(2020, 2, 28),
        use_by=dt.date(2020, 3, 7),
        today=TODAY,
    )
    assert code.text == PUBLISHED[1]  # the published example, rebuilt unit by unit


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"lot": "A.B"}, "letters and digits only"),
        ({"serial": ""}, "letters and digits only"),
        ({"lot": "批号"}, "letters and digits only"),
        ({"expiry": dt.date(1900, 1, 1)}, "long_dates"),
    ],
)
def test_compose_refusals(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(ComposeError, match=words):
        compose_ma(DI, today=TODAY, **kwargs)  # type: ignore[arg-type]


def test_compose_refuses_a_bad_di() -> None:
    with pytest.raises(ComposeError, match="registrant"):
        compose_ma("MA.156.M0.12.11103316")
    with pytest.raises(ComposeError, match="five parts"):
        compose_ma(DI + ".LA")


alnum = st.text(
    alphabet="ABCDEFGHJKLMNPRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789", min_size=1, max_size=20
)
dates = st.dates(min_value=dt.date(1977, 1, 1), max_value=dt.date(2076, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    di=st.builds(
        lambda registrant, product: f"MA.156.M0.{registrant}.{product}",
        st.from_regex(r"\A[0-9]{6}\Z"),
        st.from_regex(r"\A[0-9][0-9A-Za-z]{6,11}\Z"),
    ),
    lot=st.none() | alnum,
    serial=st.none() | alnum,
    sterilisation=st.none() | alnum,
    production=st.none() | dates,
    expiry=st.none() | dates,
    use_by=st.none() | dates,
    long_dates=st.booleans(),
)
def test_compose_then_parse_round_trip(
    di: str,
    lot: str | None,
    serial: str | None,
    sterilisation: str | None,
    production: dt.date | None,
    expiry: dt.date | None,
    use_by: dt.date | None,
    long_dates: bool,
) -> None:
    composed = compose_ma(
        di,
        lot=lot,
        serial=serial,
        sterilisation_lot=sterilisation,
        production_date=production,
        expiry=expiry,
        use_by=use_by,
        long_dates=long_dates,
        today=TODAY,
    )
    for text in (composed.text, "]Q1" + composed.text):
        udi = parse(text)
        assert udi.valid, udi.errors
        assert not any("does not match" in w for w in udi.warnings)  # our own .C reads back
        assert (udi.di, udi.lot, udi.serial) == (di, lot, serial)
        assert udi.production_date == production
        assert udi.expiry == (expiry or use_by)
        assert udi.ma is not None
        assert (udi.ma.sterilisation_lot, udi.ma.use_by, udi.ma.expiry) == (
            sterilisation,
            use_by,
            expiry,
        )
        assert udi.ma.units == composed.units
        assert udi.hri == composed.hri
