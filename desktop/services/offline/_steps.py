"""The station steps that may be captured offline, as the journal keeps them: each step's
arguments and device capture made JSON-safe for the journal, and made back into the call of
its production use case (on the station's copy while offline, on the shared database when
sent)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from desktop.domain.capture import DeviceCapture
from desktop.domain.offline import OfflineOrigin, OfflineStep
from desktop.services import production
from desktop.services.core.context import Actor, Context
from desktop.services.production import StepResult


def step_args(step: OfflineStep, unit_scan: str, *values: Any) -> dict[str, Any]:
    """The step's arguments as the journal keeps them (decimals as text)."""
    if step is OfflineStep.CONSUME:
        (component_scan,) = values
        return {"unit_scan": unit_scan, "component_scan": component_scan}
    if step is OfflineStep.WEIGHT:
        value, unit, stable = values
        return {"unit_scan": unit_scan, "value": str(value), "unit": unit, "stable": bool(stable)}
    if step is OfflineStep.MEASUREMENT:
        (value,) = values
        return {"unit_scan": unit_scan, "value": str(value)}
    (passed,) = values
    return {"unit_scan": unit_scan, "passed": bool(passed)}


def run_step(
    ctx: Context,
    step: OfflineStep,
    args: Mapping[str, Any],
    event_id: uuid.UUID,
    capture: DeviceCapture | None,
) -> StepResult:
    """The step's use case, called with the journal's arguments."""
    unit_scan = str(args["unit_scan"])
    if step is OfflineStep.CONSUME:
        return production.consume_component(
            ctx, unit_scan, str(args["component_scan"]), event_id=event_id, capture=capture
        )
    if step is OfflineStep.WEIGHT:
        return production.record_weight(
            ctx, unit_scan, Decimal(str(args["value"])), str(args["unit"]),
            bool(args["stable"]), event_id=event_id, capture=capture,
        )  # fmt: skip
    if step is OfflineStep.MEASUREMENT:
        return production.record_measurement(
            ctx, unit_scan, Decimal(str(args["value"])), event_id=event_id, capture=capture
        )
    return production.record_check(
        ctx, unit_scan, bool(args["passed"]), event_id=event_id, capture=capture
    )


def capture_data(capture: DeviceCapture) -> dict[str, Any]:
    """A device capture as the journal keeps it (the frame as hex, the time in UTC)."""
    return {
        "device": capture.device,
        "raw_hex": capture.raw.hex(),
        "received_at": capture.received_utc.isoformat(),
        "serial_number": capture.serial_number,
        "aim": capture.aim,
        "hibc_primary": capture.hibc_primary,
    }


def capture_from(data: Mapping[str, Any], origin: OfflineOrigin) -> DeviceCapture:
    """The journal's capture made back into a DeviceCapture that says where it was kept."""
    return DeviceCapture(
        device=str(data["device"]),
        raw=bytes.fromhex(str(data["raw_hex"])),
        received_at=datetime.fromisoformat(str(data["received_at"])),
        serial_number=data.get("serial_number"),
        aim=data.get("aim"),
        hibc_primary=data.get("hibc_primary"),
        offline=origin,
    )


def keyboard_capture(actor: Actor, step: OfflineStep, args: Mapping[str, Any]) -> DeviceCapture:
    """A step given with no device (a PASS/FAIL key): the station's keyboard is its device."""
    what = ("PASS" if args.get("passed") else "FAIL") if step is OfflineStep.CHECK else step.value
    return DeviceCapture(f"keyboard {actor.station}", what.encode(), datetime.now(UTC))


def with_origin(capture: DeviceCapture, origin: OfflineOrigin) -> DeviceCapture:
    return replace(capture, offline=origin)


def actor_data(actor: Actor) -> dict[str, Any]:
    return {
        "user_id": actor.user_id,
        "username": actor.username,
        "full_name": actor.full_name,
        "role": actor.role,
        "station": actor.station,
        "station_id": actor.station_id,
    }


def actor_from(data: Mapping[str, Any]) -> Actor:
    return Actor(
        data.get("user_id"),
        str(data["username"]),
        str(data.get("full_name") or ""),
        data.get("role"),
        str(data["station"]),
        data.get("station_id"),
    )
