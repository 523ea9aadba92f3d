"""Fixtures for the label end-to-end tests: pdftoppm and the independent ZPL engine.

When CI=true both must be present: a missing tool fails the tests instead of skipping them.
Elsewhere a missing tool skips them with the reason and the command that installs it.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).resolve().parent / "render_zpl.mjs"
PACKAGE = REPO / "node_modules" / "zpl-renderer-js" / "package.json"
IN_CI = os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    path = shutil.which("pdftoppm")
    if path is None:
        missing("pdftoppm is not installed: apt-get install poppler-utils")
    assert path is not None
    return path


class Zebrash:
    """zpl-renderer-js (zebrash in WebAssembly) running in one node process."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def render(self, zpl: bytes, width_mm: float, height_mm: float, dpmm: int) -> Image.Image:
        request = {"zpl": zpl.decode("utf-8"), "width_mm": width_mm, "height_mm": height_mm}
        request["dpmm"] = dpmm
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise RuntimeError(f"zpl-renderer-js refused the ZPL: {answer['error']}")
        return Image.open(io.BytesIO(base64.b64decode(answer["png"])))


@pytest.fixture(scope="session")
def zebrash() -> Iterator[Zebrash]:
    node = shutil.which("node")
    if node is None:
        missing("node is not installed (Node 20 is needed for zpl-renderer-js)")
    if not PACKAGE.exists():
        missing("zpl-renderer-js is not installed: run `npm ci` in the repository root")
    assert node is not None
    process = subprocess.Popen(
        [node, str(SCRIPT), "--serve"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        yield Zebrash(process)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)
