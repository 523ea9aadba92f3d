"""EPCIS 2.0 export: our commissioning, aggregation, shipping, receiving (the supplier as
source) and material release (accepting) events, and the after-sale installations, service
visits, returns and disposals and a material lot's rejection, as an EPCISDocument that passes
the structural checks, with the right event types, IDs, URIs and places."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Customer, Event, Item, Site
from desktop.domain.udi import gs1_check_digit
from desktop.reports.epcis_check import check_document
from desktop.services.core.errors import PermissionDenied, Refusal
from desktop.services.distribution import record_service_event, ship
from desktop.services.documents import CONTEXT, Ids, export_epcis
from desktop.services.packing import close_case, create_case, pack_unit, unpack
from desktop.services.receiving import receive_material, reject_material
from tests.integration.trace_reports.scenario import (
    pump_lot,
    receive_board_lot,
    release_and_label,
    zones,
)
from tests.integration.workflows.qcpack_support import build_kits

PLANT_GLN = "950600000009" + gs1_check_digit("950600000009")
SINCE = datetime(2000, 1, 1, tzinfo=UTC)


@pytest.fixture
def shipped(plant, printer, tmp_path):  # type: ignore[no-untyped-def]
    """Board lot received; 4 pumps commissioned, labelled, packed into a case (one unpacked and
    packed again), the case closed and shipped to St Mary's; a kit lot released to the floor."""
    zones(plant, tmp_path / "zones")
    receive_board_lot(plant, "CW-E100")
    built = pump_lot(plant, 4, "CW-E100")
    release_and_label(plant, printer, built)
    pack = plant.ctx("packaging")
    case = create_case(pack)
    for serial in built.serials:
        pack_unit(pack, case.sscc, serial)
    unpack(pack, case.sscc, built.serials[0], "label corner lifted: re-seated")
    pack_unit(pack, case.sscc, built.serials[0])
    close_case(pack, case.sscc)
    ship(pack, "CUST-STMARY", "9506000000015", [case.sscc])
    kits = build_kits(plant, 20)
    return built, case.sscc, kits


def _export(plant, **kw: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return export_epcis(plant.ctx("supervisor"), SINCE, plant_gln=PLANT_GLN, **kw)


def _events(doc: dict[str, Any], step: str) -> list[dict[str, Any]]:
    return [e for e in doc["epcisBody"]["eventList"] if e["bizStep"] == step]


def test_export_validates_and_maps_every_event(plant, shipped) -> None:
    built, sscc, kits = shipped
    doc = _export(plant)
    assert check_document(doc) == []
    assert doc["@context"] == [CONTEXT] and doc["type"] == "EPCISDocument"
    assert doc["schemaVersion"] == "2.0"
    sgtins = [f"urn:epc:id:sgtin:9506000.013435.{s}" for s in built.serials]
    [commission] = [e for e in _events(doc, "commissioning") if "epcList" in e]
    assert (commission["type"], commission["action"]) == ("ObjectEvent", "ADD")
    assert commission["epcList"] == sgtins and commission["disposition"] == "active"
    [kit_lot] = [e for e in _events(doc, "commissioning") if "quantityList" in e]
    assert kit_lot["quantityList"] == [
        {"epcClass": f"urn:epc:class:lgtin:9506000.013436.{kits.lot}", "quantity": 20.0}
    ]
    case_uri = f"urn:epc:id:sscc:9506000.{sscc[0]}{sscc[8:17]}"
    packed = _events(doc, "packing")
    assert [e["type"] for e in packed] == ["AggregationEvent"] * 5
    assert {e["parentID"] for e in packed} == {case_uri}
    assert [e["childEPCs"][0] for e in packed] == [*sgtins, sgtins[0]]
    [out] = _events(doc, "unpacking")
    assert (out["action"], out["childEPCs"]) == ("DELETE", [sgtins[0]])
    [shipping] = _events(doc, "shipping")
    assert (shipping["type"], shipping["action"]) == ("ObjectEvent", "OBSERVE")
    assert shipping["disposition"] == "in_transit" and shipping["epcList"] == [case_uri]
    stmary = "urn:epc:id:sgln:9506000.00001.0"
    assert shipping["destinationList"] == [{"type": "location", "destination": stmary}]
    [received] = _events(doc, "receiving")
    assert received["quantityList"][0]["quantity"] == 10.0
    supplier = "urn:lotline:supplier:SUP-BOARDS"
    assert received["sourceList"] == [
        {"type": "owning_party", "source": supplier},
        {"type": "possessing_party", "source": supplier},
    ]
    assert received["destinationList"] == [
        {"type": "location", "destination": "urn:epc:id:sgln:9506000.00009.0"}
    ]
    [accepted] = _events(doc, "accepting")
    assert (accepted["type"], accepted["action"]) == ("ObjectEvent", "OBSERVE")
    assert accepted["quantityList"] == received["quantityList"] and "disposition" not in accepted
    assert received["readPoint"] == {"id": "urn:epc:id:sgln:9506000.00009.pack-1"}
    assert commission["readPoint"] == {"id": "urn:epc:id:sgln:9506000.00009.line-1"}
    assert all(e["bizLocation"] == {"id": "urn:epc:id:sgln:9506000.00009.0"} for e in packed)
    assert commission["eventTimeZoneOffset"] in ("+01:00", "+02:00")


def test_event_ids_are_our_event_uuids(plant, shipped) -> None:
    doc = _export(plant)
    kinds = ("commission", "pack", "unpack", "shipment", "receive", "material_release")
    with Session(plant.engine) as s:
        ours = {f"urn:uuid:{e}" for e in s.scalars(select(Event.id).where(Event.kind.in_(kinds)))}
        kit_lot = s.scalars(
            select(Event.id)
            .join(Item, Item.id == Event.item_id)
            .where(Event.kind == "wo_release", Item.gtin == "09506000134369")
        ).one()
    ids = [e["eventID"] for e in doc["epcisBody"]["eventList"]]
    assert len(ids) == len(set(ids)) == len(ours) + 1
    assert set(ids) == ours | {f"urn:uuid:{kit_lot}"}


def test_window_prefix_length_and_refusals(plant, shipped) -> None:
    later = datetime.now(UTC) + timedelta(days=1)
    empty = export_epcis(plant.ctx("supervisor"), later)
    assert empty["epcisBody"]["eventList"] == [] and check_document(empty) == []
    private = export_epcis(plant.ctx("qc_inspector"), SINCE)
    assert check_document(private) == []
    assert _events(private, "shipping")[0]["readPoint"]["id"] == "urn:lotline:station:pack-1"
    eight = export_epcis(plant.ctx("supervisor"), SINCE, prefix_length=8)
    assert check_document(eight) == []
    assert _events(eight, "shipping")[0]["epcList"][0].startswith("urn:epc:id:sscc:95060000.")
    with pytest.raises(Refusal, match="prefix length 13 is out of range: give 6 to 12"):
        export_epcis(plant.ctx("supervisor"), SINCE, prefix_length=13)
    with pytest.raises(Refusal, match='plant GLN "123" must be 13 digits'):
        export_epcis(plant.ctx("supervisor"), SINCE, plant_gln="123")
    with pytest.raises(PermissionDenied):
        export_epcis(plant.ctx("operator"), SINCE)


def _by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["eventID"]: e for e in doc["epcisBody"]["eventList"]}


def test_after_sale_events_and_a_rejected_lot(plant, shipped) -> None:
    """Installed, serviced, returned and disposed of, each as CBV 2.0 says, read where it
    happened: the site's SGLN, a site without a GLN by its private URI, the plant after a
    return, no place for a unit shipped and never installed with no site named."""
    built, _sscc, _kits = shipped
    first, second, third = built.serials[:3]
    with Session(plant.engine) as s:
        stmary = s.scalars(select(Customer.id).where(Customer.code == "CUST-STMARY")).one()
        annex = Site(name="St Mary's annex", customer_id=stmary)
        s.add(annex)
        s.commit()
        annex_id = annex.id
    sam = plant.ctx("supervisor")
    views = [
        record_service_event(sam, first, "installation", "9506000000015", "ward 3"),
        record_service_event(sam, first, "service", None, "yearly check"),
        record_service_event(sam, first, "return", None, "RMA-0042: display stays dark"),
        record_service_event(sam, first, "disposal", None, "beyond repair"),
        record_service_event(sam, second, "installation", "St Mary's annex"),
        record_service_event(sam, second, "disposal", None, "dropped"),
        record_service_event(sam, third, "service", None, "phone check"),
    ]
    receive_material(plant.ctx("packaging"), "BOARD-IP300", "SUP-BOARDS", "CW-BAD", 5)
    rejected = reject_material(plant.ctx("qc_inspector"), "CW-BAD", "cracked solder joints")
    doc = _export(plant)
    assert check_document(doc) == []
    events = _by_id(doc)
    found = [events[f"urn:uuid:{v.event_id}"] for v in views]
    sgtin = {s: f"urn:epc:id:sgtin:9506000.013435.{s}" for s in (first, second, third)}
    assert [(e["type"], e["action"]) for e in found] == [("ObjectEvent", "OBSERVE")] * 7
    assert [(e["bizStep"], e.get("disposition")) for e in found] == [
        ("installing", "available"),
        ("inspecting", None),
        ("receiving", "returned"),
        ("destroying", "destroyed"),
        ("installing", "available"),
        ("destroying", "destroyed"),
        ("inspecting", None),
    ]
    owners = [first] * 4 + [second] * 2 + [third]
    assert [e["epcList"] for e in found] == [[sgtin[s]] for s in owners]
    site = "urn:epc:id:sgln:9506000.00001.0"
    plant_sgln = "urn:epc:id:sgln:9506000.00009.0"
    annex_uri = f"urn:lotline:site:{annex_id}"
    installed, serviced, returned, disposed, installed2, disposed2, never = found
    for event, where in ((installed, site), (serviced, site), (installed2, annex_uri)):
        assert event["readPoint"] == event["bizLocation"] == {"id": where}
    assert disposed2["bizLocation"] == {"id": annex_uri}
    assert returned["sourceList"] == [{"type": "location", "source": site}]
    assert returned["destinationList"] == [{"type": "location", "destination": plant_sgln}]
    assert returned["bizLocation"] == disposed["bizLocation"] == {"id": plant_sgln}
    assert disposed["readPoint"]["id"].startswith("urn:epc:id:sgln:9506000.00009.")
    assert "readPoint" not in never and "bizLocation" not in never
    bad = events[f"urn:uuid:{rejected.event_id}"]
    assert (bad["type"], bad["action"]) == ("ObjectEvent", "OBSERVE")
    assert (bad["bizStep"], bad["disposition"]) == ("inspecting", "non_conformant")
    assert bad["quantityList"][0]["quantity"] == 5.0
    assert bad["quantityList"][0]["epcClass"].endswith(":lot:CW-BAD")
    [accepted] = _events(doc, "accepting")  # the rejected lot is not accepted
    assert not accepted["quantityList"][0]["epcClass"].endswith("CW-BAD")


def test_uris() -> None:
    ids = Ids(7, PLANT_GLN)
    assert ids.sgtin("09506000134352", "A/1") == "urn:epc:id:sgtin:9506000.013435.A%2F1"
    assert ids.lgtin("09506000134369", "L1") == "urn:epc:class:lgtin:9506000.013436.L1"
    assert ids.sscc("095060000000000017") == "urn:epc:id:sscc:9506000.0000000001"
    assert ids.sgln("9506000000015") == "urn:epc:id:sgln:9506000.00001.0"


#: A document written like the standard's examples 9.6.1 and 9.6.3 (our own values).
LIKE_THE_STANDARD = {
    "@context": [CONTEXT, {"example": "http://ns.example.com/epcis/"}],
    "id": "https://id.example.org/document1",
    "type": "EPCISDocument",
    "schemaVersion": "2.0",
    "creationDate": "2024-05-06T07:08:09.0Z",
    "epcisBody": {
        "eventList": [
            {
                "type": "ObjectEvent",
                "action": "OBSERVE",
                "bizStep": "shipping",
                "disposition": "in_transit",
                "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"],
                "eventTime": "2024-05-06T01:08:09.116-06:00",
                "eventTimeZoneOffset": "-06:00",
                "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"},
                "bizTransactionList": [{"type": "po", "bizTransaction": "http://t.example/po/1"}],
                "example:myField": "an extension",
            },
            {
                "type": "AggregationEvent",
                "eventTime": "2024-05-06T14:58:56.591Z",
                "eventTimeZoneOffset": "+00:00",
                "parentID": "urn:epc:id:sscc:0614141.1234567890",
                "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2018"],
                "action": "OBSERVE",
                "bizStep": "receiving",
                "disposition": "in_progress",
                "childQuantityList": [
                    {
                        "epcClass": "urn:epc:class:lgtin:4012345.012345.998877",
                        "quantity": 200.5,
                        "uom": "KGM",
                    },
                ],
            },
        ]
    },
}


def test_the_checks_pass_a_document_like_the_standard_and_find_faults() -> None:
    assert check_document(LIKE_THE_STANDARD) == []
    bad = {**LIKE_THE_STANDARD, "schemaVersion": 2.0}
    event = dict(LIKE_THE_STANDARD["epcisBody"]["eventList"][0])  # type: ignore[index]
    event.pop("eventTimeZoneOffset")
    event |= {"bizStep": "urn:epcglobal:cbv:bizstep:shipping", "colour": "red"}
    event["epcList"] = ["urn:epc:id:sgtin:0614141.10734.2017"]
    event["eventID"] = "urn:uuid:1"
    bad["epcisBody"] = {"eventList": [event, dict(event)]}
    problems = "\n".join(check_document(bad))
    for expected in (
        'schemaVersion must be "2.0"',
        "eventTimeZoneOffset is required",
        "CBV values are written as bare words",
        "has no properties ['colour']",
        "is not a valid SGTIN URI",
        "an eventID is used twice",
    ):
        assert expected in problems, expected
