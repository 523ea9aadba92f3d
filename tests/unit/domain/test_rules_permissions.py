"""Who may do what and who may sign what, held against tables written out here by hand.

The expected answers are literal (role codes and permission texts as stored), not read from
``ROLE_PERMISSIONS`` or ``SIGNING_RIGHTS``: a right given to or taken from a role by mistake
fails here, and so does a permission or meaning that nobody holds.
"""

from __future__ import annotations

import itertools

import pytest

from desktop.domain.permissions import (
    TOTP_REQUIRED_BY_DEFAULT,
    Meaning,
    Permission,
    Role,
    can,
    holders,
    may_sign,
    parse_role,
    role_words,
    signers,
    who_may,
)

OP, QC, PK, SV, AD = "operator", "qc_inspector", "packaging", "supervisor", "admin"

#: permission (as stored) -> the roles that hold it, in the order refusals name them.
RIGHTS: dict[str, tuple[str, ...]] = {
    "manage users": (AD,),
    "manage master data": (AD,),
    "manage stations and devices": (AD,),
    "receive material lots": (PK, SV),
    "record incoming inspections": (QC,),
    "release or reject material lots": (QC,),
    "create and release work orders": (SV,),
    "commission serial numbers": (SV,),
    "execute production steps": (OP, SV),
    "consume components": (OP, SV),
    "record inspections": (QC,),
    "open nonconformances": (OP, QC, SV),
    "disposition nonconformances": (QC,),
    "place holds": (QC, SV),
    "release holds": (QC,),
    "release lots for distribution": (QC,),
    "approve label templates": (QC,),
    "print labels": (PK,),
    "verify labels": (PK,),
    "approve label reprints": (SV,),
    "reconcile labels": (PK, SV),
    "pack units into cases and pallets": (PK,),
    "ship to customers": (PK,),
    "record installation, service, returns and disposal": (SV,),
    "trace items": (OP, QC, PK, SV, AD),
    "run recalls": (SV,),
    "export batch records": (QC, SV),
    "review the audit trail": (QC, SV, AD),
    "freeze SPC control limits": (QC,),
    "disposition SPC anomaly flags": (QC,),
    "decide steps refused after an outage": (SV,),
    "view the plant dashboard": (QC, SV),
}

#: signature meaning (as stored) -> the roles that may sign it.
SIGNING: dict[str, tuple[str, ...]] = {
    "Released for distribution": (QC,),
    "Material released for use": (QC,),
    "Disposition approved": (QC,),
    "Label template approved": (QC,),
    "Reprint approved": (SV,),
    "Reviewed": (QC, SV),
    "Recall closed": (SV,),
    "Control limits approved": (QC,),
}


def test_the_tables_name_every_permission_meaning_and_role() -> None:
    assert set(RIGHTS) == {p.value for p in Permission}
    assert set(SIGNING) == {m.value for m in Meaning}
    assert [r.value for r in Role] == [OP, QC, PK, SV, AD]


@pytest.mark.parametrize("role", [OP, QC, PK, SV, AD])
def test_each_role_may_do_exactly_what_the_table_says(role: str) -> None:
    wrong = [
        f"{permission}: {'allowed' if can(role, Permission(permission)) else 'refused'}"
        for permission, roles in RIGHTS.items()
        if can(role, Permission(permission)) != (role in roles)
    ]
    assert wrong == []


@pytest.mark.parametrize("role", [OP, QC, PK, SV, AD])
def test_each_role_may_sign_exactly_what_the_table_says(role: str) -> None:
    wrong = [
        meaning
        for meaning, roles in SIGNING.items()
        if may_sign(role, Meaning(meaning)) != (role in roles)
    ]
    assert wrong == []


@pytest.mark.parametrize(("permission", "roles"), list(RIGHTS.items()))
def test_a_refusal_names_the_holders_in_order(permission: str, roles: tuple[str, ...]) -> None:
    assert [r.value for r in holders(Permission(permission))] == list(roles)


@pytest.mark.parametrize(("meaning", "roles"), list(SIGNING.items()))
def test_a_refusal_names_the_signers_in_order(meaning: str, roles: tuple[str, ...]) -> None:
    assert [r.value for r in signers(Meaning(meaning))] == list(roles)


def test_roles_given_as_members_or_codes_answer_alike() -> None:
    for role, permission in itertools.product(Role, Permission):
        assert can(role, permission) == can(role.value, permission)
    assert may_sign(Role.QC_INSPECTOR, Meaning.REVIEWED) and may_sign(QC, Meaning.REVIEWED)


def test_an_unknown_role_is_an_error_not_a_right() -> None:
    with pytest.raises(ValueError):
        can("superuser", Permission.USERS_MANAGE)
    with pytest.raises(ValueError):
        may_sign("superuser", Meaning.REVIEWED)


def test_only_administrators_need_a_second_factor_by_default() -> None:
    assert {r.value for r in TOTP_REQUIRED_BY_DEFAULT} == {AD}


def test_parse_role_names_the_roles_it_knows() -> None:
    assert parse_role("qc_inspector") is Role.QC_INSPECTOR
    with pytest.raises(ValueError) as refused:
        parse_role("boss")
    assert str(refused.value) == (
        'unknown role "boss": use one of operator, qc_inspector, packaging, supervisor, admin'
    )


@pytest.mark.parametrize(
    ("role", "words", "template"),
    [
        ("qc_inspector", "QC inspector", "QC inspector"),
        ("operator", "line operator", "line operator"),
        (None, "no role", "no role"),
        ("", "no role", "no role"),
        ("shift_lead", "shift lead", "{code}"),  # a role a newer version wrote: as it is
    ],
)
def test_a_role_in_words(role: str | None, words: str, template: str) -> None:
    said = role_words(role)
    assert (str(said), said.template) == (words, template)


def test_who_may_is_named_in_a_refusal() -> None:
    said = who_may([Role.QC_INSPECTOR, Role.SUPERVISOR])
    assert str(said) == "Roles that may: QC inspector, supervisor"
    assert said.template == "Roles that may: {roles}"
    assert said.params["roles"].template == "{p0}, {p1}"
    nobody = who_may([])
    assert (str(nobody), nobody.template) == ("No role may do this", "No role may do this")
