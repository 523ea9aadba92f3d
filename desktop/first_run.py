"""Set up a new station: its database checked and migrated, the first administrator with a
second factor, the station file written and read back with the real loader.

The first-run wizard (desktop/views/first_run.py) and `lotline station init` both go through
these steps, in this order; nothing here touches Qt. A station file is written last, so a start
that stops half-way leaves no station file and the next start asks again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from db.engine import default_sqlite_path, make_engine
from db.migrate import ensure_schema
from db.probe import Probe, Verdict, probe
from desktop.config import (
    DEVICE_KINDS,
    LANGUAGES,
    STATION_KINDS,
    ConfigError,
    StationConfig,
    default_path,
    default_secret_key_file,
    load_config,
)
from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings

__all__ = [
    "AdminMade",
    "Probe",
    "SetupRefused",
    "StationPlan",
    "Verdict",
    "check_plan",
    "confirm_second_factor",
    "embedded_url",
    "first_admin",
    "has_users",
    "needs_setup",
    "open_database",
    "render",
    "test_database",
    "totp_secret",
    "write_station_file",
]


class SetupRefused(Exception):
    """A set-up step cannot go on; the message says what was wrong and what to do."""


def embedded_url() -> str:
    """The embedded database of this computer (an SQLite file in the user's data folder)."""
    return f"sqlite:///{default_sqlite_path()}"


def needs_setup(config: Path | None, environ: Mapping[str, str] | None = None) -> bool:
    """True when no station file is named and none is at the default place (a first start); a
    database named in the environment (a scripted or benchmark start) is not a first start."""
    env = os.environ if environ is None else environ
    if config is not None or env.get("LOTLINE_CONFIG") or env.get("LOTLINE_DATABASE_URL"):
        return False
    return not default_path().exists()


@dataclass(frozen=True)
class StationPlan:
    """What a station file says, as the wizard or the command gathered it."""

    station: str
    kind: str
    database_url: str
    language: str = "en"
    production: bool = False
    devices: Mapping[str, str] = field(default_factory=lambda: {k: "sim" for k in DEVICE_KINDS})


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def render(plan: StationPlan) -> str:
    """The station file's text (TOML) for ``plan``."""
    lines = [
        "# Lotline station file, written by the first-run set-up (docs/guide/plant-it.md).",
        f"station = {_quoted(plan.station)}",
        f"kind = {_quoted(plan.kind)}",
        f"language = {_quoted(plan.language)}",
        f"database_url = {_quoted(plan.database_url)}",
        f"production = {'true' if plan.production else 'false'}",
    ]
    for kind in DEVICE_KINDS:
        lines += ["", f"[devices.{kind}]", f"url = {_quoted(plan.devices.get(kind, 'sim'))}"]
    return "\n".join(lines) + "\n"


def check_plan(plan: StationPlan) -> StationConfig:
    """The configuration ``plan`` gives, checked by the station's own loader (desktop.config);
    raises SetupRefused naming the field."""
    name = plan.station.strip()
    if not name or not name.isprintable() or len(name) > 64:
        raise SetupRefused(
            f'station name "{plan.station}" must be 1 to 64 printable characters, e.g. line-1'
        )
    if plan.kind not in STATION_KINDS:
        raise SetupRefused(f'station kind "{plan.kind}" is not one of {", ".join(STATION_KINDS)}')
    if plan.language not in LANGUAGES:
        raise SetupRefused(f'language "{plan.language}" is not one of {", ".join(LANGUAGES)}')
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lotline-station-") as folder:
        draft = Path(folder) / "station.toml"
        draft.write_text(render(plan), encoding="utf-8")
        try:
            return load_config(draft, environ={})
        except ConfigError as problem:
            raise SetupRefused(str(problem).replace(str(draft), "the new station file")) from None


def test_database(url: str) -> Probe:
    """The connection test: what is at ``url`` (see db.probe), nothing written."""
    return probe(url)


def open_database(url: str, *, production: bool, key_file: Path | None = None) -> Context:
    """The database at ``url`` migrated to this version, and a context to set it up with.

    Refused (SetupRefused) when the connection test finds it unusable. The site's key for TOTP
    secrets is made beside the station's audit key when missing, so the first administrator's
    secret is stored encrypted."""
    found = probe(url)
    if not found.usable:
        raise SetupRefused(found.message)
    engine = make_engine(url)
    ensure_schema(engine)
    try:
        key = identity.load_or_create_key(key_file or default_secret_key_file(), create=True)
    except identity.SecretKeyProblem as problem:
        raise SetupRefused(str(problem)) from None
    settings = Settings(production=production, secret_key=key)
    actor = Actor(None, "system:station-init", "Lotline set-up", None, "set-up")
    return Context(engine, actor, settings)


def has_users(ctx: Context) -> bool:
    """Whether the database already has people (a further station of a site: no new admin)."""
    return bool(identity.list_users(ctx))


@dataclass(frozen=True)
class AdminMade:
    """The first administrator: the TOTP URI (None when the role needs no second factor) and
    its secret, to type into an authenticator by hand."""

    username: str
    totp_uri: str | None

    @property
    def secret(self) -> str:
        return totp_secret(self.totp_uri) if self.totp_uri else ""


def first_admin(ctx: Context, username: str, full_name: str, password: str) -> AdminMade:
    """The installation's first administrator.

    Refused (identity's Refusal) for a weak password under the site's policy, a bad user name,
    or a database that already has users."""
    info = identity.bootstrap_admin(ctx, username.strip(), full_name.strip(), password)
    return AdminMade(info.username, info.totp_uri)


def confirm_second_factor(ctx: Context, username: str, password: str, code: str) -> None:
    """The administrator logs in once with the authenticator's code: the factor is enrolled.
    Raises AuthenticationFailed with the reason when the code is wrong."""
    identity.login(ctx, username, password, code.strip())


def totp_secret(uri: str) -> str:
    """The base32 secret of a provisioning URI, to type into an authenticator by hand."""
    from urllib.parse import parse_qs, urlparse

    return parse_qs(urlparse(uri).query).get("secret", [""])[0]


def write_station_file(path: Path, plan: StationPlan, *, replace: bool = False) -> StationConfig:
    """Write the station file and read it back with the real loader; refuses to overwrite an
    existing file unless ``replace``."""
    check_plan(plan)
    if path.exists() and not replace:
        raise SetupRefused(
            f"{path} exists already: this station is set up (remove the file or give --force)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(render(plan), encoding="utf-8")
    try:
        loaded = load_config(temporary, environ={})
    except ConfigError as problem:
        temporary.unlink()
        raise SetupRefused(str(problem)) from None
    temporary.replace(path)
    return loaded
