"""Refusals: what a person did that the rules do not allow. The message is for that person."""

from __future__ import annotations


class Refusal(Exception):
    """A rule said no. ``str(refusal)`` says what was wrong with the input and what to do.

    Every refusal raised out of a use case is recorded in the audit trail (as ``refused:...``)
    in a transaction of its own; the use case's own writes are rolled back.
    """

    def __init__(self, message: str, *, entity: str = "", entity_id: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.entity = entity
        self.entity_id = entity_id


class PermissionDenied(Refusal):
    pass


class AuthenticationFailed(Refusal):
    """Credentials were wrong or unusable. ``user_id`` names the account whose failure counts
    toward lockout (None when the account does not exist or the attempt must not count)."""

    def __init__(self, message: str, *, user_id: int | None = None, counts: bool = True) -> None:
        super().__init__(message, entity="user", entity_id=str(user_id or ""))
        self.user_id = user_id
        self.counts = counts and user_id is not None


class NotFound(Refusal):
    pass
