"""Electronic signatures (21 CFR Part 11 11.50, 11.70, 11.200).

A signature re-authenticates the signer (user name and password at the first signing of a
continuous session, the password alone after), checks the signer may sign with that meaning,
and stores the printed name, time, meaning and the SHA-256 of the record's canonical content.
``verify_signature`` recomputes that hash: a record changed after signing reads as invalid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from db.models import Base, Signature, User
from db.types import utcnow
from desktop.domain.permissions import Meaning, may_sign, role_words, signers, who_may
from desktop.domain.text import Text, t
from desktop.services.core.authority import standing
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import AuthenticationFailed, NotFound, Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity._auth import check_password
from desktop.services.identity._coverage import (
    covers_of,
    later_removals,
    load_covered,
    signed_hash,
)


@dataclass(frozen=True)
class SignatureInfo:
    """The manifestation shown wherever the signed record is shown (11.50)."""

    id: int
    printed_name: str
    username: str
    meaning: Meaning
    signed_at: datetime
    record_type: str
    record_id: str
    valid: bool
    problem: str = ""

    def manifestation(self) -> Text:
        """ "Name (user), 2026-11-25 10:00:00 UTC: Released for distribution" (the meaning is
        translatable; the stored meaning stays English)."""
        return t(
            "{name} ({user}), {when}: {meaning}",
            name=self.printed_name,
            user=self.username,
            when=self.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            meaning=self.meaning.words,
        )


def _model_for(record_type: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == record_type:
            return cls
    raise NotFound(t('"{record}" is not a kind of record that can be signed', record=record_type))


def record_hash(row: Base) -> str:
    """The hash of a signature that covers its record alone."""
    return signed_hash(row)


def _reauthenticate(
    uow: UnitOfWork, login: LoginSession, password: str, username: str | None
) -> None:
    actor = login.actor
    if not login.active:
        raise AuthenticationFailed(t("your session has ended: log in again before signing"))
    if login.signings == 0 and not username:
        raise AuthenticationFailed(
            t("first signature of this session: enter your user name and your password")
        )
    if username and username != actor.username:
        raise AuthenticationFailed(
            t(
                'you are logged in as {user}: "{signer}" cannot sign here; '
                "each signature belongs to the person who is logged in",
                user=actor.username,
                signer=username,
            )
        )
    code, login.second_factor = login.second_factor, None  # typed with this signature, once
    user = check_password(
        uow.session,
        actor.username,
        password,
        code,
        what=t("wrong password for the signature"),
        key=uow.ctx.settings.secret_key,
        allow_step=login.totp_step,
    )
    user.failed_attempts = 0


def sign_in(
    uow: UnitOfWork,
    login: LoginSession,
    record: Base,
    meaning: Meaning,
    password: str,
    *,
    username: str | None = None,
    reason: str | None = None,
    covers: Sequence[Base] = (),
) -> Signature:
    """Sign ``record`` inside the caller's unit of work (e.g. a lot release). The signer's role
    and standing are read from the database, not from the log-in's actor. ``covers``: the rows
    the signature binds besides the record (a lot's whole record), hashed with it."""
    now = standing(uow.session, login.actor, production=uow.ctx.settings.production)
    role = now.role if now is not None else None
    if role is None or not may_sign(role, meaning):
        raise Refusal(
            t(
                '{user} ({role}) may not sign "{meaning}". {who}',
                user=login.actor.username,
                role=role_words(role),
                meaning=meaning.words,
                who=who_may(signers(meaning)),
            ),
            entity=type(record).__tablename__,
        )
    _reauthenticate(uow, login, password, username)
    uow.session.flush()
    record_id = str(sa_inspect(record).identity[0])  # type: ignore[index]
    sig = Signature(
        user_id=login.actor.user_id,
        printed_name=now.full_name if now is not None else login.actor.full_name,
        meaning=meaning.value,
        signed_at=utcnow(),
        record_type=type(record).__tablename__,
        record_id=record_id,
        record_hash=signed_hash(record, covers),
        covers=covers_of(covers) if covers else None,
        reason=reason,
        station_id=login.actor.station_id,
    )
    uow.session.add(sig)
    uow.session.flush()
    login.signings += 1
    uow.audit(
        "signature.sign",
        sig.record_type,
        record_id,
        new={"signature_id": sig.id, "meaning": sig.meaning, "hash": sig.record_hash},
        reason=reason,
        by=login.actor,  # the signer, who may not be the person logged in at the station
    )
    return sig


def describe(session: Session, sig: Signature) -> SignatureInfo:
    """The manifestation plus whether the signed record is still what was signed."""
    model = _model_for(sig.record_type)
    row = session.get(model, int(sig.record_id))
    user = session.get(User, sig.user_id)
    covered, missing = load_covered(session, sig.covers) if sig.covers else ([], [])
    valid, problem = True, ""
    if row is None:
        valid, problem = False, t("the signed record no longer exists")
    elif missing:
        valid, problem = (
            False,
            t(
                "{rows} of the signed record no longer exist(s)",
                rows=", ".join(missing[:5]) + (" ..." if len(missing) > 5 else ""),
            ),
        )
    elif signed_hash(row, covered) != sig.record_hash:
        removed = later_removals(session, covered, sig.id, (sig.record_type, sig.record_id))
        if removed and signed_hash(row, covered, removed) == sig.record_hash:
            problem = t(
                "as signed; since then {count} part(s) were removed by later recorded events "
                "(repairs, unpacking)",
                count=len(removed),
            )
        else:
            valid, problem = False, t("the record was changed after it was signed")
    return SignatureInfo(
        sig.id,
        sig.printed_name,
        user.username if user else "?",
        sig.meaning,
        sig.signed_at,
        sig.record_type,
        sig.record_id,
        valid,
        problem,
    )


def verify_signature(session: Session, signature_id: int) -> SignatureInfo:
    sig = session.get(Signature, signature_id)
    if sig is None:
        raise NotFound(t("there is no signature {id}", id=signature_id))
    return describe(session, sig)


@use_case(None)
def sign_record(
    uow: UnitOfWork,
    login: LoginSession,
    record_type: str,
    record_id: int,
    meaning: Meaning,
    password: str,
    *,
    username: str | None = None,
    reason: str | None = None,
) -> SignatureInfo:
    """sign(record, meaning, user, password) as a use case of its own."""
    row = uow.session.get(_model_for(record_type), record_id)
    if row is None:
        raise NotFound(
            t("there is no {record} {id} to sign", record=record_type, id=record_id),
            entity=record_type,
        )
    sig = sign_in(uow, login, row, meaning, password, username=username, reason=reason)
    return describe(uow.session, sig)


def check_signature(ctx: Context, signature_id: int) -> SignatureInfo:
    """Whether the signed record is unchanged since signing, with the manifestation."""
    with Session(ctx.engine) as session:
        return verify_signature(session, signature_id)
