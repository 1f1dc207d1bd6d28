"""The cached tracker store returns what the database holds, also when others wrote to it."""

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from stores.cached_sql import CachedSQLTrackerStore


@pytest.fixture
def domain():
    return Domain.load("domain.yml")


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "tracker.db")


def turn(text, slot_value, t):
    return [
        UserUttered(text, {"name": "ask_port"}, timestamp=t),
        ActionExecuted("action_answer_port", timestamp=t + 0.1),
        SlotSet("protocol", slot_value, timestamp=t + 0.2),
        ActionExecuted("action_listen", timestamp=t + 0.3),
    ]


def as_dicts(tracker):
    return [e.as_dict() for e in tracker.events]


async def test_saved_tracker_is_served_from_memory(domain, db):
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
    tracker = DialogueStateTracker.from_events("u1", turn("imap", "imap", 1.0), domain.slots)
    await store.save(tracker)
    assert await store.retrieve("u1") is tracker
    plain = await SQLTrackerStore(domain=domain, dialect="sqlite", db=db).retrieve("u1")
    assert as_dicts(plain) == as_dicts(tracker)


async def test_write_by_another_server_is_seen(domain, db):
    mine = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
    other = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
    tracker = DialogueStateTracker.from_events("u1", turn("imap", "imap", 1.0), domain.slots)
    await mine.save(tracker)

    theirs = await other.retrieve("u1")
    for event in turn("pop3", "pop3", 2.0):
        theirs.update(event)
    await other.save(theirs)

    seen = await mine.retrieve("u1")
    assert seen is not tracker
    assert seen.get_slot("protocol") == "pop3"
    assert len(seen.events) == 8


async def test_turn_that_was_not_saved_is_forgotten(domain, db):
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
    tracker = DialogueStateTracker.from_events("u1", turn("imap", "imap", 1.0), domain.slots)
    await store.save(tracker)
    tracker.update(UserUttered("crashed turn", {"name": "ask_port"}, timestamp=2.0))
    again = await store.retrieve("u1")
    assert [e.as_dict() for e in again.events] == as_dicts(tracker)[:4]


async def test_new_session_matches_a_plain_read(domain, db):
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db)
    tracker = DialogueStateTracker.from_events("u1", turn("imap", "imap", 1.0), domain.slots)
    await store.save(tracker)
    tracker = await store.retrieve("u1")
    tracker.update(ActionExecuted("action_session_start", timestamp=100.0))
    tracker.update(SessionStarted(timestamp=100.1))
    for event in turn("pop3", "pop3", 101.0):
        tracker.update(event)
    await store.save(tracker)

    cached_read = await store.retrieve("u1")
    plain_read = await SQLTrackerStore(domain=domain, dialect="sqlite", db=db).retrieve("u1")
    assert as_dicts(cached_read) == as_dicts(plain_read)


async def test_cache_is_bounded(domain, db):
    store = CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db, cache_size=2)
    saved = [
        DialogueStateTracker.from_events(f"u{n}", turn("x", "imap", 1.0), domain.slots)
        for n in range(3)
    ]
    for tracker in saved:
        await store.save(tracker)
    # The oldest conversation left memory: it is read from the database, whole.
    oldest = await store.retrieve("u0")
    assert oldest is not saved[0] and as_dicts(oldest) == as_dicts(saved[0])
    # The two most recent are served from memory.
    assert await store.retrieve("u1") is saved[1] and await store.retrieve("u2") is saved[2]
