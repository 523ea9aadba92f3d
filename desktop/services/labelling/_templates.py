"""Label templates under version control: shipped JSON -> draft version -> approved (signed
"Label template approved" by QC) -> retired when a newer version is approved.

Only an approved version prints; a print job names the exact version it was made from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, LabelTemplate, LabelTemplateVersion, Product, Signature, User
from db.types import utcnow
from desktop.domain.labelling import TemplateStatus
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.domain.udi import compose
from desktop.labels import LabelError, Template, render_png, template_names
from desktop.labels.templates import template_from_dict
from desktop.services.core import routing
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import shown, shown_path
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity import SignatureInfo, describe, sign_in


@dataclass(frozen=True)
class TemplateVersionView:
    id: int
    name: str
    version: int
    status: TemplateStatus
    description: str
    approved_by: str | None
    approved_at: datetime | None
    signature: SignatureInfo | None


def version_view(session: Session, row: LabelTemplateVersion) -> TemplateVersionView:
    template = session.get(LabelTemplate, row.template_id)
    user = session.get(User, row.approved_by) if row.approved_by else None
    sig = session.get(Signature, row.signature_id) if row.signature_id else None
    return TemplateVersionView(
        row.id,
        template.name if template else "?",
        row.version,
        row.status,
        str(row.definition.get("description", "")),
        user.username if user else None,
        row.approved_at,
        describe(session, sig) if sig else None,
    )


def _shipped(name: str) -> dict[str, Any]:
    path = resources.files("desktop.labels").joinpath("templates", f"{name}.json")
    data = json.loads(path.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _versions(session: Session, template: LabelTemplate) -> list[LabelTemplateVersion]:
    stmt = select(LabelTemplateVersion).where(LabelTemplateVersion.template_id == template.id)
    return list(session.scalars(stmt.order_by(LabelTemplateVersion.version)))


def _sync(uow: UnitOfWork, name: str) -> LabelTemplateVersion:
    definition = _shipped(name)
    template = uow.session.scalars(select(LabelTemplate).where(LabelTemplate.name == name)).first()
    if template is None:
        template = LabelTemplate(name=name)
        uow.session.add(template)
        uow.session.flush()
        uow.audit("label_template.create", "label_template", template.id, new={"name": name})
    versions = _versions(uow.session, template)
    same = [v for v in versions if v.definition == definition]
    if same:
        return same[-1]
    number = (versions[-1].version + 1) if versions else 1
    row = LabelTemplateVersion(
        template_id=template.id, version=number, status=TemplateStatus.DRAFT, definition=definition
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        "label_template.version",
        "label_template_version",
        row.id,
        new={"template": name, "version": number, "status": TemplateStatus.DRAFT},
    )
    return row


def controlled(name: str) -> bool:
    """Whether a shipped template is a product label under version control (the bin label of a
    received lot, ``"controlled": false``, prints from the shipped file)."""
    return bool(_shipped(name).get("controlled", True))


@use_case(Permission.MASTER_DATA_MANAGE)
def register_templates(uow: UnitOfWork) -> list[TemplateVersionView]:
    """Sync the shipped templates into label_templates: a changed or new one becomes a draft
    version (1 for a new template); an unchanged one is left as it is."""
    names = [name for name in template_names() if controlled(name)]
    return [version_view(uow.session, _sync(uow, name)) for name in names]


def _read_definition(path: str | Path) -> dict[str, Any]:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refusal(
            t(
                'template file "{path}" cannot be read ({error}): check the path',
                path=shown_path(str(path)),
                error=str(getattr(exc, "strerror", None) or exc),
            )
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refusal(
            t(
                "template file {file}, line {line}, column {column}: {error}: fix the JSON",
                file=file.name,
                line=exc.lineno,
                column=exc.colno,
                error=exc.msg,
            )
        ) from None
    if not isinstance(data, dict) or not str(data.get("name", "")).strip():
        raise Refusal(
            t(
                'template file {file} has no "name": a template names itself, e.g. '
                '"name": "udi-4x2"',
                file=file.name,
            )
        )
    return data


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return {k: v for k, v in a.items() if k != "version"} == {
        k: v for k, v in b.items() if k != "version"
    }


@use_case(Permission.LABEL_TEMPLATE_APPROVE)
def register_template_file(uow: UnitOfWork, path: str | Path) -> TemplateVersionView:
    """Register a template file (JSON) as the next draft version of the template it names; it
    supersedes the approved version once approved. An invalid layout is refused."""
    definition = _read_definition(path)
    name = str(definition["name"]).strip()
    try:
        template_from_dict(dict(definition) | {"version": 1}, source=Path(path).name)
    except LabelError as exc:
        raise Refusal(
            t("template file {file} is not valid: {error}", file=Path(path).name, error=str(exc))
        ) from None
    template = uow.session.scalars(select(LabelTemplate).where(LabelTemplate.name == name)).first()
    if template is None:
        template = LabelTemplate(name=name)
        uow.session.add(template)
        uow.session.flush()
        uow.audit("label_template.create", "label_template", template.id, new={"name": name})
    versions = _versions(uow.session, template)
    for row in versions:
        if _same(row.definition, definition):
            raise Refusal(
                t(
                    "template file {file} is the same as {name} version {version} ({status}): "
                    "nothing to register",
                    file=Path(path).name,
                    name=name,
                    version=row.version,
                    status=row.status.words,
                ),
                entity="label_template_version",
                entity_id=str(row.id),
            )
    number = (versions[-1].version + 1) if versions else 1
    row = LabelTemplateVersion(
        template_id=template.id, version=number, status=TemplateStatus.DRAFT, definition=definition
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        "label_template.version",
        "label_template_version",
        row.id,
        new={
            "template": name,
            "version": number,
            "status": TemplateStatus.DRAFT,
            "file": Path(path).name,
        },
    )
    return version_view(uow.session, row)


@use_case(Permission.TRACE_VIEW, read_only=True)
def template_versions(uow: UnitOfWork) -> list[TemplateVersionView]:
    """Every version of every registered label template, by name then version."""
    stmt = (
        select(LabelTemplateVersion)
        .join(LabelTemplate, LabelTemplate.id == LabelTemplateVersion.template_id)
        .order_by(LabelTemplate.name, LabelTemplateVersion.version)
    )
    return [version_view(uow.session, row) for row in uow.session.scalars(stmt)]


#: The sample a template version is previewed with (fixed, so that previews compare).
SAMPLE_DAY = date(2027, 1, 15)
SAMPLE_UDI: dict[str, str | date] = {
    "gtin": "09506000134352",
    "lot": "SAMPLE01",
    "serial": "SN-SAMPLE-1",
    "expiry": date(2029, 12, 31),
    "production_date": SAMPLE_DAY,
}
SAMPLE_FIELDS = {
    "product_name": "Sample product",
    "ref": "REF-0001",
    # the Chinese label (udi-cn-4x2): what a product's data for China gives it
    "name_zh": "示例产品",
    "model_spec": "示例型号",
    "certificate": "注册证编号：示例械注准00000000000",
    "registrant": "注册人：示例注册人",
    "manufacturer": "生产企业：示例生产企业",
    "service_life": "5年",
    "storage": "常温保存",
}


@dataclass(frozen=True)
class TemplatePreview:
    version: TemplateVersionView
    png: bytes
    dpi: int
    sample: dict[str, str]


@use_case(Permission.TRACE_VIEW, read_only=True)
def template_preview(uow: UnitOfWork, name: str, version: int) -> TemplatePreview:
    """The real render (PNG, at the template's resolution) of a version with sample data."""
    row = _version(uow.session, name, version)
    try:
        template = template_from_dict(dict(row.definition) | {"version": row.version}, name)
        udi = compose(SAMPLE_UDI, today=SAMPLE_DAY)
        fields = {f: SAMPLE_FIELDS.get(f, f"Sample {f}") for f in template.field_names}
        png = render_png(template, udi, fields)
    except LabelError as exc:
        raise Refusal(
            t(
                "label template {name} version {version} cannot be previewed: {error}",
                name=name,
                version=version,
                error=str(exc),
            )
        ) from None
    sample = {k: str(v) for k, v in SAMPLE_UDI.items()} | fields
    return TemplatePreview(version_view(uow.session, row), png, template.default_dpi, sample)


def _version(session: Session, name: str, version: int) -> LabelTemplateVersion:
    stmt = (
        select(LabelTemplateVersion)
        .join(LabelTemplate, LabelTemplate.id == LabelTemplateVersion.template_id)
        .where(LabelTemplate.name == (name or "").strip(), LabelTemplateVersion.version == version)
    )
    row = session.scalars(stmt.with_for_update()).first()
    if row is None:
        raise NotFound(
            t(
                'label template "{name}" has no version {version}: register the shipped '
                "templates, or check the name and version",
                name=shown(name or ""),
                version=version,
            )
        )
    return row


@use_case(Permission.LABEL_TEMPLATE_APPROVE)
def approve_template(
    uow: UnitOfWork,
    login: LoginSession,
    name: str,
    version: int,
    password: str,
    *,
    username: str | None = None,
) -> TemplateVersionView:
    """Approve a draft version, signed "Label template approved"; the previously approved
    version of the template is retired."""
    row = _version(uow.session, name, version)
    if row.status != TemplateStatus.DRAFT:
        raise Refusal(
            t(
                "label template {name} version {version} is {status}: only a draft is approved",
                name=name,
                version=version,
                status=row.status.words,
            ),
            entity="label_template_version",
            entity_id=str(row.id),
        )
    try:
        template_from_dict(dict(row.definition), source=f"{name} version {version}")
    except LabelError as exc:
        raise Refusal(
            t(
                "label template {name} version {version} is not valid: {error}",
                name=name,
                version=version,
                error=str(exc),
            )
        ) from None
    sig = sign_in(uow, login, row, Meaning.TEMPLATE_APPROVED, password, username=username)
    for other in _versions(uow.session, uow.session.get_one(LabelTemplate, row.template_id)):
        if other.status == TemplateStatus.APPROVED:
            other.status = TemplateStatus.RETIRED
            uow.audit(
                "label_template.retire",
                "label_template_version",
                other.id,
                old={"status": TemplateStatus.APPROVED},
                new={"status": TemplateStatus.RETIRED},
                reason=f"version {version} approved",
            )
    row.status, row.approved_by, row.approved_at = (
        TemplateStatus.APPROVED,
        login.actor.user_id,
        utcnow(),
    )
    row.signature_id = sig.id
    uow.audit(
        "label_template.approve",
        "label_template_version",
        row.id,
        old={"status": TemplateStatus.DRAFT},
        new={"status": TemplateStatus.APPROVED, "signature": sig.id},
    )
    return version_view(uow.session, row)


# ---------------------------------------------------------------- for printing


@dataclass(frozen=True)
class ApprovedTemplate:
    version_id: int
    name: str
    version: int
    template: Template


def _template_for(session: Session, item: Item, product: Product) -> LabelTemplate:
    if product.label_template_id is not None:
        found = session.get(LabelTemplate, product.label_template_id)
        if found is not None:
            return found
    step = next((s for s in routing.route_steps(session, item) if s.kind == StepKind.LABEL), None)
    name = str(step.parameters.get("template", "")) if step else ""
    found = session.scalars(select(LabelTemplate).where(LabelTemplate.name == name)).first()
    if found is None:
        raise Refusal(
            t(
                "{product} has no label template: ask an administrator to assign one",
                product=product.name,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    return found


def approved_template(session: Session, item: Item, product: Product) -> ApprovedTemplate:
    """The approved version of the product's label template, or a refusal saying what to do."""
    template = _template_for(session, item, product)
    versions = _versions(session, template)
    approved = [v for v in versions if v.status == TemplateStatus.APPROVED]
    if not approved:
        drafts = ", ".join(str(v.version) for v in versions if v.status == TemplateStatus.DRAFT)
        todo = (
            t("ask QC to approve version {drafts}", drafts=drafts)
            if drafts
            else t("register the templates")
        )
        raise Refusal(
            t(
                "label template {name} has no approved version, so the label of {item} cannot "
                "be printed: {todo}",
                name=template.name,
                item=label(item),
                todo=todo,
            ),
            entity="label_template",
            entity_id=str(template.id),
        )
    row = approved[-1]
    try:
        definition = dict(row.definition) | {"version": row.version}
        parsed = template_from_dict(definition, source=template.name)
    except LabelError as exc:
        raise Refusal(
            t(
                "label template {name} version {version}: {error}",
                name=template.name,
                version=row.version,
                error=str(exc),
            )
        ) from None
    return ApprovedTemplate(row.id, template.name, row.version, parsed)


__all__ = [
    "ApprovedTemplate",
    "TemplatePreview",
    "TemplateVersionView",
    "approve_template",
    "approved_template",
    "controlled",
    "register_template_file",
    "register_templates",
    "template_preview",
    "template_versions",
    "version_view",
]
