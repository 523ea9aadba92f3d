"""Loading master data from the files a factory hands over (docs/masterdata.md).

``load_folder`` reads every file first and checks every row; if any row is wrong, nothing is
written and the refusal lists each problem as "file, line N, field F: what is wrong". Rows
that exist already are updated (old and new value in the audit trail); nothing is deleted.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Base,
    BomLine,
    Customer,
    Device,
    InspectionPlan,
    LabelTemplate,
    Part,
    Product,
    Route,
    RouteStep,
    Site,
    Station,
    Supplier,
    User,
)
from desktop.domain.permissions import Permission
from desktop.domain.plant import DIScheme
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity import create_user_in, grant_in
from desktop.services.masterdata import _rules
from desktop.services.masterdata._files import (
    FILES,
    Problem,
    Problems,
    Row,
    Table,
    UnreadableFile,
    read_table,
)
from desktop.services.masterdata._incoming import check_incoming, load_incoming
from desktop.services.masterdata._nmpa import check_nmpa, file_dis, load_nmpa, product_dis
from desktop.services.masterdata._shape import check_row

# Package data (in the wheel and the station bundle alike), found through importlib.resources.
DEMO_FOLDER = Path(str(resources.files("desktop.demo_data")))


class MasterDataInvalid(Refusal):
    def __init__(self, problems: list[Problem]) -> None:
        total = problems.total if isinstance(problems, Problems) else len(problems)
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  ... and {total - 50} more" if total > 50 else ""
        super().__init__(
            f"{total} problem(s) in the master data; nothing was loaded. "
            f"Correct these and load again:\n{shown}{more}",
            entity="masterdata",
        )
        self.problems = problems


@dataclass(frozen=True)
class LoadReport:
    created: dict[str, int]
    updated: dict[str, int]
    temporary_passwords: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        made = ", ".join(f"{n} {k}" for k, n in sorted(self.created.items())) or "nothing"
        changed = ", ".join(f"{n} {k}" for k, n in sorted(self.updated.items())) or "nothing"
        return f"created {made}; updated {changed}"


class _Loader:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow, self.session = uow, uow.session
        self.created: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.passwords: dict[str, str] = {}

    def upsert(self, model: type[Base], key: dict[str, Any], values: dict[str, Any]) -> Any:
        """Create or update one row; audit the change with old and new values."""
        row = self.session.scalars(select(model).filter_by(**key)).first()
        entity = model.__tablename__
        if row is None:
            row = model(**key, **values)
            self.session.add(row)
            self.session.flush()
            self.uow.audit(f"{entity}.create", entity, row.id, new=key | values)  # type: ignore[attr-defined]
            self.created[entity] += 1
            return row
        old = {k: getattr(row, k) for k in values if getattr(row, k) != values[k]}
        if old:
            for k in old:
                setattr(row, k, values[k])
            new = {k: values[k] for k in old}
            self.uow.audit(f"{entity}.update", entity, row.id, old=old, new=new)  # type: ignore[attr-defined]
            self.updated[entity] += 1
        return row


def _read(folder: Path) -> dict[str, Table]:
    """Every table of ``folder``: TOML files read now, CSV files streamed at every pass."""
    return {table: read_table(folder, stem, table, check_row) for stem, table in FILES}


def _check(tables: dict[str, Table], session: Session) -> list[Problem]:
    out = Problems()
    for table in tables.values():
        table.scan(out)  # types and control characters first, row by row
    parts = {str(r.values.get("part_number")) for r in tables["parts"]}
    parts |= set(session.scalars(select(Part.part_number)))
    routes = {
        str(r.values.get("name")): [str(s.get("name")) for s in r.values.get("steps", [])]
        for r in tables["routes"]
    }
    _rules.check_partners(tables, out)
    _rules.check_parts(tables["parts"], out)
    check_incoming(tables["parts"], out)
    _rules.check_routes(tables["routes"], parts, out)
    _rules.check_products(tables["products"], routes | _db_routes(session), parts, out)
    check_nmpa(tables["nmpa"], file_dis(tables["products"]) | product_dis(session), out)
    _rules.check_stations(tables["stations"], out)
    _rules.check_users(tables["users"], out)
    _check_route_versions(tables["routes"], session, out)
    return out


def _check_route_versions(rows: list[Row], session: Session, out: list[Problem]) -> None:
    """A route version in use is frozen: changed steps need a new version number."""
    for row in rows:
        v = row.values
        route = session.scalars(
            select(Route).filter_by(name=v.get("name"), version=int(v.get("version", 1)))
        ).first()
        if route is None:
            continue
        stored = session.scalars(
            select(RouteStep).where(RouteStep.route_id == route.id).order_by(RouteStep.position)
        ).all()
        given = [(s.get("kind"), s.get("name")) for s in v.get("steps", [])]
        if [(s.kind, s.name) for s in stored] != given:
            out.append(
                row.problem(
                    "version",
                    f"route {route.name} version {route.version} already exists with other "
                    "steps: give the changed route a new version",
                )
            )


def _db_routes(session: Session) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for route in session.scalars(select(Route)):
        steps = session.scalars(select(RouteStep.name).where(RouteStep.route_id == route.id))
        found[route.name] = list(steps)
    return found


def _partners(ld: _Loader, tables: Mapping[str, list[Row]]) -> None:
    for row in tables["suppliers"]:
        v = row.values
        ld.upsert(Supplier, {"code": v["code"]}, {"name": v["name"]})
    for row in tables["customers"]:
        v = row.values
        customer = ld.upsert(Customer, {"code": v["code"]}, {"name": v["name"]})
        for site in v.get("sites", []):
            values = {"gln": site.get("gln"), "address": site.get("address")}
            ld.upsert(Site, {"name": site["name"], "customer_id": customer.id}, values)


def _parts(ld: _Loader, rows: list[Row]) -> None:
    for row in rows:
        v = row.values
        values = {"name": v["name"], "tracking": v["tracking"], "gtin": v.get("gtin")}
        values["unit"] = v.get("unit", "ea")
        part = ld.upsert(Part, {"part_number": v["part_number"]}, values)
        for plan in load_incoming(ld.session, part, row):
            ld.uow.audit(
                "masterdata.incoming_plan",
                "incoming_plan",
                plan.id,
                new={"part": part.part_number, "characteristic": plan.characteristic},
            )


def _routes(ld: _Loader, rows: list[Row]) -> None:
    for row in rows:
        v = row.values
        route = ld.upsert(Route, {"name": v["name"], "version": int(v.get("version", 1))}, {})
        for position, step in enumerate(v["steps"], start=1):
            params = {k: val for k, val in step.items() if k not in _rules.STEP_FIELDS}
            values = {
                "kind": step["kind"],
                "name": step["name"],
                "instruction": step.get("instruction", ""),
                "parameters": params,
            }
            ld.upsert(RouteStep, {"route_id": route.id, "position": position}, values)


def _template_id(ld: _Loader, name: str | None) -> int | None:
    if not name:
        return None
    return int(ld.upsert(LabelTemplate, {"name": name}, {}).id)


def _products(ld: _Loader, rows: list[Row]) -> None:
    for row in rows:
        v = row.values
        route = ld.session.scalars(
            select(Route).where(Route.name == v["route"]).order_by(Route.version.desc())
        ).first()
        assert route is not None  # checked before anything was written
        values = {
            "name": v["name"],
            "description": v.get("description", ""),
            "tracking": v["tracking"],
            "shelf_life_days": v.get("shelf_life_days"),
            "case_quantity": v.get("case_quantity"),
            "route_id": route.id,
            "label_template_id": _template_id(ld, v.get("label_template")),
        }
        if v.get("ma_di") is not None:  # an MA-coded product (IDcode): no GTIN
            key, values["di_scheme"] = {"ma_di": v["ma_di"]}, DIScheme.MA
        else:
            key, values["di_scheme"] = {"gtin": v["gtin"]}, DIScheme.GS1
        product = ld.upsert(Product, key, values)
        steps = {
            s.name: s.id
            for s in ld.session.scalars(select(RouteStep).where(RouteStep.route_id == route.id))
        }
        for line in v.get("bom", []):
            part = ld.session.scalars(select(Part).filter_by(part_number=line["part"])).one()
            values = {
                "quantity": Decimal(str(line.get("quantity", "1"))),
                "step_id": steps.get(line.get("step", "")),
            }
            ld.upsert(BomLine, {"product_id": product.id, "part_id": part.id}, values)
        for plan in v.get("inspection_plans", []):
            values = {
                "step_id": steps.get(plan.get("step", "")),
                "nominal": _dec(plan.get("nominal")),
                "lower_limit": _dec(plan.get("lower")),
                "upper_limit": _dec(plan.get("upper")),
                "unit": plan.get("unit", ""),
            }
            key = {"product_id": product.id, "characteristic": plan["characteristic"]}
            ld.upsert(InspectionPlan, key, values)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _stations(ld: _Loader, rows: list[Row]) -> None:
    for row in rows:
        v = row.values
        values = {"kind": v["kind"], "timezone": v.get("timezone", "UTC")}
        station = ld.upsert(Station, {"name": v["name"]}, values)
        for d in v.get("devices", []):
            url = d.get("url", "sim")
            values = {
                "kind": d["kind"],
                "port_url": url,
                "simulated": url == "sim",
                "settings": dict(d.get("settings", {})),
            }
            ld.upsert(Device, {"station_id": station.id, "name": d["name"]}, values)


def _users(ld: _Loader, rows: list[Row]) -> None:
    if rows:
        ld.uow.require(Permission.USERS_MANAGE)
    for row in rows:
        v = row.values
        if ld.session.scalar(select(User.id).where(User.username == v["username"])):
            _qualify(ld, v)  # qualifications on file are granted or renewed
            continue  # the rest of an existing person is changed by an administrator
        password = v.get("password") or secrets.token_urlsafe(12)
        if not v.get("password"):
            ld.passwords[v["username"]] = password
        create_user_in(
            ld.uow,
            v["username"],
            v["full_name"],
            v["role"],
            password,
            v.get("badge"),
            str(v["pin"]) if v.get("pin") else None,
        )
        ld.created["users"] += 1
        _qualify(ld, v)


def _qualify(ld: _Loader, v: dict[str, Any]) -> None:
    for q in v.get("qualifications") or []:
        grant_in(ld.uow, v["username"], str(q["name"]), q.get("expires"))
        ld.updated["qualifications"] += 1


@use_case(Permission.MASTER_DATA_MANAGE)
def load_folder(uow: UnitOfWork, folder: str | Path) -> LoadReport:
    """Check every file in ``folder``, then create or update the rows (one transaction)."""
    path = Path(folder)
    if not path.is_dir():
        raise Refusal(f'master-data folder "{folder}" does not exist: give the folder path')
    try:
        tables = _read(path)
        problems = _check(tables, uow.session)
        if problems:
            raise MasterDataInvalid(problems)
        ld = _Loader(uow)
        _partners(ld, tables)
        _parts(ld, tables["parts"])
        _routes(ld, tables["routes"])
        _products(ld, tables["products"])
        load_nmpa(ld.upsert, ld.session, tables["nmpa"])
        _stations(ld, tables["stations"])
        _users(ld, tables["users"])
    except UnreadableFile as exc:
        raise Refusal(f"{exc}; nothing was loaded", entity="masterdata") from None
    return LoadReport(dict(ld.created), dict(ld.updated), ld.passwords)
