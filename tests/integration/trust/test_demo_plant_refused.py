"""A production station refuses a database that still holds the demo plant's accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import open_backend
from desktop.config import AuditConfig, ConfigError, StationConfig
from desktop.services import identity


def test_the_demo_accounts_are_found_until_disabled(plant) -> None:
    assert identity.demo_accounts(plant.admin) == ["olga", "pat", "quinn", "sam", "badge B-1001"]
    for name in ("olga", "pat", "quinn", "sam"):
        identity.disable_user(plant.admin, name, "production start: demo accounts off")
    assert identity.demo_accounts(plant.admin) == []


def test_a_production_station_will_not_start_on_the_demo_plant(
    plant, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL: a production station must connect as the runtime role")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    audit = AuditConfig(anchor=True, key_file=tmp_path / "k.key", anchor_folder=tmp_path / "a")
    cfg = StationConfig(database_url=database_url, production=True, audit=audit)
    with pytest.raises(ConfigError, match=r"still holds the demo plant's accounts \(olga, "):
        open_backend(cfg)
