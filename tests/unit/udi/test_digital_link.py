"""GS1 Digital Link URIs read with the GS1 syntax engine's default strictness.

The cases are the published examples of the engine's own tests (gs1-syntax-engine
src/c-lib/dl.c, test_dl_parseDLuri) and of the GS1 Digital Link standard, with the engine's
default settings (no convenience alphas, no zero-suppressed GTINs, no unknown AIs); the
expected element strings are the engine's, written with GS for its "^" separators.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import parse_scan
from desktop.domain.udi.gs1_digital_link import split_digital_link
from desktop.domain.udi.gs1_split import tokenize

TODAY = dt.date(2026, 3, 1)
GS = "\x1d"


def pairs_of(engine_data: str) -> list[tuple[str, str]]:
    """The engine's expected "^AI value^AI value" data as our pairs (known AIs only)."""
    pairs, errors = tokenize(engine_data.lstrip("^").replace("^", GS))
    assert not errors
    return pairs


ACCEPTED = [
    ("http://a/00/006141411234567890", "^00006141411234567890"),
    ("HTTP://a/00/006141411234567890", "^00006141411234567890"),
    ("https://a/00/006141411234567890", "^00006141411234567890"),
    ("HTTPS://a/00/006141411234567890", "^00006141411234567890"),
    ("https://a/01/12312312312333", "^0112312312312333"),
    ("https://xn--fsq.xn--0zwm56d/01/12312312312333", "^0112312312312333"),
    ("https://a./01/12312312312333", "^0112312312312333"),
    ("https://a:65535/01/12312312312333", "^0112312312312333"),
    ("https://192.0.2.1/01/12312312312333", "^0112312312312333"),
    ("https://[2001:db8::1]/01/12312312312333", "^0112312312312333"),
    ("https://a/stem/00/006141411234567890", "^00006141411234567890"),
    ("https://a/more/stem/00/006141411234567890", "^00006141411234567890"),
    ("https://a/00/faux/00/006141411234567890", "^00006141411234567890"),
    (
        "https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ",
        "^011231231231233322TEST^10ABC^21XYZ",
    ),
    ("https://a/01/12312312312333/235/TEST", "^0112312312312333235TEST"),
    ("https://a/253/1231231231232", "^2531231231231232"),
    ("https://a/8018/123456789012345675/8019/123", "^8018123456789012345675^8019123"),
    ("https://a/stem/00/006141411234567890?", "^00006141411234567890"),
    ("https://a/stem/00/006141411234567890?99=ABC", "^0000614141123456789099ABC"),
    ("https://a/01/12312312312333?99=ABC&98=XYZ", "^011231231231233399ABC^98XYZ"),
    ("https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&", "^011231231231233399ABC^98XYZ"),
    (
        "https://a/01/12312312312333?unknown1=555&99=ABC&unknown2=666&98=XYZ&unknown3=777",
        "^011231231231233399ABC^98XYZ",
    ),
    (
        "https://a/01/12312312312333?singleton1&99=ABC&singleton2&98=XYZ&singleton3",
        "^011231231231233399ABC^98XYZ",
    ),
    (
        "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987",
        "^011231231231233322ABC-123^99ABC^98XYZ/987",
    ),
    (
        "https://a/01/12312312312333/22/ABC+123?99=ABC&98=XYZ%2f987",  # "+" is "+" in a path
        "^011231231231233322ABC+123^99ABC^98XYZ/987",
    ),
    ("https://a/01/12312312312333/22/test/10/abc/21/xyz#", "^011231231231233322test^10abc^21xyz"),
    (
        "https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment",
        "^011231231231233322test^10abc^21xyz",
    ),
    ("https://a/stem/00/006141411234567890?99=ABC#fragment", "^0000614141123456789099ABC"),
    ("https://id.gs1.org/01/09520123456788", "^0109520123456788"),
    ("https://id.gs1.org/01/09520123456788/22/2A", "^0109520123456788222A"),
    ("https://id.gs1.org/01/09520123456788/10/ABC123", "^010952012345678810ABC123"),
    ("https://id.gs1.org/01/09520123456788/21/12345", "^01095201234567882112345"),
    (
        "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
        "^010952012345678810ABC1^2112345^17180426",
    ),
    ("https://id.gs1.org/01/09520123456788?3103=000195", "^01095201234567883103000195"),
    (
        "https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225",
        "^0109520123456788310300019539220299^17201225",
    ),
    ("https://id.gs1.org/00/952012345678912345", "^00952012345678912345"),
    (
        "https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123",
        "^0095201234567891234502095201234567883725^10ABC123",
    ),
    ("https://id.gs1.org/414/9520123456788/254/32a%2Fb", "^414952012345678825432a/b"),
    (
        "https://example.com/8004/9520614141234567?01=09520123456788",
        "^80049520614141234567^0109520123456788",
    ),
    (
        "https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123",  # alternate qualifier chosen
        "^0109520123456788235XYZ^10ABC123",
    ),
]

REFUSED = [
    ("", "not a GS1 Digital Link URI"),
    ("ftp://", "not a GS1 Digital Link URI"),
    ("http://", "no domain"),
    ("http:///", "no domain"),
    ("http://a", "no domain"),
    ("http://a/", "no GS1 primary key"),
    ("http://a/b", "no GS1 primary key"),
    ("HtTp://a/b/00/006141411234567890", "all lower or all upper case"),
    ("https://[fe80::1%25lo]/01/12312312312333", "domain"),
    ("https://$a/006141411234567890", "domain"),
    ("https://a/01/12312312312333<bad", "which a URI may not hold"),
    ("https://a/01/12312312312333^bad", "which a URI may not hold"),
    ("https://a/01/12312312312333`bad", "which a URI may not hold"),
    ("https://a/gtin/12312312312333", "no GS1 primary key"),  # convenience alphas: off
    ("https://a/01/2112345678900", "zero-suppressed"),
    ("https://a/253/1231231231232TEST56789012345678", "GDTI"),  # too long for N13 X..17
    ("https://a/stem/00/006141411234567890/", "no GS1 primary key"),  # ends in a slash
    ("https://a/01/12312312312333?99=", "is empty"),
    ("https://a/01/12312312312333?99=ABC&999=faux", "not a GS1 Application Identifier"),
    ("https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987", "space"),  # "+" is " "
    ("https://example.com/01/09520123456788?10=ABC123", "belongs in the path"),
    (
        "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788",
        "more than once",
    ),
    ("https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123", "more than once"),
    ("https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789", "more than once"),
    ("https://example.com/01/09520123456788/89/ABC123?99=XYZ", "no GS1 primary key"),
    ("https://example.com/01/09520123456788?99=XYZ&89=ABC123", "not a GS1 Application"),
    ("https://a/01//12312312312333", "no GS1 primary key"),
    ("https://a/01/1231231231233%003", "NUL"),
    ("https://a/01/12312312312333?99=ABC%00DEF", "NUL"),
    ("https://a/01/12312312312333/10/", "is empty"),
    ("https://a/01/12312312312333/99/ABC", "qualifiers in order"),
    ("https://a/01/12312312312333/10/ABC/22/X", "qualifiers in order"),
    ("https://a/01/12312312312333/22/X/235/Y", "qualifiers in order"),
    ("https://a/01/12312312312333?21=S1", "not a Digital Link data attribute"),
]


@pytest.mark.parametrize(("uri", "engine_data"), ACCEPTED)
def test_accepted(uri: str, engine_data: str) -> None:
    split = split_digital_link(uri)
    assert not split.errors, split.errors
    assert sorted(split.pairs) == sorted(pairs_of(engine_data))
    parsed = parse_scan("]Q1" + uri, today=TODAY)
    assert parsed.valid, parsed.errors


@pytest.mark.parametrize(("uri", "words"), REFUSED)
def test_refused(uri: str, words: str) -> None:
    split = split_digital_link(uri)
    parsed = parse_scan("]Q1" + uri, today=TODAY)
    assert not parsed.valid
    assert words in " ".join([*split.errors, *parsed.errors]), (split.errors, parsed.errors)


def test_ai_rules_apply_to_link_data() -> None:
    """Associations hold over the path and the query together, as for any GS1 data."""
    parsed = parse_scan("https://id.example.com/00/006141411234567890?10=ABC", today=TODAY)
    assert not parsed.valid and "needs one of (01)" in " ".join(parsed.errors)
    parsed = parse_scan("https://id.example.com/01/09506000134352?255=5412345000150", today=TODAY)
    assert not parsed.valid and "may not appear together" in " ".join(parsed.errors)


def test_the_udi_form() -> None:
    parsed = parse_scan(
        "]Q1https://id.example.com/01/09506000134352/10/LOT%2F1/21/S1?17=271231&11=260101",
        today=TODAY,
    )
    assert parsed.valid, parsed.errors
    assert (parsed.gtin, parsed.lot, parsed.serial) == ("09506000134352", "LOT/1", "S1")
    assert (parsed.expiry, parsed.production_date) == (dt.date(2027, 12, 31), dt.date(2026, 1, 1))
