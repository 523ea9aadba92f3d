"""The station kinds' screens: one table says which screen a station kind opens and which roles
see it; a kind whose screen is not in the table is not offered.

To add a station's screen, write it as a ``Screen`` subclass in its own module and add one line
to ``SCREENS``: the station kind (also the screen's key), where the class is, and the
permissions of which a role must hold one to see it (from ``desktop.domain.permissions``). The
station file's ``kind`` picks the screen shown first; the logged-in role picks the others.
A screen that is no station's kind (the supervisor's conflicts after an outage, the recalls) is
in the table with ``station=False``: offered by role at every station, never named in a station
file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.domain.permissions import Permission as P
from desktop.domain.permissions import Role, can
from desktop.domain.plant import StationKind
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tasks import Runner

#: How a screen is made: the window's runner and the station's kit (devices, printer).
ScreenFactory = Callable[[Runner, StationKit], Screen]


@dataclass(frozen=True)
class KindScreen:
    """A station kind's screen: ``where`` is "module:Class", imported when a station starts."""

    kind: str
    where: str
    shown_to: frozenset[P]
    station: bool = True  # a station kind (False: a screen offered beside them by role)


def _entry(kind: str, where: str, *shown_to: P, station: bool = True) -> KindScreen:
    return KindScreen(kind, where, frozenset(shown_to), station)


#: Station kind -> its screen and who sees it, in the order of the navigation tabs.
SCREENS: tuple[KindScreen, ...] = (
    _entry(StationKind.OPERATOR, "desktop.views.operator:OperatorScreen", P.STEP_EXECUTE),
    _entry(
        StationKind.QC,
        "desktop.views.qc:QcScreen",
        P.INSPECTION_RECORD,
        P.LOT_RELEASE,
        P.NCR_DISPOSITION,
        P.HOLD_PLACE,
    ),
    _entry(
        StationKind.PACKAGING,
        "desktop.views.packaging:PackagingScreen",
        P.LABEL_PRINT,
        P.PACK,
        P.LABEL_RECONCILE,
        P.LABEL_REPRINT_APPROVE,
    ),
    _entry(StationKind.PLANNING, "desktop.views.planning:PlanningScreen", P.WORK_ORDER_MANAGE),
    _entry(
        StationKind.RECEIVING,
        "desktop.views.receiving:ReceivingScreen",
        P.MATERIAL_RECEIVE,
        P.MATERIAL_INSPECT,
        P.MATERIAL_DISPOSITION,
    ),
    _entry(StationKind.SHIPPING, "desktop.views.shipping:ShippingScreen", P.SHIP),
    _entry(StationKind.SERVICE, "desktop.views.service:ServiceScreen", P.SERVICE_RECORD),
    _entry(StationKind.TRACE, "desktop.views.trace:TraceScreen", P.TRACE_VIEW),
    _entry(StationKind.DASHBOARD, "desktop.views.dashboard:DashboardScreen", P.DASHBOARD_VIEW),
    _entry(
        StationKind.ADMIN,
        "desktop.views.admin:AdminScreen",
        P.USERS_MANAGE,
        P.STATIONS_MANAGE,
        P.MASTER_DATA_MANAGE,
    ),
    _entry(
        "conflicts",
        "desktop.views.conflicts:ConflictsScreen",
        P.OFFLINE_CONFLICT_RESOLVE,
        station=False,
    ),
    _entry("recall", "desktop.views.recall:RecallScreen", P.RECALL_MANAGE, station=False),
)


def registered(entries: Iterable[KindScreen] = SCREENS) -> tuple[str, ...]:
    """The station kinds that have a screen, in tab order."""
    return tuple(e.kind for e in entries if e.station)


def factories(entries: Iterable[KindScreen] = SCREENS) -> dict[str, ScreenFactory]:
    """Station kind -> the class that builds its screen (imported now)."""
    out: dict[str, ScreenFactory] = {}
    for entry in entries:
        module, _, name = entry.where.partition(":")
        out[entry.kind] = getattr(importlib.import_module(module), name)
    return out


def visible_to(role: str | None, entries: Iterable[KindScreen] = SCREENS) -> list[str]:
    """The screens a role may see (it holds one of each screen's permissions), in tab order."""
    try:
        known = Role(role or "")
    except ValueError:
        return []
    return [e.kind for e in entries if any(can(known, p) for p in e.shown_to)]
