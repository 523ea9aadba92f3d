"""The label printer driver against the Zebra simulator over a pty and over TCP."""

from __future__ import annotations

import queue
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.devices.errors import DeviceError
from desktop.devices.factory import printer_from_config, printer_worker
from desktop.devices.port import Port
from desktop.devices.printer import JobOutcome, JobStatus, LabelPrinter, PrintJob
from desktop.devices.sim import PrinterSim, ScannerSim, profile_from_dict
from desktop.devices.workers import PrinterEvent
from desktop.devices.zebra import PrinterState, PrinterStatus
from tests.integration.devices.support import FAST, fast, wait_for

T = TypeVar("T")


def label(n: int) -> PrintJob:
    zpl = f"^XA^CI28^FO30,30^A0N,28,28^FDLABEL-{n:03d}^FS^PQ1,0,1,Y^XZ".encode()
    return PrintJob(f"lot-K7-0042-label-{n:03d}", zpl)


def printed(sim: PrinterSim) -> Counter[str]:
    texts = (p.read_bytes().decode() for p in sim.labels)
    return Counter(t.split("^FD", 1)[1].split("^FS", 1)[0] for t in texts)


def sim_with(tmp_path: Path, transport: str = "pty", **profile: Any) -> PrinterSim:
    return PrinterSim(
        profile_from_dict({"kind": "printer", **profile}),
        labels_dir=tmp_path / "labels",
        transport=transport,
    )


def test_status_ready_then_each_error_state(tmp_path: Path) -> None:
    with sim_with(tmp_path) as sim, Port(fast(sim.port_url)) as port:
        printer = LabelPrinter(port)
        states = [printer.status().state]
        for fault, undo in [("paper_out", "refill"), ("head_open", "head_close"),
                            ("ribbon_out", "ribbon_in"), ("pause", "resume")]:  # fmt: skip
            sim.fault(fault)
            states.append(printer.status().state)
            sim.fault(undo)
        ready = printer.status()
    assert states == [
        PrinterState.READY, PrinterState.PAPER_OUT, PrinterState.HEAD_OPEN,
        PrinterState.RIBBON_OUT, PrinterState.PAUSED,
    ]  # fmt: skip
    assert ready.ready and ready.host is not None and ready.host.label_length == 812
    assert ready.host.password == "1234" and ready.host.idle


def test_error_states_are_found_through_hqes_because_hs_stays_silent(tmp_path: Path) -> None:
    with sim_with(tmp_path) as sim, Port(fast(sim.port_url)) as port:
        sim.open_head()
        status = LabelPrinter(port).status()
    assert status.host is None and status.errors is not None and status.errors.head_open
    assert "close the print head" in status.message


def test_garbage_before_the_status_answer_is_logged_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    noise = {"action": "garbage", "after": 1, "event": "paused", "value": "zz\x02NOT,A\x03\r\n"}
    with sim_with(tmp_path, faults=[noise]) as sim, Port(fast(sim.port_url)) as port:
        outcome = LabelPrinter(port, device_id="printer-2").submit(label(1))
        wait_for(lambda: sim.label_count == 1)
    assert outcome.status is JobStatus.SENT
    assert repr(b"zz") in caplog.text and repr(b"\x02NOT,A\x03") in caplog.text


def test_a_printer_that_answers_nothing_is_offline() -> None:
    with ScannerSim() as silent, Port(fast(silent.port_url)) as port:
        status = LabelPrinter(port).status()
    assert status.state is PrinterState.OFFLINE and "switched on" in status.message


def retrying(printer: LabelPrinter, action: Callable[[], T]) -> T:
    """Run ``action``; on a dropped link, reconnect and run it again (same job keys)."""
    for _attempt in range(5):
        try:
            return action()
        except DeviceError:
            assert printer.port.reconnect(timeout=5.0)
            printer.on_connect()
    raise AssertionError("the link never came back")


def run_batch(printer: LabelPrinter, jobs: list[PrintJob]) -> list[JobOutcome]:
    return [retrying(printer, lambda job=job: printer.submit(job)) for job in jobs]  # type: ignore[misc]


BLIPS = {
    "no blip": [],
    "drop after format 10 arrived": [
        {"action": "disconnect", "after": 10, "event": "received", "duration": 0.2}
    ],
    "drop before format 17 arrived": [
        {"action": "disconnect", "after": 17, "event": "paused", "duration": 0.2}
    ],
    "drop while the held labels go out": [
        {"action": "disconnect", "after": 30, "event": "received", "duration": 0.2}
    ],
    "drop on the format the roll ends on": [
        {"action": "disconnect", "after": 24, "event": "received", "duration": 0.2}
    ],
}


CASES = [pytest.param("pty", blip, id=f"pty-{blip}") for blip in BLIPS] + [
    pytest.param("tcp", blip, id=f"tcp-{blip}")
    for blip in ("no blip", "drop after format 10 arrived", "drop while the held labels go out")
]


@pytest.mark.parametrize(("transport", "blip"), CASES)
def test_fifty_labels_with_paper_out_and_refill_come_out_exactly_once(
    tmp_path: Path, transport: str, blip: str
) -> None:
    jobs = [label(n) for n in range(1, 51)]
    journal = tmp_path / "journal.log"
    with sim_with(tmp_path, transport, device={"paper_labels": 23}, faults=BLIPS[blip]) as sim:
        printer = printer_from_config({"url": sim.port_url, "journal": str(journal), **FAST})
        with printer.port:
            outcomes = run_batch(printer, jobs)
            held = [o.key for o in outcomes if o.status is JobStatus.HELD]
            assert held and len(printer.held) == len(held)
            assert sim.state == "paper out" and sim.label_count == 23
            assert outcomes[-1].printer is not None
            assert "load a new roll" in outcomes[-1].message
            sim.refill(500)  # a full roll
            wait_for(lambda: sim.label_count == 24, what="the buffered label after refill")
            released = retrying(printer, printer.release_held)
            while printer.held:  # a drop in the middle: what went out before it is not resent
                released = retrying(printer, printer.release_held)
        assert all(o.status is not JobStatus.HELD for o in released)
        assert printer.held == ()
        wait_for(lambda: sim.label_count == 50, what="50 labels")
    assert printed(sim) == Counter(f"LABEL-{n:03d}" for n in range(1, 51))
    assert len(sim.labels) == 50


def test_retrying_a_key_after_a_restart_does_not_print_again(tmp_path: Path) -> None:
    journal = tmp_path / "journal.log"
    with sim_with(tmp_path) as sim:
        with Port(fast(sim.port_url)) as port:
            assert LabelPrinter(port, journal=journal).submit(label(1)).status is JobStatus.SENT
        with Port(fast(sim.port_url)) as port:  # the station program restarted
            again = LabelPrinter(port, journal=journal).submit(label(1))
        assert again.status is JobStatus.ALREADY_SENT
        wait_for(lambda: sim.label_count == 1)
    assert printed(sim) == Counter({"LABEL-001": 1})


def test_worker_holds_then_sends_and_reports_events(tmp_path: Path) -> None:
    events: queue.Queue[PrinterEvent] = queue.Queue()
    with sim_with(tmp_path) as sim:
        printer = printer_from_config({"url": sim.port_url, **FAST})
        worker = printer_worker(printer, events=events, status_interval=0.1)
        worker.start()
        try:
            assert worker.submit(label(1)).result(timeout=5).status is JobStatus.SENT
            sim.paper_out()
            held = worker.submit(label(2)).result(timeout=5)
            assert held.status is JobStatus.HELD
            sim.refill()
            wait_for(lambda: sim.label_count == 2, what="the held label")
            seen = [events.get(timeout=5) for _ in range(events.qsize())]
            wait_for(lambda: not events.empty() or seen, what="events")
        finally:
            worker.stop()
    kinds = {type(e).__name__ for e in seen}
    assert "PrinterStatus" in kinds
    sent_later = [e for e in seen if isinstance(e, JobOutcome) and e.status is JobStatus.SENT]
    assert [e.key for e in sent_later] == [label(2).key]
    states = [e.state for e in seen if isinstance(e, PrinterStatus)]
    assert PrinterState.READY in states


def test_print_jobs_are_checked() -> None:
    with pytest.raises(ValueError, match="one \\^XA"):
        PrintJob("k1", b"hello")
    with pytest.raises(ValueError, match="print job key"):
        PrintJob("has space", b"^XA^XZ")
    assert PrintJob("k2", b"^XA^PQ3,0,1,Y^XZ").copies == 3
