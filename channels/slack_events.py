"""Which Slack events this bot has answered, so that Slack's retries are answered once.

An event is claimed before it is handled and marked done only after: a failure releases it
(the retry Slack then sends is handled: nothing is lost), a retry of an event being handled
elsewhere is told to come back later (Slack retries after a minute, then five). With the
Redis lock store configured the ledger lives in that Redis, beside the locks, so every Rasa
server sees it; otherwise in this process's memory.
"""

from collections import OrderedDict
from typing import Any, Optional

NEW, DONE, BUSY = "new", "done", "busy"
CLAIM_SECONDS = 120  # longer than any turn; a server that died mid-turn lets go after it
DONE_SECONDS = 3600  # Slack's last retry comes about five minutes after the event
MEMORY_KEPT = 10_000


class MemoryLedger:
    def __init__(self) -> None:
        self.states: OrderedDict[str, str] = OrderedDict()

    async def claim(self, event_id: str) -> str:
        if event_id in self.states:
            return self.states[event_id]
        self.states[event_id] = BUSY
        while len(self.states) > MEMORY_KEPT:
            self.states.popitem(last=False)
        return NEW

    async def finish(self, event_id: str) -> None:
        self.states[event_id] = DONE

    async def release(self, event_id: str) -> None:
        self.states.pop(event_id, None)


class RedisLedger:
    def __init__(self, client: Any, namespace: str) -> None:
        self.client = client  # redis.asyncio: waiting on Redis never blocks the event loop
        self.prefix = f"{namespace}slack_event:"  # beside `<namespace>lock:`, never inside it

    async def claim(self, event_id: str) -> str:
        key = self.prefix + event_id
        if await self.client.set(key, BUSY, nx=True, ex=CLAIM_SECONDS):
            return NEW
        return DONE if await self.client.get(key) == DONE.encode() else BUSY

    async def finish(self, event_id: str) -> None:
        await self.client.set(self.prefix + event_id, DONE, ex=DONE_SECONDS)

    async def release(self, event_id: str) -> None:
        await self.client.delete(self.prefix + event_id)


def ledger_for(lock_store: Optional[Any]):
    """The Redis ledger when Rasa runs with our Redis lock store, else one in memory."""
    from stores.redis_lock import AtomicRedisLockStore

    if not isinstance(lock_store, AtomicRedisLockStore):
        return MemoryLedger()
    import redis
    import redis.asyncio

    pool = lock_store.red.connection_pool
    settings = dict(pool.connection_kwargs)
    if issubclass(pool.connection_class, redis.SSLConnection):
        settings["ssl"] = True
    return RedisLedger(redis.asyncio.Redis(**settings), lock_store.namespace)
