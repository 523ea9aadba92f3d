"""Fuzzing what people and files hand to Lotline: random bytes, encodings and TOML values of
every type into the master-data import, random (also non-UTF-8) arguments into the commands.
Whatever comes in, the answer is a refusal or a result, never a traceback, and a refused
import writes nothing."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.migrate import ensure_schema
from db.models import Customer, Device, Part, Product, Route, Site, Station, Supplier, User
from desktop.cli import main as lotline
from desktop.services.core.errors import Refusal
from desktop.services.masterdata import load_folder
from desktop.services.masterdata._shape import SHAPES
from tests.support.foundation import ADMIN_PW, admin_ctx

TABLES = (Supplier, Customer, Site, Part, Route, Product, Station, Device, User)
FILES = {
    "suppliers": "partners.toml",
    "customers": "partners.toml",
    "parts": "parts.toml",
    "routes": "routes.toml",
    "products": "products.toml",
    "stations": "stations.toml",
    "users": "users.toml",
}
CSV_FILES = ("suppliers.csv", "customers.csv", "parts.csv", "users.csv")
ENCODINGS = ("utf-8", "utf-8-sig", "latin-1", "utf-16", "utf-16-le", "cp1252")
FUZZ = settings(
    max_examples=int(os.environ.get("LOTLINE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


# ---------------------------------------------------------------- TOML of any type

scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.lists(st.dictionaries(st.sampled_from(["name", "kind", "gln", "url", "part", "x"]),
                             scalars, max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=5), scalars, max_size=2),
)  # fmt: skip


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string (or invalid TOML: also refused)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"


@st.composite
def toml_files(draw: st.DrawFn) -> tuple[str, bytes]:
    table = draw(st.sampled_from(sorted(FILES)))
    known = sorted(SHAPES[table])
    rows = []
    for _ in range(draw(st.integers(1, 2))):
        fields = draw(st.dictionaries(st.sampled_from([*known, "extra"]), values, max_size=5))
        rows.append(f"[[{table}]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in fields.items()))
    encoding = draw(st.sampled_from(ENCODINGS))
    return FILES[table], "\n".join(rows).encode(encoding, errors="replace")


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(CSV_FILES))
    header = draw(st.sampled_from(["code,name", "part_number,name,tracking,gtin", "username,role"]))
    body = draw(st.text(max_size=200))
    encoding = draw(st.sampled_from(ENCODINGS))
    return name, (header + "\n" + body).encode(encoding, errors="replace")


raw_files = st.tuples(st.sampled_from([*set(FILES.values()), *CSV_FILES]), st.binary(max_size=300))


def test_the_master_data_import_refuses_anything_but_good_files(
    engine: Engine, tmp_path: Path
) -> None:
    admin = admin_ctx(engine)
    folders = iter(range(10**6))

    @FUZZ
    @given(st.lists(st.one_of(toml_files(), csv_files(), raw_files), min_size=1, max_size=2))
    def load(files: list[tuple[str, bytes]]) -> None:
        folder = tmp_path / f"md-{next(folders)}"
        folder.mkdir()
        for name, content in files:
            (folder / name).write_bytes(content)
        before = _counts(engine)
        try:
            load_folder(admin, folder)
        except Refusal as refusal:
            assert str(refusal).strip() and "Traceback" not in str(refusal)
            assert _counts(engine) == before

    load()


# ---------------------------------------------------------------- the commands

argument = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")),
)
COMMANDS = (
    ("trace", "forward", "{arg}", "--database", "{db}"),
    ("trace", "backward", "{arg}", "--database", "{db}"),
    ("udi", "parse", "{arg}"),
    ("masterdata", "load", "{arg}", "--by", "admin", "--database", "{db}"),
    ("user", "list", "--database", "{arg}"),
    ("audit", "verify", "--database", "{arg}"),
    ("record", "{arg}", "--out", "{out}", "--by", "admin", "--database", "{db}"),
)


def test_the_commands_answer_any_argument_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'fuzz.sqlite'}"
    engine = make_engine(url, must_exist=False)
    ensure_schema(engine)
    admin_ctx(engine)
    engine.dispose()
    monkeypatch.setenv("LOTLINE_STATION", "fuzz")
    outs = iter(range(10**6))

    @FUZZ
    @given(st.sampled_from(COMMANDS), argument)
    def run(command: tuple[str, ...], arg: str) -> None:
        out = str(tmp_path / f"record-{next(outs)}.pdf")
        argv = [part.format(arg=arg, db=url, out=out) for part in command]
        monkeypatch.setattr(sys, "stdin", io.StringIO(ADMIN_PW + "\n"))
        capsys.readouterr()
        try:
            code = lotline(argv)
        except SystemExit as exit_:  # argparse: usage
            code = int(exit_.code or 0)
        said = capsys.readouterr()
        assert code in (0, 1, 2), (argv, said)
        assert "Traceback" not in said.out + said.err, (argv, said)
        if code == 1:
            assert said.out.strip() or said.err.strip()

    run()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["fuzz.sqlite"]
