"""SQLTrackerStore that keeps recent conversations in memory, checked against the database.

Rasa 3.6 rebuilds the tracker from every event of the session on each message; deserialising
events dominates the response time once a conversation is a few dozen turns long. Here the
tracker saved last is reused when the database still holds exactly what it holds: the same
number of session events and the same newest event id. Any other writer (a second Rasa
server behind the Redis lock store, a restart, a failed turn that was never saved) changes
that stamp, and the tracker is read from the database as before.
"""

from collections import OrderedDict
from typing import Any, Optional, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

Stamp = Tuple[int, Optional[int]]  # (events in the latest session, newest event id)


class CachedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, cache_size: int = 1000, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cache_size = int(cache_size)
        self._cache: OrderedDict[str, Tuple[Stamp, int, DialogueStateTracker]] = OrderedDict()

    def _stamp(self, sender_id: str) -> Stamp:
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            # Without Rasa's ORDER BY: PostgreSQL refuses it next to aggregates.
            count, newest = (
                query.order_by(None)
                .with_entities(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id))
                .one()
            )
        return int(count), newest

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        cached = self._cache.get(sender_id)
        if cached:
            stamp, length, tracker = cached
            # `length` catches a tracker changed in memory by a turn that was not saved.
            if len(tracker.events) == length and self._stamp(sender_id) == stamp:
                self._cache.move_to_end(sender_id)
                return tracker
            del self._cache[sender_id]
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        stamp = self._stamp(tracker.sender_id)
        if stamp[0] != len(tracker.events):
            # Not what a read would return (e.g. a new session began): read it next time.
            self._cache.pop(tracker.sender_id, None)
            return
        self._cache[tracker.sender_id] = (stamp, len(tracker.events), tracker)
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
