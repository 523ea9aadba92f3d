"""The package as plant IT gets it: an sdist, the wheel built from that sdist, installed into a
clean virtual environment, then `lotline db upgrade`, `lotline demo` and `python -m desktop
--selftest` run from a folder with no checkout in sight.

The dependencies are not downloaded again: the clean environment sees the test environment's
installed distributions through a folder of links (every distribution but Lotline itself, and
none of its .pth start-up hooks, so the editable checkout cannot leak in). Lotline is installed
from the wheel alone (--no-deps, --no-index), and `pip check` confirms that what the wheel
declares is what it gets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from desktop.version import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ("pyproject.toml", "README.md", "CHANGELOG.md", "desktop", "db")
# What the program reads at run time, found through importlib.resources.
PACKAGE_DATA = (
    "db/migrations/env.py",
    "db/migrations/script.py.mako",
    "db/migrations/versions/0001_initial_schema.py",
    "desktop/labels/templates/udi-4x2.json",
    "desktop/devices/sim/profiles/scanner.toml",
    "desktop/views/i18n/lotline_zh_CN.qm",
    "desktop/demo_data/products.toml",
)
# Never copied into the clean environment's view of the test environment.
LEFT_OUT = ("lotline", "__editable__", "desktop", "db", "pip", "setuptools", "_distutils_hack")
Clean = tuple[Path, dict[str, str]]  # the clean environment's bin folder, its variables


def _build(hook: str, source: Path, out: Path) -> Path:
    """Call the setuptools PEP 517 hook in ``source`` (no network, no build isolation)."""
    call = f"from setuptools import build_meta as b; print(b.{hook}({str(out)!r}))"
    done = subprocess.run(
        [sys.executable, "-c", call],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out / done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist of a copy of the sources, then the wheel built from the unpacked sdist."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    sdist = _build("build_sdist", source, work)
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(work / "unpacked", filter="data")
    top = f"lotline-{__version__}"
    assert all(f"{top}/{path}" in names for path in PACKAGE_DATA), "sdist lacks package data"
    return _build("build_wheel", work / "unpacked" / top, work)


def test_the_wheel_carries_the_package_data_and_no_tests(wheel: Path) -> None:
    assert wheel.name == f"lotline-{__version__}-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    missing = [path for path in PACKAGE_DATA if path not in names]
    assert missing == []
    assert not [n for n in names if n.startswith(("tests/", "bench/", "scripts/"))]


@pytest.fixture(scope="module")
def clean_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Clean:
    """(the clean environment's bin folder, the environment variables to run it with)."""
    work = tmp_path_factory.mktemp("installed")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")

    deps = work / "deps"
    deps.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(LEFT_OUT) or entry.suffix == ".pth" or entry.name == "__pycache__":
            continue
        (deps / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "test-dependencies.pth").write_text(f"{deps}\n", encoding="utf-8")

    home = work / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOTLINE_", "PYTHON", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    return bin_dir, env


def run(clean: Clean, cwd: Path, *cmd: str) -> subprocess.CompletedProcess[str]:
    bin_dir, env = clean
    program = str(bin_dir / cmd[0])
    return subprocess.run(
        [program, *cmd[1:]], cwd=cwd, capture_output=True, text=True, timeout=600, env=env
    )


def test_installed_lotline_runs_with_no_checkout(clean_env: Clean, tmp_path: Path) -> None:
    imports = "import desktop, db; print(desktop.__file__, db.__file__)"
    where = run(clean_env, tmp_path, "python", "-c", imports)
    assert where.returncode == 0, where.stderr
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout

    check = run(clean_env, tmp_path, "python", "-m", "pip", "check")
    assert check.returncode == 0, check.stdout + check.stderr

    version = run(clean_env, tmp_path, "lotline", "--version")
    assert version.stdout.strip() == f"lotline {__version__}"

    url = f"sqlite:///{tmp_path / 'plant.sqlite'}"
    upgraded = run(clean_env, tmp_path, "lotline", "db", "upgrade", "--database", url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "database upgraded from empty to" in upgraded.stdout

    demo = run(clean_env, tmp_path, "lotline", "demo", "--out", "demo-out")
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    assert "audit verify: OK" in demo.stdout
    assert (tmp_path / "demo-out" / "lotline-demo.sqlite").exists()

    selftest = run(clean_env, tmp_path, "python", "-m", "desktop", "--selftest")
    assert selftest.returncode == 0, selftest.stdout[-3000:] + selftest.stderr[-3000:]
