"""Roles, what each may do, and which signature meanings each may sign (Part 11 11.10(g))."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.text import Text, join, t
from desktop.domain.vocabulary import Vocabulary, words_for, words_of


class Role(Vocabulary):
    """A user's role (users.role, roles.name)."""

    OPERATOR = "operator"
    QC_INSPECTOR = "qc_inspector"
    PACKAGING = "packaging"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


words_for(
    Role,
    {
        Role.OPERATOR: t("line operator"),
        Role.QC_INSPECTOR: t("QC inspector"),
        Role.PACKAGING: t("packer"),
        Role.SUPERVISOR: t("supervisor"),
        Role.ADMIN: t("administrator"),
    },
)


class Permission(Vocabulary):
    USERS_MANAGE = "manage users"
    MASTER_DATA_MANAGE = "manage master data"
    STATIONS_MANAGE = "manage stations and devices"
    MATERIAL_RECEIVE = "receive material lots"
    MATERIAL_INSPECT = "record incoming inspections"
    MATERIAL_DISPOSITION = "release or reject material lots"
    WORK_ORDER_MANAGE = "create and release work orders"
    SERIALS_COMMISSION = "commission serial numbers"
    STEP_EXECUTE = "execute production steps"
    COMPONENT_CONSUME = "consume components"
    INSPECTION_RECORD = "record inspections"
    NCR_OPEN = "open nonconformances"
    NCR_DISPOSITION = "disposition nonconformances"
    HOLD_PLACE = "place holds"
    HOLD_RELEASE = "release holds"
    LOT_RELEASE = "release lots for distribution"
    LABEL_TEMPLATE_APPROVE = "approve label templates"
    LABEL_PRINT = "print labels"
    LABEL_VERIFY = "verify labels"
    LABEL_REPRINT_APPROVE = "approve label reprints"
    LABEL_RECONCILE = "reconcile labels"
    PACK = "pack units into cases and pallets"
    SHIP = "ship to customers"
    SERVICE_RECORD = "record installation, service, returns and disposal"
    TRACE_VIEW = "trace items"
    RECALL_MANAGE = "run recalls"
    RECORD_EXPORT = "export batch records"
    AUDIT_VIEW = "review the audit trail"
    SPC_BASELINE_FREEZE = "freeze SPC control limits"
    SPC_FLAG_DISPOSITION = "disposition SPC anomaly flags"
    OFFLINE_CONFLICT_RESOLVE = "decide steps refused after an outage"
    DASHBOARD_VIEW = "view the plant dashboard"


class Meaning(Vocabulary):
    """Meanings of an electronic signature (Part 11 11.50(a)(3))."""

    RELEASED_FOR_DISTRIBUTION = "Released for distribution"
    MATERIAL_RELEASED = "Material released for use"
    DISPOSITION_APPROVED = "Disposition approved"
    TEMPLATE_APPROVED = "Label template approved"
    REPRINT_APPROVED = "Reprint approved"
    REVIEWED = "Reviewed"
    RECALL_CLOSED = "Recall closed"
    LIMITS_APPROVED = "Control limits approved"


#: The permissions in words for refusals, translatable (the enum values, as people read them).
words_for(
    Permission,
    {
        Permission.USERS_MANAGE: t("manage users"),
        Permission.MASTER_DATA_MANAGE: t("manage master data"),
        Permission.STATIONS_MANAGE: t("manage stations and devices"),
        Permission.MATERIAL_RECEIVE: t("receive material lots"),
        Permission.MATERIAL_INSPECT: t("record incoming inspections"),
        Permission.MATERIAL_DISPOSITION: t("release or reject material lots"),
        Permission.WORK_ORDER_MANAGE: t("create and release work orders"),
        Permission.SERIALS_COMMISSION: t("commission serial numbers"),
        Permission.STEP_EXECUTE: t("execute production steps"),
        Permission.COMPONENT_CONSUME: t("consume components"),
        Permission.INSPECTION_RECORD: t("record inspections"),
        Permission.NCR_OPEN: t("open nonconformances"),
        Permission.NCR_DISPOSITION: t("disposition nonconformances"),
        Permission.HOLD_PLACE: t("place holds"),
        Permission.HOLD_RELEASE: t("release holds"),
        Permission.LOT_RELEASE: t("release lots for distribution"),
        Permission.LABEL_TEMPLATE_APPROVE: t("approve label templates"),
        Permission.LABEL_PRINT: t("print labels"),
        Permission.LABEL_VERIFY: t("verify labels"),
        Permission.LABEL_REPRINT_APPROVE: t("approve label reprints"),
        Permission.LABEL_RECONCILE: t("reconcile labels"),
        Permission.PACK: t("pack units into cases and pallets"),
        Permission.SHIP: t("ship to customers"),
        Permission.SERVICE_RECORD: t("record installation, service, returns and disposal"),
        Permission.TRACE_VIEW: t("trace items"),
        Permission.RECALL_MANAGE: t("run recalls"),
        Permission.RECORD_EXPORT: t("export batch records"),
        Permission.AUDIT_VIEW: t("review the audit trail"),
        Permission.SPC_BASELINE_FREEZE: t("freeze SPC control limits"),
        Permission.SPC_FLAG_DISPOSITION: t("disposition SPC anomaly flags"),
        Permission.OFFLINE_CONFLICT_RESOLVE: t("decide steps refused after an outage"),
        Permission.DASHBOARD_VIEW: t("view the plant dashboard"),
    },
)

#: Signature meanings as people read them (the stored meaning stays the English enum value).
words_for(
    Meaning,
    {
        Meaning.RELEASED_FOR_DISTRIBUTION: t("Released for distribution"),
        Meaning.MATERIAL_RELEASED: t("Material released for use"),
        Meaning.DISPOSITION_APPROVED: t("Disposition approved"),
        Meaning.TEMPLATE_APPROVED: t("Label template approved"),
        Meaning.REPRINT_APPROVED: t("Reprint approved"),
        Meaning.REVIEWED: t("Reviewed"),
        Meaning.RECALL_CLOSED: t("Recall closed"),
        Meaning.LIMITS_APPROVED: t("Control limits approved"),
    },
)


P = Permission
_SHARED = frozenset({P.TRACE_VIEW})

ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.OPERATOR: _SHARED | {P.STEP_EXECUTE, P.COMPONENT_CONSUME, P.NCR_OPEN},
    Role.QC_INSPECTOR: _SHARED
    | {
        P.MATERIAL_INSPECT,
        P.MATERIAL_DISPOSITION,
        P.INSPECTION_RECORD,
        P.NCR_OPEN,
        P.NCR_DISPOSITION,
        P.HOLD_PLACE,
        P.HOLD_RELEASE,
        P.LOT_RELEASE,
        P.LABEL_TEMPLATE_APPROVE,
        P.RECORD_EXPORT,
        P.AUDIT_VIEW,
        P.SPC_BASELINE_FREEZE,
        P.SPC_FLAG_DISPOSITION,
        P.DASHBOARD_VIEW,
    },
    Role.PACKAGING: _SHARED
    | {P.MATERIAL_RECEIVE, P.LABEL_PRINT, P.LABEL_VERIFY, P.LABEL_RECONCILE, P.PACK, P.SHIP},
    Role.SUPERVISOR: _SHARED
    | {
        P.MATERIAL_RECEIVE,
        P.WORK_ORDER_MANAGE,
        P.SERIALS_COMMISSION,
        P.STEP_EXECUTE,
        P.COMPONENT_CONSUME,
        P.NCR_OPEN,
        P.HOLD_PLACE,
        P.LABEL_REPRINT_APPROVE,
        P.LABEL_RECONCILE,
        P.SERVICE_RECORD,
        P.RECALL_MANAGE,
        P.RECORD_EXPORT,
        P.AUDIT_VIEW,
        P.OFFLINE_CONFLICT_RESOLVE,
        P.DASHBOARD_VIEW,
    },
    Role.ADMIN: _SHARED | {P.USERS_MANAGE, P.MASTER_DATA_MANAGE, P.STATIONS_MANAGE, P.AUDIT_VIEW},
}

SIGNING_RIGHTS: Mapping[Role, frozenset[Meaning]] = {
    Role.OPERATOR: frozenset(),
    Role.QC_INSPECTOR: frozenset(
        {
            Meaning.RELEASED_FOR_DISTRIBUTION,
            Meaning.MATERIAL_RELEASED,
            Meaning.DISPOSITION_APPROVED,
            Meaning.TEMPLATE_APPROVED,
            Meaning.REVIEWED,
            Meaning.LIMITS_APPROVED,
        }
    ),
    Role.PACKAGING: frozenset(),
    Role.SUPERVISOR: frozenset({Meaning.REPRINT_APPROVED, Meaning.REVIEWED, Meaning.RECALL_CLOSED}),
    Role.ADMIN: frozenset(),
}

#: Roles whose users need a TOTP second factor at log-in unless configured otherwise.
TOTP_REQUIRED_BY_DEFAULT: frozenset[Role] = frozenset({Role.ADMIN})


def role_words(role: str | None) -> Text:
    """A user's role in words (Role.words), "no role" when the user has none."""
    return words_of(Role, role) if role else t("no role")


def who_may(roles: list[Role]) -> Text:
    """ "Roles that may: QC inspector, supervisor" (or "No role may do this"), for a refusal."""
    if not roles:
        return t("No role may do this")
    return t("Roles that may: {roles}", roles=join([r.words for r in roles], ", "))


def parse_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise ValueError(
            t('unknown role "{role}": use one of {names}', role=text, names=names)
        ) from None


def can(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(Role(role), frozenset())


def may_sign(role: Role | str, meaning: Meaning) -> bool:
    return meaning in SIGNING_RIGHTS.get(Role(role), frozenset())


def holders(permission: Permission) -> list[Role]:
    """Roles that hold ``permission`` (to say whom to ask in a refusal)."""
    return [role for role, perms in ROLE_PERMISSIONS.items() if permission in perms]


def signers(meaning: Meaning) -> list[Role]:
    return [role for role, meanings in SIGNING_RIGHTS.items() if meaning in meanings]
