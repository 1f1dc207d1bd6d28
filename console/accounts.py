"""Staff accounts of the console, in the tracker store's database (stores/database.py): SQLite
by default, PostgreSQL in production, so every console and every report sees the same staff.

Passwords are hashed by argon2-cffi (Argon2id, its own encoded format with salt and cost);
the password itself is never stored, logged or shown. Failed logins are counted per account
and per client address; from the fifth failure on, the next try is refused for a while that
doubles with every further failure (at most LOCK_MAX seconds), so guessing is slowed down
while a colleague who mistyped twice is not."""

import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import Optional

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from console.store import FAILURES, SESSIONS, USERS, database

FREE_FAILURES = 4  # mistyping this often costs nothing
LOCK_MAX = 300.0
SESSION_SECONDS = 8 * 3600  # one working day
MIN_PASSWORD = 10
HASHER = PasswordHasher()
# Verified when the account does not exist, so that its absence takes as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


class Refused(Exception):
    """A login or an account change that is not allowed; the message is Czech, for staff."""


class Throttled(Refused):
    """Too many failed logins: not even tried until the wait is over."""


@dataclass
class Session:
    email: str
    csrf: str


def normalised(email: str) -> str:
    email = email.strip().lower()
    if len(email) > 320 or email.count("@") != 1 or not all(email.split("@")):
        raise Refused("Zadejte e-mailovou adresu ve tvaru jmeno@firma.cz.")
    return email


def set_password(email: str, password: str, url: Optional[str] = None) -> bool:
    """Creates the account or gives it a new password; True when it was created. Every
    session of the account ends."""
    email = normalised(email)
    if len(password) < MIN_PASSWORD:
        raise Refused(f"Heslo musí mít aspoň {MIN_PASSWORD} znaků.")
    hashed = HASHER.hash(password)
    with database(url).begin() as connection:
        updated = connection.execute(
            USERS.update().where(USERS.c.email == email).values(password_hash=hashed)
        ).rowcount
        if not updated:
            connection.execute(
                USERS.insert().values(email=email, password_hash=hashed, created_at=time.time())
            )
        connection.execute(SESSIONS.delete().where(SESSIONS.c.email == email))
        connection.execute(FAILURES.delete().where(FAILURES.c.key == f"email:{email}"))
    return not updated


def has_accounts(url: Optional[str] = None) -> bool:
    with database(url).connect() as connection:
        return connection.execute(sa.select(USERS.c.email).limit(1)).first() is not None


def _wait(connection, keys) -> float:
    now = time.time()
    rows = connection.execute(FAILURES.select().where(FAILURES.c.key.in_(keys))).fetchall()
    return max([row.locked_until - now for row in rows] + [0.0])


def _failed(connection, key: str) -> None:
    row = connection.execute(FAILURES.select().where(FAILURES.c.key == key)).first()
    count = (row.count if row else 0) + 1
    lock = min(2.0 ** (count - FREE_FAILURES), LOCK_MAX) if count > FREE_FAILURES else 0.0
    values = {"count": count, "locked_until": time.time() + lock}
    if row:
        connection.execute(FAILURES.update().where(FAILURES.c.key == key).values(**values))
    else:
        connection.execute(FAILURES.insert().values(key=key, **values))


def log_in(email: str, password: str, client: str, url: Optional[str] = None) -> str:
    """A new session's token for the right password; Refused (with the wait) otherwise."""
    try:
        email = normalised(email)
    except Refused:
        email = ""
    keys = [f"email:{email}", f"ip:{client}"]
    with database(url).connect() as connection:
        wait = _wait(connection, keys)
        row = connection.execute(USERS.select().where(USERS.c.email == email)).first()
    if wait > 0:
        raise Throttled(f"Příliš mnoho neúspěšných pokusů. Zkuste to znovu za {int(wait) + 1} s.")
    try:
        HASHER.verify(row.password_hash if row else _DUMMY_HASH, password)
        ok = row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    with database(url).begin() as connection:
        if not ok:
            for key in keys:
                _failed(connection, key)
        else:
            connection.execute(FAILURES.delete().where(FAILURES.c.key.in_(keys)))
            token = secrets.token_urlsafe(32)
            connection.execute(SESSIONS.delete().where(SESSIONS.c.expires_at < time.time()))
            connection.execute(
                SESSIONS.insert().values(
                    token_hash=_digest(token),
                    email=email,
                    csrf=secrets.token_urlsafe(32),
                    expires_at=time.time() + SESSION_SECONDS,
                )
            )
    if not ok:
        raise Refused("E-mail nebo heslo nesouhlasí.")
    return token


def session(token: str, url: Optional[str] = None) -> Optional[Session]:
    with database(url).connect() as connection:
        row = connection.execute(
            SESSIONS.select().where(
                SESSIONS.c.token_hash == _digest(token), SESSIONS.c.expires_at > time.time()
            )
        ).first()
    return Session(row.email, row.csrf) if row else None


def log_out(token: str, url: Optional[str] = None) -> None:
    with database(url).begin() as connection:
        connection.execute(SESSIONS.delete().where(SESSIONS.c.token_hash == _digest(token)))


def _digest(token: str) -> str:
    """Sessions are stored by their token's hash: a copy of the table logs nobody in."""
    return hashlib.sha256(token.encode()).hexdigest()
