"""The plant at a glance: the dashboard's panels (work in progress, output against plan,
first-pass yield, scrap and rework, open NCRs and holds, lots awaiting release, label
reconciliation, device health, traceability coverage, recall response time), the records
behind each figure, the KPIs for reports, and the device health a station reports.

The public module of this capability: other packages, views and commands import only from here.
Every panel reads a bounded set (the window's events, records still open, units in process)
through the indexes of migration 0013, so it answers at a plant's size (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from desktop.domain.insight import Panel
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.insight import _coverage, _devices, _line, _quality, _recalls
from desktop.services.insight._model import (
    CALIBRATION_WARNING_DAYS,
    DEFAULT_WINDOW_HOURS,
    RECORDS_SHOWN,
    Cell,
    Figure,
    PanelView,
    Records,
    Window,
)
from desktop.services.insight._plant import Plant
from desktop.services.insight._records import records

#: The longest window a panel may be asked for (a month): beyond it, use the batch record.
MAX_WINDOW_HOURS = 24 * 31

__all__ = [
    "CALIBRATION_WARNING_DAYS",
    "DEFAULT_WINDOW_HOURS",
    "MAX_WINDOW_HOURS",
    "RECORDS_SHOWN",
    "Cell",
    "Figure",
    "PanelView",
    "Records",
    "dashboard",
    "dashboard_panel",
    "figure_records",
    "kpis",
    "report_device_health",
]


def _window(hours: int, now: datetime | None) -> Window:
    if not 1 <= hours <= MAX_WINDOW_HOURS:
        raise Refusal(
            t(
                "a dashboard window of {hours} h: give 1 to {most} hours",
                hours=hours,
                most=MAX_WINDOW_HOURS,
            )
        )
    return Window.last(hours, now)


def _panel(uow: UnitOfWork, plant: Plant, panel: Panel, window: Window) -> PanelView:
    s = uow.session
    match panel:
        case Panel.WIP:
            return _line.wip(s, plant)
        case Panel.OUTPUT:
            return _line.output(s, plant, window)
        case Panel.YIELD:
            return _line.first_pass_yield(s, plant, window)
        case Panel.SCRAP_REWORK:
            return _line.scrap_rework(s, window)
        case Panel.NCRS:
            return _quality.ncrs(s, window.end)
        case Panel.HOLDS:
            return _quality.holds(s, window.end)
        case Panel.RELEASE:
            return _quality.awaiting_release(s, window.end)
        case Panel.LABELS:
            return _quality.labels(s, window)
        case Panel.DEVICES:
            return _devices.devices(s, window)
        case Panel.COVERAGE:
            return _coverage.coverage(s, plant, window)
        case Panel.RECALLS:
            return _recalls.recalls(s, window.end)


@use_case(Permission.DASHBOARD_VIEW, read_only=True)
def dashboard_panel(
    uow: UnitOfWork,
    panel: Panel,
    *,
    hours: int = DEFAULT_WINDOW_HOURS,
    now: datetime | None = None,
) -> PanelView:
    """One panel over the last ``hours`` (the line panels; open records are shown whatever
    their age)."""
    window = _window(hours, now)
    return _panel(uow, Plant.read(uow.session), panel, window)


@use_case(Permission.DASHBOARD_VIEW, read_only=True)
def dashboard(
    uow: UnitOfWork,
    *,
    panels: Iterable[Panel] = tuple(Panel),
    hours: int = DEFAULT_WINDOW_HOURS,
    now: datetime | None = None,
) -> tuple[PanelView, ...]:
    """The panels asked for, read in one transaction (one consistent picture)."""
    window = _window(hours, now)
    plant = Plant.read(uow.session)
    return tuple(_panel(uow, plant, p, window) for p in panels)


@use_case(Permission.DASHBOARD_VIEW, read_only=True)
def figure_records(
    uow: UnitOfWork,
    key: str,
    *,
    hours: int = DEFAULT_WINDOW_HOURS,
    now: datetime | None = None,
) -> Records:
    """The records behind the figure named ``key`` (a key from a panel's figure)."""
    window = _window(hours, now)
    try:
        return records(uow.session, window, key)
    except (ValueError, IndexError, KeyError):
        raise Refusal(
            t("{key} names no figure of the dashboard: pick a figure on a panel", key=key)
        ) from None


@use_case(Permission.DASHBOARD_VIEW, read_only=True)
def kpis(
    uow: UnitOfWork,
    *,
    hours: int = DEFAULT_WINDOW_HOURS,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Every panel as data for a report (``lotline kpi --json``): its headline, figures and
    alert, and the window they count over."""
    window = _window(hours, now)
    plant = Plant.read(uow.session)
    out: dict[str, Any] = {
        "window": {"start": window.start.isoformat(), "end": window.end.isoformat(), "hours": hours}
    }
    for panel in Panel:
        view = _panel(uow, plant, panel, window)
        out[str(panel)] = {
            "title": str(panel.words),
            "headline": str(view.headline),
            "alert": view.alert,
            "figures": [_figure_data(f) for f in view.figures],
            **({"count": view.figures_total} if view.figures_total is not None else {}),
        }
    return out


def _figure_data(figure: Figure) -> dict[str, Any]:
    """A figure as JSON: its words as plain strings."""
    return asdict(figure) | {"label": str(figure.label), "note": str(figure.note)}


@use_case(None)
def report_device_health(
    uow: UnitOfWork,
    device: str,
    since: datetime,
    until: datetime,
    *,
    readings: int,
    refused: int,
    reconnects: int,
) -> None:
    """Record what the actor's station saw of its device ``device`` over [since, until)."""
    _devices.report_health(uow, device, since, until, readings, refused, reconnects)
