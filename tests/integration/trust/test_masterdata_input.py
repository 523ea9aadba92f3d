"""Master-data files that are not what they should be: another encoding, a byte-order mark, a
value of the wrong type, control characters, a wrong GLN check digit. Each is refused with one
problem naming file, line and field, and nothing is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.models import Customer, Part, Route, Site, Station, Supplier, User
from desktop.services.core.errors import Refusal
from desktop.services.masterdata import load_folder
from tests.support.foundation import ADMIN_PW as ADMIN_PASSWORD
from tests.support.foundation import admin_ctx

TABLES = (Supplier, Customer, Site, Part, Route, Station, User)

#: file name -> bytes, and the words the refusal must hold
CASES: dict[str, tuple[str, bytes, str]] = {
    "latin-1": (
        "partners.toml",
        '[[suppliers]]\ncode = "SUP-CAFE"\nname = "Caf\u00e9 Plastique"\n'.encode("latin-1"),
        "partners.toml, line 3: byte 0xE9 is not UTF-8 text",
    ),
    "utf-16 with BOM": (
        "partners.toml",
        '[[suppliers]]\ncode = "SUP-X"\nname = "X"\n'.encode("utf-16"),
        "partners.toml, line 1: the file starts with a UTF-16 byte-order mark",
    ),
    "utf-8 BOM": (
        "suppliers.csv",
        b"\xef\xbb\xbfcode,name\nSUP-X,X\n",
        "suppliers.csv, line 1: the file starts with a UTF-8 byte-order mark",
    ),
    "utf-16 without BOM": (
        "suppliers.csv",
        "code,name\nSUP-X,X\n".encode("utf-16-le"),
        "suppliers.csv, line 1: the header holds control characters",
    ),
    "latin-1 csv": (
        "suppliers.csv",
        "code,name\nSUP-A,A\nSUP-B,B\u00e9\n".encode("latin-1"),
        "suppliers.csv, line 3: byte 0xE9 is not UTF-8 text",
    ),
    "NUL in a cell": (
        "suppliers.csv",
        b"code,name\nSUP-X,Acme\x00Corp\n",
        "suppliers.csv, line 2, field name: name holds NUL (U+0000)",
    ),
    "text as a number": (
        "parts.toml",
        b'[[parts]]\npart_number = "P-1"\nname = 5\ntracking = "lot"\n',
        "parts.toml, line 3, field name: name must be text, not a number 5",
    ),
    "devices not a list": (
        "stations.toml",
        b'[[stations]]\nname = "s-1"\nkind = "operator"\ndevices = 5\n',
        "stations.toml, line 4, field devices: devices must be a list of tables",
    ),
    "a table that is not a list": (
        "parts.toml",
        b'parts = "all of them"\n',
        "parts.toml, line 1, field parts: must be a list of tables ([[parts]])",
    ),
    "version not a number": (
        "routes.toml",
        b'[[routes]]\nname = "R"\nversion = "two"\n[[routes.steps]]\nkind = "check"\n'
        b'name = "c"\nprompt = "ok?"\n',
        "routes.toml, line 3, field version: version must be a whole number",
    ),
    "wrong GLN": (
        "partners.toml",
        b'[[customers]]\ncode = "C-1"\nname = "C"\n'
        b'sites = [{ name = "Store", gln = "9506000000017" }]\n',
        'partners.toml, line 4, field sites: site "Store": GLN "9506000000017" has a wrong '
        "check digit (the last digit should be 5)",
    ),
    "bad TOML": (
        "users.toml",
        b'[[users]]\nusername = "x\n',
        "users.toml: not valid TOML",
    ),
}


def _counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_files_are_refused_naming_file_line_and_field(plant, tmp_path: Path, case: str) -> None:
    name, content, expected = CASES[case]
    (tmp_path / name).write_bytes(content)
    before = _counts(plant.engine)
    with pytest.raises(Refusal) as refused:
        load_folder(plant.admin, tmp_path)
    assert expected in str(refused.value)
    assert "nothing was loaded" in str(refused.value)
    assert _counts(plant.engine) == before


def test_the_command_says_one_line_and_exits_1(database_url: str, tmp_path: Path) -> None:
    env = {"LOTLINE_STATION": "cli-test", "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "desktop.cli"]
    engine = make_engine(database_url)
    try:
        admin_ctx(engine)  # an administrator without a second factor (password on stdin)
    finally:
        engine.dispose()
    for case in ("latin-1", "text as a number", "NUL in a cell"):
        folder = tmp_path / case.replace(" ", "-")
        folder.mkdir()
        name, content, expected = CASES[case]
        (folder / name).write_bytes(content)
        done = subprocess.run(
            [*run, "masterdata", "load", str(folder), "--by", "admin", "--database", database_url],
            input=ADMIN_PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        out = done.stdout + done.stderr
        assert done.returncode == 1, out
        assert "Traceback" not in out and expected in out
