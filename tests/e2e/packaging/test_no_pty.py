"""A Windows bench PC has no pseudo-terminals: the station's simulators serve on TCP by
themselves and the whole self-test passes. LOTLINE_NO_PTY=1 makes this Linux computer
behave so; nothing else is told to use TCP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_the_station_selftest_passes_with_simulators_on_tcp(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTLINE_")}
    env.update(
        LOTLINE_NO_PTY="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),  # the station's log folder
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # no station file from this computer
    )
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--selftest"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-4000:]
    served = dict(re.findall(r"(scanner|scale|printer) simulator \(.*?\) on (\S+)", log))
    assert set(served) == {"scanner", "scale", "printer"}, log[-4000:]
    assert all(url.startswith("socket://127.0.0.1:") for url in served.values()), served
    assert "/dev/pts" not in log and "pseudo-terminal" not in log
