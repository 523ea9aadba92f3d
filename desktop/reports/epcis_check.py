"""Structural checks of an EPCIS 2.0 JSON-LD document (no PyPI package carries the schema).

Written from the EPCIS 2.0 JSON schema's rules and the standard's published example documents
(Example_9.6.1-ObjectEvent, Example_9.6.3-AggregationEvent): the document's @context, type,
schemaVersion "2.0", creationDate and epcisBody.eventList; per event the allowed properties of
its type, eventTime with offset, eventTimeZoneOffset (+hh:mm, -14:00..+14:00), a unique URI
eventID, action, CBV 2.0 bizStep and disposition (bare words) or a non-CBV URI, readPoint and
bizLocation with an id URI, quantity elements, source/destination types, and the EPC URIs'
syntax (SGTIN, SSCC, SGLN, LGTIN: company prefix + reference digits add up). Extension
properties (``prefix:name``) are allowed, as the standard allows them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime
from typing import Any

CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
COMMON = {"@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset", "eventID"}
COMMON |= {"errorDeclaration", "certificationInfo"}
WHERE = {"action", "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList"}
WHERE |= {"sourceList", "destinationList", "sensorElementList"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALLOWED = {
    "ObjectEvent": COMMON | WHERE | {"epcList", "quantityList", "ilmd", "persistentDisposition"},
    "AggregationEvent": COMMON | WHERE | {"parentID", "childEPCs", "childQuantityList"},
}
BIZ_STEPS = _words(
    """
    accepting arriving assembling collecting commissioning consigning creating_class_instance
    cycle_counting decommissioning departing destroying disassembling dispensing encoding
    entering_exiting holding inspecting installing killing loading other packing picking
    receiving removing repackaging repairing replacing reserving retail_selling shipping
    staging_outbound stock_taking stocking storing transporting unloading unpacking
    void_shipping sensor_reporting sampling
    """
)
DISPOSITIONS = _words(
    """
    active container_closed damaged destroyed dispensed disposed encoded expired in_progress
    in_transit inactive no_pedigree_match non_sellable_other partially_dispensed recalled
    reserved retail_sold returned sellable_accessible sellable_not_accessible stolen unknown
    available completeness_verified completeness_inferred conformant container_open
    mismatch_instance mismatch_class mismatch_quantity needs_replacement non_conformant
    unavailable
    """
)
SOURCE_DEST_TYPES = {"owning_party", "possessing_party", "location"}
OFFSET = re.compile(r"^[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
UOM = re.compile(r"^[A-Z0-9]{2,3}$")
EPC = {
    "sgtin": (re.compile(r"^urn:epc:id:sgtin:(\d+)\.(\d+)\.[!-~]{1,20}$"), 13),
    "sscc": (re.compile(r"^urn:epc:id:sscc:(\d+)\.(\d+)$"), 17),
    "sgln": (re.compile(r"^urn:epc:id:sgln:(\d+)\.(\d*)\.[!-~]{1,20}$"), 12),
    "lgtin": (re.compile(r"^urn:epc:class:lgtin:(\d+)\.(\d+)\.[!-~]{1,20}$"), 13),
}


def _time(text: Any, where: str, problems: list[str]) -> datetime | None:
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        problems.append(f"{where}: {text!r} is not an ISO 8601 date-time")
        return None
    if value.tzinfo is None:
        problems.append(f"{where}: {text!r} has no time zone")
    return value


def check_uri(value: Any, where: str, problems: list[str]) -> None:
    """A URI; an EPC URI (urn:epc:...) of a known scheme must also have the right digits."""
    if not isinstance(value, str) or not URI.match(value):
        problems.append(f"{where}: {value!r} is not a URI")
        return
    for scheme, (pattern, digits) in EPC.items():
        if value.startswith(("urn:epc:id:" + scheme + ":", "urn:epc:class:" + scheme + ":")):
            found = pattern.match(value)
            if not found or len(found.group(1)) + len(found.group(2)) != digits:
                problems.append(f"{where}: {value!r} is not a valid {scheme.upper()} URI")
            elif not 6 <= len(found.group(1)) <= 12:
                problems.append(f"{where}: {value!r}: a company prefix has 6 to 12 digits")


def _vocab(value: Any, words: Collection[str], where: str, problems: list[str]) -> None:
    if isinstance(value, str) and value in words:
        return
    if isinstance(value, str) and URI.match(value) and "cbv" not in value.split(":")[0]:
        if value.startswith(("urn:epcglobal:cbv:", "https://ref.gs1.org/cbv/")):
            problems.append(f"{where}: {value!r}: CBV values are written as bare words in 2.0")
        return
    problems.append(f"{where}: {value!r} is neither a CBV 2.0 value nor a URI")


def _quantities(items: Any, where: str, problems: list[str]) -> None:
    if not isinstance(items, list):
        problems.append(f"{where}: must be a list")
        return
    for n, element in enumerate(items):
        at = f"{where}[{n}]"
        if not isinstance(element, dict) or set(element) - {"epcClass", "quantity", "uom"}:
            problems.append(f"{at}: a quantity element holds epcClass, quantity, uom only")
            continue
        check_uri(element.get("epcClass"), f"{at}.epcClass", problems)
        if not isinstance(element.get("quantity"), (int, float)):
            problems.append(f"{at}.quantity: must be a number")
        if "uom" in element and not UOM.match(str(element["uom"])):
            problems.append(f"{at}.uom: {element['uom']!r} is not a UN/ECE Rec 20 code")


def _places(event: dict[str, Any], where: str, problems: list[str]) -> None:
    for key in ("readPoint", "bizLocation"):
        if key in event:
            place = event[key]
            if not isinstance(place, dict) or "id" not in place:
                problems.append(f"{where}.{key}: must be an object with an id")
            else:
                check_uri(place["id"], f"{where}.{key}.id", problems)
    for key, field in (("sourceList", "source"), ("destinationList", "destination")):
        for n, entry in enumerate(event.get(key, [])):
            at = f"{where}.{key}[{n}]"
            if not isinstance(entry, dict) or set(entry) != {"type", field}:
                problems.append(f"{at}: must hold exactly type and {field}")
                continue
            _vocab(entry["type"], SOURCE_DEST_TYPES, f"{at}.type", problems)
            check_uri(entry[field], f"{at}.{field}", problems)


def check_event(event: Any, where: str, problems: list[str]) -> None:
    if not isinstance(event, dict):
        problems.append(f"{where}: an event is an object")
        return
    kind = event.get("type")
    if kind not in ALLOWED:
        problems.append(f"{where}.type: {kind!r} is not an event type this export makes")
        return
    extra = [k for k in event if k not in ALLOWED[kind] and ":" not in k]
    if extra:
        problems.append(f"{where}: {kind} has no properties {sorted(extra)}")
    for key in ("eventTime", "eventTimeZoneOffset", "action"):
        if key not in event:
            problems.append(f"{where}: {key} is required")
    when = _time(event.get("eventTime"), f"{where}.eventTime", problems)
    offset = str(event.get("eventTimeZoneOffset", ""))
    if not OFFSET.match(offset):
        problems.append(f"{where}.eventTimeZoneOffset: {offset!r} is not +hh:mm / -hh:mm")
    elif when is not None and when.utcoffset() is not None:
        minutes = int(when.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        sign, hh, mm = offset[0], int(offset[1:3]), int(offset[4:6])
        if minutes != (hh * 60 + mm) * (-1 if sign == "-" else 1):
            problems.append(f"{where}: eventTimeZoneOffset {offset} differs from eventTime's")
    if "recordTime" in event:
        _time(event["recordTime"], f"{where}.recordTime", problems)
    if "eventID" in event:
        check_uri(event["eventID"], f"{where}.eventID", problems)
    if event.get("action") not in ("OBSERVE", "ADD", "DELETE"):
        problems.append(f"{where}.action: {event.get('action')!r} is not OBSERVE, ADD or DELETE")
    if "bizStep" in event:
        _vocab(event["bizStep"], BIZ_STEPS, f"{where}.bizStep", problems)
    if "disposition" in event:
        _vocab(event["disposition"], DISPOSITIONS, f"{where}.disposition", problems)
    _places(event, where, problems)
    _contents(event, kind, where, problems)


def _contents(event: dict[str, Any], kind: str, where: str, problems: list[str]) -> None:
    epcs = "epcList" if kind == "ObjectEvent" else "childEPCs"
    quantities = "quantityList" if kind == "ObjectEvent" else "childQuantityList"
    for n, epc in enumerate(event.get(epcs, [])):
        check_uri(epc, f"{where}.{epcs}[{n}]", problems)
    if len(set(event.get(epcs, []))) != len(event.get(epcs, [])):
        problems.append(f"{where}.{epcs}: an EPC is listed twice")
    if quantities in event:
        _quantities(event[quantities], f"{where}.{quantities}", problems)
    has_any = bool(event.get(epcs)) or bool(event.get(quantities))
    if kind == "ObjectEvent" and epcs not in event and quantities not in event:
        problems.append(f"{where}: an ObjectEvent needs epcList or quantityList")
    if kind == "AggregationEvent":
        if event.get("action") in ("ADD", "DELETE") and "parentID" not in event:
            problems.append(f"{where}: an AggregationEvent ADD/DELETE needs parentID")
        if "parentID" in event:
            check_uri(event["parentID"], f"{where}.parentID", problems)
        if event.get("action") != "DELETE" and not has_any:
            problems.append(f"{where}: an AggregationEvent needs childEPCs or childQuantityList")


def check_document(doc: Any) -> list[str]:
    """Every problem found (empty: the document passes these checks)."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["the document is not a JSON object"]
    context = doc.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if CONTEXT not in contexts:
        problems.append(f"@context must name {CONTEXT}")
    if doc.get("type") != "EPCISDocument":
        problems.append('type must be "EPCISDocument"')
    if doc.get("schemaVersion") != "2.0":
        problems.append('schemaVersion must be "2.0"')
    _time(doc.get("creationDate"), "creationDate", problems)
    events = (doc.get("epcisBody") or {}).get("eventList")
    if not isinstance(events, list):
        return [*problems, "epcisBody.eventList must be a list"]
    for n, event in enumerate(events):
        check_event(event, f"eventList[{n}]", problems)
    ids = [e.get("eventID") for e in events if isinstance(e, dict) and "eventID" in e]
    if len(ids) != len(set(ids)):
        problems.append("eventList: an eventID is used twice")
    return problems
