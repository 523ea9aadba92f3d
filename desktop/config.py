"""Station configuration: a TOML file plus LOTLINE_* environment variables, validated at start.

With no configuration at all a station runs the demo: the embedded SQLite database, simulated
devices and the operator home screen. ``production = true`` refuses simulated devices and
anchors the audit chain (``[audit]``).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from db.resilience import Timeouts
from desktop.domain.offline import DEFAULT_MAX_COPY_AGE_HOURS

#: Station kinds a station file may name; a kind whose screen is not registered yet
#: (desktop/views/kinds.py) opens the first screen its user may see.
STATION_KINDS = (
    "operator",
    "qc",
    "packaging",
    "planning",
    "receiving",
    "shipping",
    "service",
    "trace",
    "dashboard",
    "admin",
)
LANGUAGES = ("en", "zh_CN")
DEVICE_KINDS = ("scanner", "scale", "printer")
#: ``[devices.wedge]``: the keyboard-wedge (USB HID) scanner that types into the station; on
#: unless ``enabled = false`` (see desktop/devices/wedge.py for its settings).
WEDGE = "wedge"


class ConfigError(ValueError):
    """The configuration is wrong; the message names the file or variable and the value."""


@dataclass(frozen=True)
class DeviceConfig:
    kind: str
    url: str = "sim"  # "sim" = the built-in simulator; else a port URL for serial_for_url
    settings: Mapping[str, Any] = field(default_factory=dict)  # baud, parity, terminator...
    profile: str | None = None  # simulator profile (TOML)

    @property
    def simulated(self) -> bool:
        return self.url == "sim"


@dataclass(frozen=True)
class BackupConfig:
    """Scheduled backups of the embedded database (``[backup]`` in the station file): every
    ``every_hours`` a copy into ``folder``, the newest ``keep`` kept. `lotline db backup
    --scheduled`, run hourly by the computer's scheduler, takes one when it is due."""

    folder: Path
    every_hours: float = 24.0
    keep: int = 14


def default_key_file() -> Path:
    """The station's audit signing key: in its configuration folder (made with mode 0600)."""
    return Path(platformdirs.user_config_dir("Lotline", appauthor=False)) / "audit-signing.key"


def default_secret_key_file() -> Path:
    """The site's key for TOTP secrets, beside the audit key in the station's protected
    configuration folder (0600); every station of a site holds the same file."""
    return default_key_file().parent / "totp-secrets.key"


def default_anchor_folder() -> Path:
    return Path(platformdirs.user_data_dir("Lotline", appauthor=False)) / "audit-anchors"


@dataclass(frozen=True)
class AuditConfig:
    """Anchoring of the audit chain (``[audit]`` in the station file; docs/audit-trail.md):
    with ``anchor`` on (the default in production) every use case commit writes a checkpoint
    signed with ``key_file``, kept in the database, in a file of ``anchor_folder`` and, if
    given, on ``second_server`` (a database URL)."""

    anchor: bool = False
    key_file: Path = field(default_factory=default_key_file)
    anchor_folder: Path = field(default_factory=default_anchor_folder)
    second_server: str | None = None


def default_offline_folder(station: str) -> Path:
    """Where a station keeps its journal and its copy of the shared database: its data folder."""
    return Path(platformdirs.user_data_dir("Lotline", appauthor=False)) / station / "offline"


@dataclass(frozen=True)
class OfflineConfig:
    """Capture while the shared database is away (``[offline]`` in the station file;
    docs/offline.md): on unless ``enabled = false``; the journal and the copy in ``folder``
    (None: the station's data folder); steps are checked against a copy at most
    ``max_copy_age_hours`` old."""

    enabled: bool = True
    folder: Path | None = None
    max_copy_age_hours: float = DEFAULT_MAX_COPY_AGE_HOURS

    def folder_of(self, station: str) -> Path:
        return self.folder if self.folder is not None else default_offline_folder(station)


#: How often a station reports its devices' health to the dashboard, by default.
DEFAULT_DEVICE_REPORT_MINUTES = 15.0


@dataclass(frozen=True)
class DashboardConfig:
    """What the station gives the plant dashboard (``[dashboard]`` in the station file;
    docs/devices.md): every ``device_report_minutes`` its devices' health (readings, refused
    readings, reconnects), and at log-out and when the station closes."""

    device_report_minutes: float = DEFAULT_DEVICE_REPORT_MINUTES


@dataclass(frozen=True)
class StationConfig:
    station: str = "line-1"
    kind: str = "operator"
    database_url: str | None = None
    language: str = "en"
    idle_lock_minutes: float = 5.0
    lockout_threshold: int = 5
    totp_roles: tuple[str, ...] = ("admin",)
    production: bool = False
    devices: Mapping[str, DeviceConfig] = field(
        default_factory=lambda: {k: DeviceConfig(k) for k in DEVICE_KINDS}
    )
    backup: BackupConfig | None = None
    audit: AuditConfig = field(default_factory=AuditConfig)
    wedge: Mapping[str, Any] = field(default_factory=dict)  # [devices.wedge]
    database: Timeouts = field(default_factory=Timeouts)  # [database]: waits and retries
    offline: OfflineConfig = field(default_factory=OfflineConfig)  # [offline]: capture
    dashboard: DashboardConfig = field(default_factory=DashboardConfig)  # [dashboard]
    source: str = "defaults"

    @property
    def simulated(self) -> bool:
        return any(d.simulated for d in self.devices.values())


def default_path() -> Path:
    return Path(platformdirs.user_config_dir("Lotline", appauthor=False)) / "station.toml"


def _devices(raw: Mapping[str, Any], where: str) -> dict[str, DeviceConfig]:
    out = {k: DeviceConfig(k) for k in DEVICE_KINDS}
    for kind, spec in raw.items():
        if kind == WEDGE:
            continue  # not a port: see _wedge
        if kind not in DEVICE_KINDS:
            known = (*DEVICE_KINDS, WEDGE)
            raise ConfigError(f"{where}: [devices.{kind}] is not a device kind {known}")
        if not isinstance(spec, Mapping):
            raise ConfigError(f"{where}: [devices.{kind}] must be a table")
        settings = {k: v for k, v in spec.items() if k not in ("url", "profile")}
        out[kind] = DeviceConfig(kind, str(spec.get("url", "sim")), settings, spec.get("profile"))
    return out


def _wedge(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    spec = raw.get(WEDGE, {})
    if not isinstance(spec, Mapping):
        raise ConfigError(f"{where}: [devices.{WEDGE}] must be a table")
    return dict(spec)


def _backup(raw: Any, where: str) -> BackupConfig | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: [backup] must be a table (folder, every_hours, keep)")
    unknown = sorted(set(raw) - {"folder", "every_hours", "keep"})
    if unknown:
        raise ConfigError(
            f"{where}: [backup] {unknown[0]} is not a setting: folder, every_hours, keep"
        )
    if not str(raw.get("folder", "")).strip():
        raise ConfigError(f'{where}: [backup] needs a folder, e.g. folder = "D:/Lotline backups"')
    cfg = BackupConfig(
        Path(str(raw["folder"])).expanduser(),
        float(raw.get("every_hours", 24.0)),
        int(raw.get("keep", 14)),
    )
    if cfg.every_hours <= 0 or cfg.keep < 1:
        raise ConfigError(
            f"{where}: [backup] every_hours must be more than 0 and keep at least 1 "
            f"(found every_hours = {cfg.every_hours:g}, keep = {cfg.keep})"
        )
    return cfg


def _audit(raw: Any, where: str, production: bool) -> AuditConfig:
    if raw is None:
        return AuditConfig(anchor=production)
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: [audit] must be a table (anchor, key_file, ...)")
    known = {"anchor", "key_file", "anchor_folder", "second_server"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"{where}: [audit] {unknown[0]} is not a setting: {', '.join(known)}")
    anchor = raw.get("anchor", production)
    if not isinstance(anchor, bool):
        raise ConfigError(f"{where}: [audit] anchor must be true or false (found {anchor!r})")
    if production and not anchor:
        raise ConfigError(f"{where}: production = true needs [audit] anchor = true")
    paths = {}
    for name in ("key_file", "anchor_folder", "second_server"):
        value = raw.get(name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{where}: [audit] {name} must be a non-empty text")
        paths[name] = value
    base = AuditConfig()
    return AuditConfig(
        anchor,
        Path(paths["key_file"]).expanduser() if paths["key_file"] else base.key_file,
        Path(paths["anchor_folder"]).expanduser() if paths["anchor_folder"] else base.anchor_folder,
        paths["second_server"],
    )


#: ``[database]`` settings of the station file -> Timeouts fields (seconds unless said).
DATABASE_SETTINGS = {
    "connect_timeout": "connect_s",
    "statement_timeout": "statement_s",
    "idle_in_transaction_timeout": "idle_in_transaction_s",
    "silent_grace": "grace_s",
    "keepalives_idle": "keepalives_idle_s",
    "keepalives_interval": "keepalives_interval_s",
    "keepalives_count": "keepalives_count",
    "pool_recycle": "pool_recycle_s",
    "retry_attempts": "retry_attempts",
    "retry_base": "retry_base_s",
    "retry_cap": "retry_cap_s",
}


def _settings(
    raw: Any, where: str, name: str, known: Iterable[str], example: str
) -> Mapping[str, Any] | None:
    """A table of settings in the station file: None when it is not there; refused, naming it,
    when it is not a table or holds a setting that does not exist."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: [{name}] must be a table ({example})")
    names = list(known)
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise ConfigError(f"{where}: [{name}] {unknown[0]} is not a setting: {', '.join(names)}")
    return raw


def _database(raw: Any, where: str) -> Timeouts:
    """``[database]``: how long to wait for the database and how to retry (db/resilience.py)."""
    table = _settings(raw, where, "database", DATABASE_SETTINGS, "statement_timeout = 15, ...")
    if table is None:
        return Timeouts()
    values: dict[str, Any] = {}
    for name, value in table.items():
        whole = DATABASE_SETTINGS[name] in ("keepalives_idle_s", "keepalives_interval_s")
        whole = whole or name in ("keepalives_count", "retry_attempts")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: [database] {name} must be a number (found {value!r})")
        if whole and value != int(value):
            raise ConfigError(f"{where}: [database] {name} must be a whole number ({value!r})")
        values[DATABASE_SETTINGS[name]] = int(value) if whole else float(value)
    limits = Timeouts(**values)
    problems = limits.problems()
    if problems:
        raise ConfigError(f"{where}: [database] {problems[0]}")
    return limits


OFFLINE_SETTINGS = ("enabled", "folder", "max_copy_age_hours")


def _offline(raw: Any, where: str) -> OfflineConfig:
    """``[offline]``: whether and where the station captures while the database is away."""
    table = _settings(raw, where, "offline", OFFLINE_SETTINGS, "enabled, folder, ...")
    if table is None:
        return OfflineConfig()
    raw = table
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: [offline] enabled must be true or false (found {enabled!r})")
    folder = raw.get("folder")
    if folder is not None and (not isinstance(folder, str) or not folder.strip()):
        raise ConfigError(
            f"{where}: [offline] folder must be a non-empty text, "
            'e.g. folder = "D:/Lotline/offline"'
        )
    hours = raw.get("max_copy_age_hours", DEFAULT_MAX_COPY_AGE_HOURS)
    if isinstance(hours, bool) or not isinstance(hours, int | float) or hours <= 0:
        raise ConfigError(
            f"{where}: [offline] max_copy_age_hours must be a number of hours more than 0 "
            f"(found {hours!r})"
        )
    return OfflineConfig(enabled, Path(folder).expanduser() if folder else None, float(hours))


DASHBOARD_SETTINGS = ("device_report_minutes",)


def _dashboard(raw: Any, where: str) -> DashboardConfig:
    """``[dashboard]``: how often the station reports its devices' health."""
    table = _settings(raw, where, "dashboard", DASHBOARD_SETTINGS, "device_report_minutes = 15")
    if table is None:
        return DashboardConfig()
    minutes = table.get("device_report_minutes", DEFAULT_DEVICE_REPORT_MINUTES)
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0:
        raise ConfigError(
            f"{where}: [dashboard] device_report_minutes must be a number of minutes more "
            f"than 0 (found {minutes!r})"
        )
    return DashboardConfig(float(minutes))


def _from_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    names = {
        "LOTLINE_STATION": "station",
        "LOTLINE_STATION_KIND": "kind",
        "LOTLINE_DATABASE_URL": "database_url",
        "LOTLINE_LANGUAGE": "language",
        "LOTLINE_IDLE_LOCK_MINUTES": "idle_lock_minutes",
        "LOTLINE_PRODUCTION": "production",
    }
    return {key: env[var] for var, key in names.items() if env.get(var)}


def _validated(values: dict[str, Any], where: str) -> StationConfig:
    cfg = StationConfig(source=where)
    try:
        cfg = replace(
            cfg,
            station=str(values.get("station", cfg.station)),
            kind=str(values.get("kind", cfg.kind)),
            database_url=values.get("database_url") or None,
            language=str(values.get("language", cfg.language)),
            idle_lock_minutes=float(values.get("idle_lock_minutes", cfg.idle_lock_minutes)),
            lockout_threshold=int(values.get("lockout_threshold", cfg.lockout_threshold)),
            totp_roles=tuple(values.get("totp_roles", cfg.totp_roles)),
            production=str(values.get("production", "false")).lower() in ("1", "true", "yes"),
            devices=_devices(values.get("devices", {}), where),
            wedge=_wedge(values.get("devices", {}), where),
            backup=_backup(values.get("backup"), where),
            database=_database(values.get("database"), where),
            offline=_offline(values.get("offline"), where),
            dashboard=_dashboard(values.get("dashboard"), where),
        )
        cfg = replace(cfg, audit=_audit(values.get("audit"), where, cfg.production))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None
    if cfg.kind not in STATION_KINDS:
        raise ConfigError(f'{where}: station kind "{cfg.kind}" is not one of {STATION_KINDS}')
    if cfg.language not in LANGUAGES:
        raise ConfigError(f'{where}: language "{cfg.language}" is not one of {LANGUAGES}')
    if cfg.production and cfg.simulated:
        sims = ", ".join(k for k, d in cfg.devices.items() if d.simulated)
        raise ConfigError(
            f"{where}: production = true but {sims} are simulated: give every device a real "
            "port URL, or run without production"
        )
    return cfg


def load_config(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> StationConfig:
    """The station's configuration: file (LOTLINE_CONFIG or the default path), then env."""
    env = os.environ if environ is None else environ
    chosen = path or (Path(env["LOTLINE_CONFIG"]) if env.get("LOTLINE_CONFIG") else None)
    values: dict[str, Any] = {}
    where = "defaults"
    if chosen is not None and not chosen.exists():
        raise ConfigError(f"station file {chosen} does not exist")
    candidate = chosen or default_path()
    if candidate.exists():
        values, where = _from_file(candidate), str(candidate)
    overrides = _env_overrides(env)
    if overrides:
        where = f"{where} + environment"
    return _validated(values | overrides, where)
