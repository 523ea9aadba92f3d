"""Fixtures for the demo end-to-end tests: pdftotext (poppler-utils) to read the batch record.

When CI=true the tool must be present: a missing one fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def pdf_text() -> Callable[[Path], str]:
    """Text of a PDF, as pdftotext extracts it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        reason = "pdftotext is not installed: apt-get install poppler-utils"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: this test must run)")
        pytest.skip(reason)
    assert tool is not None

    def read(path: Path) -> str:
        done = subprocess.run(
            [tool, "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
        )
        return done.stdout.decode("utf-8")

    return read
