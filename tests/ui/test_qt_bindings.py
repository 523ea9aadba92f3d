"""Guards against Qt binding bugs that would kill a station after hours of scanning.

PySide6 6.12.0 drops a reference to True or False for every bool that passes through a signal;
after a few thousand scans the interpreter aborts ("bool_dealloc: deallocating True or False").
pyproject.toml keeps PySide6 below 6.12; this test fails if a release with that bug returns.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    anything = Signal(object)


def test_bools_through_signals_keep_their_reference_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter, seen = _Emitter(), []
    emitter.flag.connect(lambda value: seen.append(value is True))
    emitter.anything.connect(lambda value: seen.append(value is True))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.flag.emit(True)
        emitter.anything.emit(False)
    seen.clear()  # drop the references the slots kept
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
