#!/usr/bin/env python3
"""Install Lotline into .venv and start it, or run the whole test suite. Works on Linux and
Windows with Python 3.11+; the shell wrappers (start.sh, test.sh) add Debian's libraries first.

    python scripts/bootstrap.py start [lotline GUI args]   install, then start the station
    python scripts/bootstrap.py test  [pytest args]        install with test tools, run all checks
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def install(with_tests: bool) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script may run on an older Python)
        sys.exit(f"Lotline needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    extra = ".[test]" if with_tests else "."
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", extra)
    if with_tests:
        install_node_packages()


def install_node_packages() -> None:
    """The independent ZPL renderer (zpl-renderer-js) used by the label tests."""
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: the ZPL cross-check tests need Node.js and npm", flush=True)
        return
    if (ROOT / "package.json").exists():
        has_lock = (ROOT / "package-lock.json").exists()
        run(npm, "ci" if has_lock else "install", "--no-audit", "--no-fund", "--silent")


def has_display() -> bool:
    if os.name == "nt" or sys.platform == "darwin":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def start(args: list[str]) -> int:
    install(with_tests=False)
    if has_display() or os.environ.get("QT_QPA_PLATFORM"):
        return subprocess.call([str(PY), "-m", "desktop", *args], cwd=ROOT)
    print(
        "No display found (DISPLAY is not set): running the headless demo shift instead.\n"
        "On a desktop, run this command again from a graphical session to get the station.",
        flush=True,
    )
    return subprocess.call(
        [str(BIN / "lotline"), "demo", "--out", "demo-out", "--fresh", *args], cwd=ROOT
    )


def test(args: list[str]) -> int:
    install(with_tests=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    checks = [
        [PY, "-m", "ruff", "check", "."],
        [PY, "-m", "ruff", "format", "--check", "."],
        # strict on domain, devices, labels, services, db (pyproject)
        [PY, "-m", "mypy", "desktop", "db"],
        [BIN / "lint-imports"],
        # every core, each test file on one worker (its module fixtures made once); the 25
        # slowest tests named at the end
        [PY, "-m", "pytest", "-n", "auto", "--dist", "loadfile", "--durations=25", *args],
    ]
    for cmd in checks:
        print("+", " ".join(str(c) for c in cmd), flush=True)
        code = subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)
        if code != 0:
            print(f"FAILED: {' '.join(str(c) for c in cmd)} (exit {code})", flush=True)
            return code
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"start", "test", "install"}:
        print(__doc__)
        return 2
    action, rest = sys.argv[1], sys.argv[2:]
    if action == "install":
        install(with_tests="--test" in rest)
        return 0
    return start(rest) if action == "start" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
