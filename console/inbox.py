"""The inbox of the console: what `make inbox` shows (analytics/inbox.py), without the
messages staff chose to ignore."""

import hashlib
import time
from typing import Iterable, List, Optional, Tuple

import sqlalchemy as sa

from analytics import conversations, inbox
from console.store import IGNORED, database
from czech_nlu.folding import fold


def _key(text: str) -> str:
    return hashlib.sha256(fold(text).strip().encode()).hexdigest()


def ignored(url: Optional[str] = None) -> set:
    with database(url).connect() as connection:
        return {row.key for row in connection.execute(sa.select(IGNORED.c.key))}


def ignore(texts: Iterable[str], email: str, url: Optional[str] = None) -> int:
    keys = {_key(t) for t in texts if t.strip()} - ignored(url)
    with database(url).begin() as connection:
        for key in keys:
            connection.execute(IGNORED.insert().values(key=key, email=email, at=time.time()))
    return len(keys)


def groups(
    since: Optional[str], until: Optional[str], url: str
) -> Tuple[List[inbox.Group], int, int]:
    """(groups, messages counted as noise, conversations in the period)."""
    start, end = conversations.period(since, until)
    found = conversations.load(url, start, end)
    skip = ignored(url)
    missed = [m for m in inbox.missed_messages(found) if _key(m.text) not in skip]
    kept, noise = inbox.without_noise(missed)
    return inbox.group(kept), noise, len(found)
