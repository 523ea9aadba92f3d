"""Where an event was recorded, for the documents: the station its row names, else the station
its audit entry names (a person logged in at a station that is not registered in master data,
or whose log-in did not carry the station's id)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Event, Station
from desktop.reports import record_query as rq


class EventStations:
    """The stations of a set of events, read once."""

    def __init__(
        self, session: Session, stations: dict[int, Station], events: Iterable[Event]
    ) -> None:
        self.stations = stations
        self.by_name = {s.name: s for s in stations.values()}
        unnamed = [str(e.id) for e in events if e.station_id is None]
        self.audited: dict[str, str] = {}
        for chunk in rq.chunks(unnamed):
            stmt = select(AuditEntry.entity_id, AuditEntry.station).where(
                AuditEntry.entity == "event", AuditEntry.entity_id.in_(chunk)
            )
            self.audited.update((str(i), str(s)) for i, s in session.execute(stmt) if s)

    def of(self, event: Event) -> tuple[str | None, Station | None]:
        """(the station's name, its row when registered) of ``event``; (None, None) unknown."""
        station = self.stations.get(event.station_id or 0)
        if station is not None:
            return station.name, station
        name = self.audited.get(str(event.id))
        return name, self.by_name.get(name or "")


__all__ = ["EventStations"]
