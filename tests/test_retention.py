"""`make purge`: conversations idle for longer than the retention period and older handoff
records leave the tracker store's database; everything newer stays."""

import time
from datetime import datetime, timedelta, timezone

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from scripts import purge
from stores import handoffs
from stores.database import tracker_store_url

DAY = 86_400


async def save(store, sender, *ages_in_days):
    events = []
    for age in ages_in_days:
        events += [
            ActionExecuted("action_listen", timestamp=time.time() - age * DAY),
            UserUttered("jaky port pro imap", timestamp=time.time() - age * DAY),
        ]
    await store.save(DialogueStateTracker.from_events(sender, events))


def record(sender, age_days):
    created = datetime.now(timezone.utc) - timedelta(days=age_days)
    return {
        "created_at": created.isoformat(timespec="seconds"),
        "conversation_id": sender,
        "channel": "rest",
        "reason": "request",
        "topic": "neurčeno",
        "walkthrough_step": None,
        "transcript": [{"who": "zákazník", "text": "chci člověka"}],
    }


def senders(url):
    from stores.database import engine

    with engine(url).connect() as connection:
        return {
            row[0] for row in connection.exec_driver_sql("SELECT DISTINCT sender_id FROM events")
        }


async def test_purge_deletes_what_is_older_than_the_retention_period(handoff_db, capsys):
    store = SQLTrackerStore(dialect="sqlite", db=str(handoff_db))
    await save(store, "idle", 120, 100)  # last message 100 days ago: gone
    await save(store, "returning", 200, 3)  # started long ago, active 3 days ago: kept whole
    await save(store, "recent", 1)
    url = tracker_store_url()
    old, new = handoffs.store(record("idle", 95), url), handoffs.store(record("recent", 1), url)

    assert purge.main(["--days", "90"]) == 0
    assert "konverzace 1 (události 4), záznamy o předání 1" in capsys.readouterr().out
    assert senders(url) == {"returning", "recent"}
    kept = handoffs.between("2000-01-01", "2100-01-01", url)
    assert [r["id"] for r in kept] == [new] and old != new
    tracker = await store.retrieve("returning")
    assert len([e for e in tracker.events if isinstance(e, UserUttered)]) == 2


def test_purge_refuses_a_negative_period(capsys):
    assert purge.main(["--days", "-1"]) == 2


async def test_transcript_prints_one_conversation_with_passwords_redacted(handoff_db, capsys):
    from rasa.shared.core.events import BotUttered, ConversationPaused

    from scripts import transcript

    store = SQLTrackerStore(dialect="sqlite", db=str(handoff_db))
    now = time.time()
    await store.save(
        DialogueStateTracker.from_events(
            "zakaznik-7",
            [
                UserUttered(
                    "moje heslo je Kvetina99", timestamp=now
                ),  # typed before the guard existed
                BotUttered("Heslo prosím nikomu nepište.", timestamp=now),
                ConversationPaused(timestamp=now),
                BotUttered("Dobrý den, tady Petra.", metadata={"agent": "Petra"}, timestamp=now),
            ],
        )
    )
    await save(store, "someone-else", 1)
    assert transcript.main(["zakaznik-7"]) == 0
    out = capsys.readouterr().out
    assert "zákazník: moje heslo je [heslo skryto]" in out and "Kvetina99" not in out
    assert "bot: Heslo prosím nikomu nepište." in out
    assert "kolega převzal rozhovor" in out and "kolega Petra: Dobrý den, tady Petra." in out
    assert "jaky port pro imap" not in out  # another conversation
    assert transcript.main(["nobody"]) == 1
