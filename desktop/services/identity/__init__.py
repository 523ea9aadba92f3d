"""Identity: users, passwords, badges, TOTP, log-in and lockout, and electronic signatures (Part
11).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.identity._auth import (
    add_user,
    bootstrap_admin,
    create_user_in,
    disable_user,
    list_users,
    login,
    login_badge,
    unlock_user,
)
from desktop.services.identity._demo_accounts import demo_accounts
from desktop.services.identity._password import change_password
from desktop.services.identity._policy import password_problem, pin_problem
from desktop.services.identity._qualifications import (
    QualificationView,
    grant_in,
    grant_qualification,
    list_qualifications,
    revoke_qualification,
)
from desktop.services.identity._secrets import SecretKeyProblem, load_or_create_key
from desktop.services.identity._signatures import (
    SignatureInfo,
    check_signature,
    describe,
    sign_in,
    sign_record,
)

__all__ = [
    "QualificationView",
    "SecretKeyProblem",
    "SignatureInfo",
    "add_user",
    "bootstrap_admin",
    "change_password",
    "check_signature",
    "create_user_in",
    "demo_accounts",
    "describe",
    "disable_user",
    "grant_in",
    "grant_qualification",
    "list_qualifications",
    "list_users",
    "load_or_create_key",
    "login",
    "login_badge",
    "password_problem",
    "pin_problem",
    "revoke_qualification",
    "sign_in",
    "sign_record",
    "unlock_user",
]
