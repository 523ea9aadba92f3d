"""TOTP secrets encrypted at rest with a key the database does not hold (Part 11 11.300).

The key (32 bytes, AES-256-GCM) lives in a file of the station's protected configuration
folder (``totp-secrets.key``, mode 0600, beside the audit signing key), or where the station
file's ``secret_key_file`` says; every station of a site needs the same file, copied by IT.
A stored secret is then 64 characters (base64url of nonce, ciphertext and tag) instead of the
32-character base32 secret a development database keeps in clear.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES, NONCE_BYTES = 32, 12
PLAIN_LENGTH = 32  # pyotp.random_base32(): 32 base32 characters (20 bytes)
_AAD = b"lotline totp secret v1"


class SecretKeyProblem(ValueError):
    """The key file is missing, unreadable or not the key that sealed a secret."""


def load_or_create_key(path: Path, *, create: bool) -> bytes | None:
    """The key in ``path``; made (mode 0600) when missing and ``create``; else None."""
    if path.exists():
        raw = path.read_bytes().strip()
        try:
            key = base64.urlsafe_b64decode(raw)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise SecretKeyProblem(f"{path} is not a Lotline secret key (32 bytes, base64)")
        return key
    if not create:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(base64.urlsafe_b64encode(key) + b"\n")
    return key


def seal(secret: str, key: bytes | None) -> str:
    """The stored form of a base32 TOTP secret: encrypted with ``key``, or as is without one."""
    if key is None:
        return secret
    raw = base64.b32decode(secret)
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = nonce + AESGCM(key).encrypt(nonce, raw, _AAD)
    return base64.urlsafe_b64encode(sealed).decode("ascii")


def is_sealed(stored: str) -> bool:
    return len(stored) != PLAIN_LENGTH


def unseal(stored: str, key: bytes | None) -> str:
    """The base32 secret of a stored one; SecretKeyProblem if it cannot be read here."""
    if not is_sealed(stored):
        return stored
    if key is None:
        raise SecretKeyProblem(
            "the authenticator secrets are encrypted and this station has no secret key file"
        )
    sealed = base64.urlsafe_b64decode(stored)
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        raw = AESGCM(key).decrypt(nonce, body, _AAD)
    except InvalidTag:
        raise SecretKeyProblem(
            "this station's secret key file is not the one the authenticator was enrolled with"
        ) from None
    return base64.b32encode(raw).decode("ascii")


__all__ = ["SecretKeyProblem", "is_sealed", "load_or_create_key", "seal", "unseal"]
