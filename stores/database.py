"""The database of the tracker store Rasa is configured with (the endpoints file: the SQLite
file by default, PostgreSQL in production). Handoff records, analytics and `make purge` use
this one database, so every action server and every report sees the same data.

The endpoints file is ENDPOINTS from the environment (`make run` and the production start
set it for the action server, too), else endpoints.yml.
"""

import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Set, Tuple

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]


def endpoints_file() -> Path:
    return Path(os.environ.get("ENDPOINTS") or ROOT / "endpoints.yml")


def _store(endpoints: Optional[Path]) -> dict:
    from rasa.shared.utils.io import read_config_file

    return read_config_file(endpoints or endpoints_file()).get("tracker_store") or {}


def tracker_store_url(endpoints: Optional[Path] = None, login: bool = False) -> str:
    """The SQLAlchemy URL of the tracker store (${VARIABLES} taken from the environment); with
    `login`, of the database to connect to first (`login_db`)."""
    from rasa.core.tracker_store import SQLTrackerStore

    store = _store(endpoints)
    dialect = store.get("dialect", "sqlite")
    db = store.get("db", "rasa.db")
    if dialect == "sqlite" and not Path(db).is_absolute():
        db = str(ROOT / db)
    # Without `login_db`: Rasa's URL would name that database (it connects there first to
    # create `db`), not the one the conversations are in.
    return str(
        SQLTrackerStore.get_db_url(
            dialect,
            store.get("url"),
            store.get("port"),
            db,
            store.get("username"),
            store.get("password"),
            store.get("login_db") if login else None,
            store.get("query"),
        )
    )


def ensure_database(endpoints: Optional[Path] = None) -> None:
    """Creates the tracker store's PostgreSQL database when it is missing, as Rasa does with
    `login_db`: for a process that may start before Rasa (the staff console)."""
    from rasa.core.tracker_store import SQLTrackerStore

    store = _store(endpoints)
    if store.get("dialect") == "postgresql" and store.get("login_db"):
        login = sa.create_engine(tracker_store_url(endpoints, login=True))
        try:
            SQLTrackerStore._create_database(login, store["db"])
        finally:
            login.dispose()


@lru_cache(maxsize=4)
def engine(url: str) -> sa.engine.Engine:
    """One engine (and connection pool) per database and process."""
    return sa.create_engine(url, pool_pre_ping=True)


_created: Set[Tuple[int, str]] = set()


def with_tables(
    metadata: sa.MetaData,
    url: Optional[str] = None,
    migrate: Optional[Callable[[sa.engine.Engine], None]] = None,
) -> sa.engine.Engine:
    """The engine of `url` (the tracker store's by default) with `metadata`'s tables created,
    and `migrate` run, once per process."""
    url = url or tracker_store_url(endpoints_file())
    found = engine(url)
    if (id(metadata), url) not in _created:
        metadata.create_all(found)
        if migrate:
            migrate(found)
        _created.add((id(metadata), url))
    return found
