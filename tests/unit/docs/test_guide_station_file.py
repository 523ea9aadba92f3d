"""The station files of docs/guide/plant-it.md are ones the program accepts: each ```toml block
is loaded by the station's own loader, every device table passes the port settings' check (which
refuses unknown keys) and the keyboard wedge's, so no key in the guide is invented."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from desktop.config import load_config
from desktop.devices.settings import WINDOWS_PORT, PortSettings
from desktop.devices.wedge import WedgeSettings

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "guide" / "plant-it.md"
BLOCKS = re.findall(r"```toml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_guide_has_its_examples() -> None:
    assert len(BLOCKS) == 2
    assert all(key in BLOCKS[0] for key in ("COM3", "socket://", "[devices.wedge]", "postgresql"))


@pytest.mark.parametrize("block", BLOCKS, ids=["shared-bench", "embedded-bench"])
def test_a_station_file_of_the_guide_loads_with_the_real_loader(block: str, tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text(block, encoding="utf-8")
    cfg = load_config(path, environ={})
    assert cfg.production and not cfg.simulated
    for device in cfg.devices.values():
        # the guide's bench is a Windows PC: here a COM port is checked as its Linux twin
        url = device.url
        if os.name != "nt" and WINDOWS_PORT.match(url):
            url = "/dev/ttyUSB" + url[3:]
        settings = PortSettings.from_mapping({**device.settings, "url": url})
        assert settings.url == url
    if cfg.wedge:
        WedgeSettings.from_mapping(cfg.wedge)
    assert cfg.audit.anchor


def test_the_loader_would_refuse_a_key_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "station.toml"
    path.write_text(BLOCKS[0].replace("baud = 9600", "buad = 9600", 1), encoding="utf-8")
    cfg = load_config(path, environ={})
    with pytest.raises(ValueError, match="buad"):
        PortSettings.from_mapping(
            {"url": cfg.devices["scanner"].url, **cfg.devices["scanner"].settings}
        )
